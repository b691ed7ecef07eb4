// What leaves the server about events, field by field: the public event (lists and its page) and, for the
// person asking, their own registration. The online link only reaches people with a confirmed place.
import {
	eventPath,
	type EventAnswers,
	type EventKind,
	type EventQuestion,
	type EventStatus,
	type RegistrationStatus
} from '$lib/domain/events';
import { actionPath } from '$lib/domain/actions';
import { rungLevel, type LadderRung } from '$lib/domain/ladder';
import { renderMarkdown } from '$lib/server/platform/markdown';
import type { EventRow, RegistrationRow } from './events.queries';

export interface EventView {
	id: number;
	path: string;
	kind: EventKind;
	rung: LadderRung;
	level: number;
	title: string;
	descriptionHtml: string;
	startsAt: string;
	endsAt: string;
	venueName: string;
	address: string;
	/** Both or neither. */
	lat: number | null;
	lng: number | null;
	accessibility: string;
	whatToBring: string;
	organiser: string;
	/** The online link: only for a person with a confirmed place (and staff who manage the event). */
	onlineUrl: string | null;
	/** Whether the event has an online link at all (to say "the link follows when you registered"). */
	online: boolean;
	capacity: number | null;
	placesTaken: number;
	/** Null without a limit. */
	placesLeft: number | null;
	waitlisted: number;
	registrationDeadline: string | null;
	questions: EventQuestion[];
	maxCompanions: number;
	status: EventStatus;
	/** Started before the page was made. */
	past: boolean;
	/** Takes registrations now: published, deadline not passed, not started. */
	registrationOpen: boolean;
	uid: string;
	sequence: number;
	reportHtml: string | null;
	/** A report is published (what a card says of a past event). */
	hasReport: boolean;
	reportPublishedAt: string | null;
	/** How many came, as the published report says. */
	reportAttendance: number | null;
	/** The suggestions the published report chose (its page fills them in; lists leave them empty). */
	reportSuggestions: { id: number; title: string; path: string }[];
	/** The photos of the published report, in the order added (its page fills them in; lists leave them empty). */
	reportPhotos: ReportPhotoPublicView[];
	action: { id: number; path: string; title: string } | null;
	opportunityId: number | null;
	municipality: { slug: string; name: string };
	updatedAt: string;
}

/**
 * What a list shows of an event (EventCard), and all the list page sends: no rendered Markdown, no questions,
 * nothing the card does not show. A full EventView carries it too, so a card takes either.
 */
export type EventCardView = Pick<
	EventView,
	| 'id'
	| 'path'
	| 'kind'
	| 'title'
	| 'startsAt'
	| 'endsAt'
	| 'venueName'
	| 'online'
	| 'status'
	| 'past'
	| 'registrationOpen'
	| 'placesLeft'
	| 'hasReport'
	| 'municipality'
>;

/** A photo of a published report: its public address, its alt text and its size (for the page's layout). */
export interface ReportPhotoPublicView {
	src: string;
	alt: string;
	width: number | null;
	height: number | null;
}

export function presentReportPhotos(
	rows: readonly { id: string; alt: string; width: number | null; height: number | null }[]
): ReportPhotoPublicView[] {
	return rows.map((r) => ({ src: `/media/${r.id}`, alt: r.alt, width: r.width, height: r.height }));
}

export interface MyRegistrationView {
	status: RegistrationStatus;
	companions: number;
	/** 1 for the first on the waitlist; null when not waitlisted. */
	waitlistPosition: number | null;
}

/** The moment registration closes: the deadline when one is set, else the start. */
export function registrationClosesAt(row: Pick<EventRow, 'registrationDeadline' | 'startsAt'>): Date {
	return row.registrationDeadline && row.registrationDeadline < row.startsAt
		? row.registrationDeadline
		: row.startsAt;
}

export function presentEvent(row: EventRow, now: Date, options: { showOnlineUrl: boolean }): EventView {
	const placesLeft = placesLeftOf(row);
	return {
		id: row.id,
		path: eventPath(row.municipalitySlug, row.id, row.slug),
		kind: row.kind,
		rung: row.rung,
		level: rungLevel(row.rung),
		title: row.title,
		descriptionHtml: renderMarkdown(row.description),
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		venueName: row.venueName,
		address: row.address,
		lat: row.lat,
		lng: row.lng,
		accessibility: row.accessibility,
		whatToBring: row.whatToBring,
		organiser: row.organiser,
		onlineUrl: options.showOnlineUrl ? row.onlineUrl : null,
		online: Boolean(row.onlineUrl),
		capacity: row.capacity,
		placesTaken: row.placesTaken,
		placesLeft,
		waitlisted: row.waitlisted,
		registrationDeadline: row.registrationDeadline?.toISOString() ?? null,
		questions: row.questions,
		maxCompanions: row.maxCompanions,
		status: row.status,
		past: row.startsAt <= now,
		registrationOpen: row.status === 'published' && registrationClosesAt(row) > now,
		uid: row.uid,
		sequence: row.sequence,
		reportHtml: row.reportPublishedAt && row.report ? renderMarkdown(row.report) : null,
		hasReport: hasReport(row),
		reportPublishedAt: row.reportPublishedAt?.toISOString() ?? null,
		reportAttendance: row.reportPublishedAt ? row.reportAttendance : null,
		reportSuggestions: [],
		reportPhotos: [],
		action:
			row.actionId !== null && row.actionSlug !== null && row.actionTitle !== null
				? {
						id: row.actionId,
						path: actionPath(row.municipalitySlug, row.actionId, row.actionSlug),
						title: row.actionTitle
					}
				: null,
		opportunityId: row.opportunityId,
		municipality: { slug: row.municipalitySlug, name: row.municipalityName },
		updatedAt: row.updatedAt.toISOString()
	};
}

/** An event as a list's card shows it; the Markdown of its description and report is not rendered. */
export function presentEventCard(row: EventRow, now: Date): EventCardView {
	return {
		id: row.id,
		path: eventPath(row.municipalitySlug, row.id, row.slug),
		kind: row.kind,
		title: row.title,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		venueName: row.venueName,
		online: Boolean(row.onlineUrl),
		status: row.status,
		past: row.startsAt <= now,
		registrationOpen: row.status === 'published' && registrationClosesAt(row) > now,
		placesLeft: placesLeftOf(row),
		hasReport: hasReport(row),
		municipality: { slug: row.municipalitySlug, name: row.municipalityName }
	};
}

function placesLeftOf(row: Pick<EventRow, 'capacity' | 'placesTaken'>): number | null {
	return row.capacity === null ? null : Math.max(0, row.capacity - row.placesTaken);
}

function hasReport(row: Pick<EventRow, 'reportPublishedAt' | 'report'>): boolean {
	return Boolean(row.reportPublishedAt && row.report);
}

export function presentMyRegistration(
	row: Pick<RegistrationRow, 'status' | 'companions'>,
	waitlistPosition: number | null
): MyRegistrationView {
	return { status: row.status, companions: row.companions, waitlistPosition };
}

/** A registration as the event's staff see it in the list (and its export): who, how many, what they answered. */
export interface RegistrationStaffView {
	id: number;
	name: string;
	email: string | null;
	/** Registered with an account (else with a typed name and address). */
	account: boolean;
	companions: number;
	answers: EventAnswers;
	status: RegistrationStatus;
	createdAt: string;
	queuedAt: string | null;
	confirmedAt: string | null;
	cancelledAt: string | null;
	checkedInAt: string | null;
}

export function presentRegistrationForStaff(row: RegistrationRow): RegistrationStaffView {
	const iso = (d: Date | null) => d?.toISOString() ?? null;
	return {
		id: row.id,
		name: row.name,
		email: row.email,
		account: row.userId !== null,
		companions: row.companions,
		answers: row.answers,
		status: row.status,
		createdAt: row.createdAt.toISOString(),
		queuedAt: iso(row.queuedAt),
		confirmedAt: iso(row.confirmedAt),
		cancelledAt: iso(row.cancelledAt),
		checkedInAt: iso(row.checkedInAt)
	};
}
