// Queries behind the calendar feeds (.ics): a municipality's public events and the events one person is
// registered for. Lean on purpose (no counts, no joins a calendar does not show): a feed of 2,000 events is
// read by calendar apps every hour. The feed token's state lives in platform_meta (see events.calendar.ts).
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '$lib/server/db/client';
import { eventRegistrations, events, municipalities, platformMeta, users } from '$lib/server/db/schema';
import type { EventStatus } from '$lib/domain/events';

/** What a feed shows: drafts never; a cancelled event stays, marked, so subscribed calendars drop it. */
export const FEED_STATUSES: readonly EventStatus[] = ['published', 'cancelled'];

const feedColumns = {
	id: events.id,
	uid: events.uid,
	sequence: events.sequence,
	kind: events.kind,
	title: events.title,
	slug: events.slug,
	description: events.description,
	startsAt: events.startsAt,
	endsAt: events.endsAt,
	venueName: events.venueName,
	address: events.address,
	lat: events.lat,
	lng: events.lng,
	accessibility: events.accessibility,
	whatToBring: events.whatToBring,
	status: events.status,
	updatedAt: events.updatedAt
};

export type FeedEventRow = Awaited<ReturnType<typeof listFeedEvents>>[number];

/** A municipality's published and cancelled events that end at or after `endsFrom`, soonest first. */
export async function listFeedEvents(
	db: Db,
	params: { municipalityId: string; endsFrom: Date; limit: number }
) {
	return db
		.select(feedColumns)
		.from(events)
		.where(
			and(
				eq(events.municipalityId, params.municipalityId),
				inArray(events.status, [...FEED_STATUSES]),
				gte(events.endsAt, params.endsFrom)
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(params.limit);
}

export type RegisteredEventRow = Awaited<ReturnType<typeof listRegisteredEvents>>[number];

/**
 * The events one person holds a place for or waits for, in any municipality (a person's own registrations,
 * so not one tenant's list): published or cancelled, ending at or after `endsFrom`, soonest first.
 */
export async function listRegisteredEvents(
	db: Db,
	params: { userId: string; endsFrom: Date; limit: number }
) {
	return db
		.select({
			...feedColumns,
			onlineUrl: events.onlineUrl,
			municipalitySlug: municipalities.slug,
			registrationStatus: eventRegistrations.status
		})
		.from(eventRegistrations)
		.innerJoin(
			events,
			and(
				eq(events.id, eventRegistrations.eventId),
				eq(events.municipalityId, eventRegistrations.municipalityId)
			)
		)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.where(
			and(
				eq(eventRegistrations.userId, params.userId),
				inArray(eventRegistrations.status, ['confirmed', 'waitlisted']),
				inArray(events.status, [...FEED_STATUSES]),
				gte(events.endsAt, params.endsFrom)
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(params.limit);
}

// ---------------------------------------------------------------------------------------------
// The personal feed's token: an installation secret and a renewal counter per person
// ---------------------------------------------------------------------------------------------

/** The platform_meta key of the feed secret (platform/secrets.ts makes it; kept: links already given use it). */
export const FEED_SECRET_KEY = 'calendar_feed_secret';
const rotationKey = (userId: string) => `calendar_feed_rotation:${userId}`;

const secretMeta = alias(platformMeta, 'feed_secret');

/**
 * In one statement, what a person's feed link is made from: the installation secret (null before the seed
 * made it) and how many times they renewed their link (0 until the first renewal). Undefined when there is
 * no such account or it was deleted or locked: its feed stops with it.
 */
export async function getFeedKey(
	db: Db,
	params: { userId: string }
): Promise<{ rotation: number; secret: string | null } | undefined> {
	const [row] = await db
		.select({ rotation: platformMeta.value, secret: secretMeta.value })
		.from(users)
		.leftJoin(platformMeta, eq(platformMeta.key, rotationKey(params.userId)))
		.leftJoin(secretMeta, eq(secretMeta.key, FEED_SECRET_KEY))
		.where(and(eq(users.id, params.userId), isNull(users.deletedAt), isNull(users.lockedAt)));
	if (!row) return undefined;
	return {
		rotation: row.rotation === null ? 0 : Number(row.rotation),
		secret: row.secret === null ? null : String(row.secret)
	};
}

/** Counts one renewal and returns the new count. */
export async function incrementFeedRotation(db: Db, params: { userId: string }): Promise<number> {
	const [row] = await db
		.insert(platformMeta)
		.values({ key: rotationKey(params.userId), value: 1 })
		.onConflictDoUpdate({
			target: platformMeta.key,
			set: { value: sql`to_jsonb((${platformMeta.value})::int + 1)`, updatedAt: sql`now()` }
		})
		.returning({ value: platformMeta.value });
	return Number(row!.value);
}

/** Forgets a person's renewal count (their account is being deleted). */
export async function deleteFeedRotation(db: Db, params: { userId: string }): Promise<void> {
	await db.delete(platformMeta).where(eq(platformMeta.key, rotationKey(params.userId)));
}
