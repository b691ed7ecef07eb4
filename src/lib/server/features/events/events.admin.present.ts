// What the back office of events shows, field by field: a row of the list, the form's values (times as
// Brussels wall-clock text for datetime-local fields) and a registration as staff see it.
import {
	eventPath,
	type EventKind,
	type EventQuestion,
	type EventStatus,
	type RegistrationStatus
} from '$lib/domain/events';
import type { LadderRung } from '$lib/domain/ladder';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { dateToBrusselsLocal } from '$lib/server/features/opportunities/opportunities.schemas';
import type { EventRow, RegistrationRow } from './events.queries';
import type { listEventsForAdmin } from './events.admin.queries';

type AdminListRow = Awaited<ReturnType<typeof listEventsForAdmin>>['rows'][number];

export interface EventListItemView {
	id: number;
	title: string;
	kind: EventKind;
	status: EventStatus;
	startsAt: string;
	endsAt: string;
	venueName: string;
	actionTitle: string | null;
	capacity: number | null;
	placesTaken: number;
	confirmed: number;
	waitlisted: number;
	/** The group that proposed it (its name, as the event's organiser), or null. */
	proposedBy: string | null;
}

export function presentEventListItem(row: AdminListRow): EventListItemView {
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		status: row.status,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		venueName: row.venueName,
		actionTitle: row.actionTitle,
		capacity: row.capacity,
		placesTaken: row.placesTaken,
		confirmed: row.confirmed,
		waitlisted: row.waitlisted,
		proposedBy: row.proposedByGroupId !== null ? row.organiser : null
	};
}

/** The event form's values as text, the way the fields hold them. */
export interface EventFormValues {
	actionId: string;
	opportunityId: string;
	kind: EventKind;
	rung: LadderRung | '';
	title: string;
	description: string;
	startsAt: string;
	endsAt: string;
	venueName: string;
	address: string;
	accessibility: string;
	whatToBring: string;
	onlineUrl: string;
	organiser: string;
	capacity: string;
	registrationDeadline: string;
	maxCompanions: string;
	questions: EventQuestion[];
	status: 'draft' | 'published';
}

export interface EventEditView {
	id: number;
	title: string;
	status: EventStatus;
	/** The public page; a draft has none yet. */
	publicPath: string | null;
	sequence: number;
	descriptionHtml: string;
	startsAt: string;
	endsAt: string;
	capacity: number | null;
	placesTaken: number;
	waitlisted: number;
	values: EventFormValues;
}

export function eventFormValues(row: EventRow): EventFormValues {
	return {
		actionId: row.actionId === null ? '' : String(row.actionId),
		opportunityId: row.opportunityId === null ? '' : String(row.opportunityId),
		kind: row.kind,
		rung: row.rung,
		title: row.title,
		description: row.description,
		startsAt: dateToBrusselsLocal(row.startsAt),
		endsAt: dateToBrusselsLocal(row.endsAt),
		venueName: row.venueName,
		address: row.address,
		accessibility: row.accessibility,
		whatToBring: row.whatToBring,
		onlineUrl: row.onlineUrl ?? '',
		organiser: row.organiser,
		capacity: row.capacity === null ? '' : String(row.capacity),
		registrationDeadline: dateToBrusselsLocal(row.registrationDeadline),
		maxCompanions: String(row.maxCompanions),
		questions: row.questions.map((q) => ({ id: q.id, label: q.label, type: q.type })),
		status: row.status === 'published' ? 'published' : 'draft'
	};
}

export function presentEventForEdit(row: EventRow): EventEditView {
	return {
		id: row.id,
		title: row.title,
		status: row.status,
		publicPath: row.status === 'draft' ? null : eventPath(row.municipalitySlug, row.id, row.slug),
		sequence: row.sequence,
		descriptionHtml: renderMarkdown(row.description),
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		capacity: row.capacity,
		placesTaken: row.placesTaken,
		waitlisted: row.waitlisted,
		values: eventFormValues(row)
	};
}

export interface RegistrationAdminView {
	id: number;
	name: string;
	email: string;
	/** Whether the person has an account (the name and address are the account's). */
	account: boolean;
	companions: number;
	status: RegistrationStatus;
	/** The answers to the event's questions, by their label: "ja"/"nee" is the page's, a text as typed. */
	answers: { label: string; value: boolean | string }[];
	registeredAt: string;
	checkedInAt: string | null;
}

export function presentRegistration(
	row: RegistrationRow,
	questions: readonly EventQuestion[]
): RegistrationAdminView {
	return {
		id: row.id,
		name: row.name ?? '',
		email: row.email ?? '',
		account: row.userId !== null,
		companions: row.companions,
		status: row.status,
		answers: questions.flatMap((q) => {
			const value = row.answers[q.id];
			return value === undefined || value === '' ? [] : [{ label: q.label, value }];
		}),
		registeredAt: row.createdAt.toISOString(),
		checkedInAt: row.checkedInAt?.toISOString() ?? null
	};
}
