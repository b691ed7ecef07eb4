// What the API and search engines get of a public event, field by field: never the online link, the
// registrations or who made it; the description and report as written (Markdown) for the API.
import type { EventKind, EventStatus } from '$lib/domain/events';
import type { LadderRung } from '$lib/domain/ladder';
import type { EventView } from './events.present';

export interface EventApiItem {
	id: number;
	url: string;
	municipality: string;
	kind: EventKind;
	rung: LadderRung;
	level: number;
	title: string;
	status: EventStatus;
	startsAt: string;
	endsAt: string;
	venue: { name: string; address: string; lat: number | null; lng: number | null; accessibility: string };
	online: boolean;
	whatToBring: string;
	organiser: string;
	capacity: number | null;
	placesLeft: number | null;
	registrationOpen: boolean;
	registrationDeadline: string | null;
	action: { id: number; url: string; title: string } | null;
	report: { html: string; publishedAt: string | null } | null;
	calendarUrl: string;
	/** Its last change, as the sync (`updated_since`) and Last-Modified count it (a registration counts). */
	updatedAt: string;
	/** This item in the API: its stable address. */
	api: string;
}

export interface EventApiDetail extends EventApiItem {
	/** HTML, sanitised (rendered from the event's Markdown). */
	descriptionHtml: string;
	waitlisted: number;
}

/** The address of one event's .ics ("Zet in mijn agenda"). */
export function eventCalendarPath(event: Pick<EventView, 'path'>): string {
	return `${event.path}/agenda.ics`;
}

/**
 * An event's last change as the API counts it: its row's, or the moment registration closed (deadline or
 * start) once that has passed, since registrationOpen changes then.
 */
export function eventChangedAt(
	event: Pick<EventView, 'updatedAt' | 'startsAt' | 'registrationDeadline'>,
	now: Date
): Date {
	const updated = new Date(event.updatedAt);
	const starts = new Date(event.startsAt);
	const deadline = event.registrationDeadline ? new Date(event.registrationDeadline) : null;
	const closes = deadline && deadline < starts ? deadline : starts;
	return closes <= now && closes > updated ? closes : updated;
}

export function presentEventApi(event: EventView, origin: string, now = new Date()): EventApiItem {
	return {
		id: event.id,
		url: `${origin}${event.path}`,
		municipality: event.municipality.slug,
		kind: event.kind,
		rung: event.rung,
		level: event.level,
		title: event.title,
		status: event.status,
		startsAt: event.startsAt,
		endsAt: event.endsAt,
		venue: {
			name: event.venueName,
			address: event.address,
			lat: event.lat,
			lng: event.lng,
			accessibility: event.accessibility
		},
		online: event.online,
		whatToBring: event.whatToBring,
		organiser: event.organiser,
		capacity: event.capacity,
		placesLeft: event.placesLeft,
		registrationOpen: event.registrationOpen && !event.past,
		registrationDeadline: event.registrationDeadline,
		action: event.action
			? { id: event.action.id, url: `${origin}${event.action.path}`, title: event.action.title }
			: null,
		report: event.reportHtml ? { html: event.reportHtml, publishedAt: event.reportPublishedAt } : null,
		calendarUrl: `${origin}${eventCalendarPath(event)}`,
		updatedAt: eventChangedAt(event, now).toISOString(),
		api: `${origin}/api/v1/events/${event.id}`
	};
}

export function presentEventApiDetail(event: EventView, origin: string): EventApiDetail {
	return {
		...presentEventApi(event, origin),
		descriptionHtml: event.descriptionHtml,
		waitlisted: event.waitlisted
	};
}

/** Text of sanitised HTML for a description in JSON-LD: tags dropped, entities of the sanitiser read back. */
function plainText(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * schema.org Event of an event's page: when, where (a Place, or a VirtualLocation for an online session
 * without a venue), whether it is cancelled, who organises it, and the offer of a free place while
 * registration is open.
 */
export function eventJsonLd(event: EventView, origin: string): Record<string, unknown> {
	const url = `${origin}${event.path}`;
	const place =
		event.venueName || event.address
			? {
					'@type': 'Place',
					name: event.venueName || undefined,
					address: event.address
						? { '@type': 'PostalAddress', streetAddress: event.address, addressCountry: 'BE' }
						: undefined,
					geo:
						event.lat !== null && event.lng !== null
							? { '@type': 'GeoCoordinates', latitude: event.lat, longitude: event.lng }
							: undefined
				}
			: undefined;
	const virtual = event.online ? { '@type': 'VirtualLocation', url } : undefined;
	const location = [place, virtual].filter(Boolean);
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		'@id': url,
		name: event.title,
		description: plainText(event.descriptionHtml) || undefined,
		url,
		startDate: event.startsAt,
		endDate: event.endsAt,
		eventStatus:
			event.status === 'cancelled'
				? 'https://schema.org/EventCancelled'
				: 'https://schema.org/EventScheduled',
		eventAttendanceMode: place
			? virtual
				? 'https://schema.org/MixedEventAttendanceMode'
				: 'https://schema.org/OfflineEventAttendanceMode'
			: 'https://schema.org/OnlineEventAttendanceMode',
		location: location.length === 1 ? location[0] : location.length ? location : undefined,
		organizer: event.organiser
			? { '@type': 'Organization', name: event.organiser }
			: { '@type': 'GovernmentOrganization', name: event.municipality.name },
		maximumAttendeeCapacity: event.capacity ?? undefined,
		remainingAttendeeCapacity: event.placesLeft ?? undefined,
		isAccessibleForFree: true,
		offers:
			event.registrationOpen && !event.past && event.status === 'published'
				? {
						'@type': 'Offer',
						price: 0,
						priceCurrency: 'EUR',
						url,
						availability:
							event.placesLeft === 0 ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
						validThrough: event.registrationDeadline ?? event.startsAt
					}
				: undefined
	};
}
