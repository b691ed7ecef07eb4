// What the notifications feature reads of events to tell the people registered: an event as a subject and
// its registered people as an SQL set, so a fan-out is one statement.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	domainEvents,
	eventInvitations,
	eventRegistrations,
	events,
	municipalities,
	users
} from '$lib/server/db/schema';

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

/**
 * The accounts invited to an event by the change that wrote the domain event `invitationsEventId`, as
 * `SELECT user_id …`: its invitations carry the transaction's moment, like the domain event. Only people who
 * can log in (a confirmed address) and have not registered meanwhile: an entry of the list of interest
 * outside the platform has no account to see a notification in.
 */
export function invitedPeopleSql(params: {
	municipalityId: string;
	eventId: number;
	invitationsEventId: number;
}): SQL {
	return sql`SELECT i.user_id FROM ${eventInvitations} i
		JOIN ${domainEvents} d ON d.id = ${params.invitationsEventId} AND d.created_at = i.invited_at
		JOIN ${users} u ON u.id = i.user_id AND u.email_verified_at IS NOT NULL
		WHERE i.municipality_id = ${params.municipalityId}::uuid AND i.event_id = ${params.eventId}
			AND i.registered_at IS NULL`;
}
