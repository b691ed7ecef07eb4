// The events feature's section of "Mijn activiteit": the person's registrations for events, newest first,
// with where each stands (to confirm, a place, the waitlist, given up) and whether the event still goes ahead.
// Queries by the person's id only; a draft event's registration shows without a link.
import { and, desc, eq } from 'drizzle-orm';
import { eventPath } from '$lib/domain/events';
import { eventRegistrations, events, municipalities } from '$lib/server/db/schema';
import { formatDateTime, translate } from '$lib/i18n';
import type { ActivityPart } from '$lib/server/platform/feature';

export const eventsActivity: ActivityPart = async (db, { userId }, locale) => {
	const rows = await db
		.select({
			id: events.id,
			slug: events.slug,
			title: events.title,
			startsAt: events.startsAt,
			eventStatus: events.status,
			municipality: municipalities.slug,
			status: eventRegistrations.status,
			at: eventRegistrations.createdAt
		})
		.from(eventRegistrations)
		.innerJoin(
			events,
			and(
				eq(events.municipalityId, eventRegistrations.municipalityId),
				eq(events.id, eventRegistrations.eventId)
			)
		)
		.innerJoin(municipalities, eq(municipalities.id, eventRegistrations.municipalityId))
		.where(eq(eventRegistrations.userId, userId))
		.orderBy(desc(eventRegistrations.createdAt), desc(eventRegistrations.id));
	return [
		{
			id: 'events.registrations',
			heading: 'profile.activity.registrations',
			empty: 'profile.activity.noRegistrations',
			items: rows.map((r) => ({
				title: r.title,
				href: r.eventStatus === 'draft' ? null : eventPath(r.municipality, r.id, r.slug),
				at: r.at.toISOString(),
				labels: [
					translate(locale, `profile.activity.registration.${r.status}`),
					translate(locale, 'profile.activity.eventOn', { date: formatDateTime(r.startsAt, locale) }),
					...(r.eventStatus === 'cancelled' ? [translate(locale, 'profile.activity.eventCancelled')] : [])
				]
			}))
		}
	];
};
