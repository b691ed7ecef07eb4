// What the notifications feature reads of events to tell the people registered: an event as a subject and
// its registered people as an SQL set, so a fan-out is one statement.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actions, eventRegistrations, events, municipalities } from '$lib/server/db/schema';

export async function getEventSubject(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({
			municipalityId: events.municipalityId,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			primaryColor: municipalities.primaryColor,
			id: events.id,
			slug: events.slug,
			title: events.title,
			actionId: actions.id,
			actionTitle: actions.title
		})
		.from(events)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.leftJoin(actions, eq(actions.id, events.actionId))
		.where(and(eq(events.municipalityId, params.municipalityId), eq(events.id, params.id)))
		.limit(1);
	return row;
}

/**
 * The accounts with a place or on the waitlist of an event, as `SELECT user_id …`; with `cancelledSince`
 * also those whose registration was cancelled from that moment on (by the event's cancellation).
 */
export function registeredPeopleSql(params: {
	municipalityId: string;
	eventId: number;
	cancelledSince?: Date;
}): SQL {
	const cancelled = params.cancelledSince
		? sql` OR (r.status = 'cancelled' AND r.cancelled_at >= ${params.cancelledSince.toISOString()}::timestamptz)`
		: sql``;
	return sql`SELECT r.user_id FROM ${eventRegistrations} r
		WHERE r.municipality_id = ${params.municipalityId}::uuid AND r.event_id = ${params.eventId}
			AND r.user_id IS NOT NULL AND (r.status IN ('confirmed', 'waitlisted')${cancelled})`;
}
