// The registration race: 500 people ask for the last 20 places of an event at the same moment. Real
// concurrency: 500 calls of the use case at once (Promise.all), on PostgreSQL over 20 connections of the pool,
// on PGlite as its single connection lets them in. Exactly 20 get a place, the other 480 are on the waitlist in
// the order they got in, and nobody is lost or registered twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { eventRegistrations, users } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { MailMessage } from '$lib/server/platform/mail';
import { createTestDatabase, testDbKind, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { isAppError } from '$lib/server/platform/errors';
import { createBatches } from '$lib/server/platform/batch';
import { buildEvent, buildParticipatingMunicipality } from '$lib/server/testing/factories';
import { registerForEvent } from './events.registrations.service';
import { getEvent } from './events.service';

const ORIGIN = 'https://meedoen.test';
const CAPACITY = 40;
const ALREADY = 20;
const RACERS = 500;

let database: TestDatabase;
let db: Db;
let geel: Tenant;

const actor = (userId: string): Actor => ({ userId, displayName: 'Racer', memberships: [], regionRoles: [] });

async function buildPeople(count: number, tag: string): Promise<string[]> {
	const rows = await db
		.insert(users)
		.values(
			Array.from({ length: count }, (_, i) => ({
				displayName: `${tag} ${i}`,
				email: `${tag}.${i}@example.be`,
				emailVerifiedAt: new Date()
			}))
		)
		.returning({ id: users.id });
	return rows.map((r) => r.id);
}

beforeAll(async () => {
	database = await createTestDatabase({ poolSize: 20 });
	// 500 calls share 20 connections: the last ones wait for one longer than the server's pool allows (5 s).
	if (database.pool) database.pool.options.connectionTimeoutMillis = 120_000;
	db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
});

afterAll(async () => {
	await database?.destroy();
});

describe(`the registration race on ${testDbKind()}`, () => {
	it('gives the last 20 places to exactly 20 of 500 people at once; the rest wait in arrival order', async () => {
		const event = await buildEvent(db, geel, { title: 'Plantdag', kind: 'actionDay', capacity: CAPACITY });
		for (const userId of await buildPeople(ALREADY, 'vroeg'))
			await registerForEvent(buildCtx(db, geel, { actor: actor(userId) }), {
				eventId: event.id,
				origin: ORIGIN
			});
		expect((await getEvent(buildCtx(db, geel), { id: event.id })).placesLeft).toBe(CAPACITY - ALREADY);

		const racers = await buildPeople(RACERS, 'racer');
		const outbox: MailMessage[] = [];
		const started = performance.now();
		const outcomes = await Promise.all(
			racers.map((userId) =>
				registerForEvent(buildCtx(db, geel, { actor: actor(userId), outbox }), {
					eventId: event.id,
					origin: ORIGIN
				})
			)
		);
		const seconds = (performance.now() - started) / 1000;
		console.info(
			`registration race on ${testDbKind()}: ${RACERS} registrations in ${seconds.toFixed(2)} s (${Math.round(RACERS / seconds)} per second)`
		);

		expect(outcomes.filter((o) => o.status === 'confirmed')).toHaveLength(CAPACITY - ALREADY);
		expect(outcomes.filter((o) => o.status === 'waitlisted')).toHaveLength(RACERS - (CAPACITY - ALREADY));
		expect(outbox).toHaveLength(RACERS);

		// Nobody lost, nobody twice: one row per racer, as the database has it.
		const rows = await db
			.select({
				id: eventRegistrations.id,
				userId: eventRegistrations.userId,
				status: eventRegistrations.status,
				queuedAt: sql<string>`${eventRegistrations.queuedAt}::text`
			})
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, event.id))
			.orderBy(eventRegistrations.queuedAt, eventRegistrations.id);
		expect(rows).toHaveLength(ALREADY + RACERS);
		expect(new Set(rows.map((r) => r.userId)).size).toBe(ALREADY + RACERS);
		expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(CAPACITY);
		expect((await getEvent(buildCtx(db, geel), { id: event.id })).placesLeft).toBe(0);

		// Arrival order: the first 40 to get in have the places, everyone after them waits; the ids were drawn in
		// the same order, and each waitlisted racer was told their true place on the list.
		expect(rows.map((r) => r.status)).toEqual([
			...Array<string>(CAPACITY).fill('confirmed'),
			...Array<string>(RACERS - (CAPACITY - ALREADY)).fill('waitlisted')
		]);
		expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b));
		const told = new Map(outcomes.map((o) => [o.registrationId, o.waitlistPosition]));
		const waiting = rows.filter((r) => r.status === 'waitlisted');
		expect(waiting.map((r) => told.get(r.id))).toEqual(waiting.map((_, i) => i + 1));
	});

	it('gives exactly the places there are through the server’s group commit too, in arrival order', async () => {
		// As a running server does (ctx.batches): registrations that arrive while a group is written join the next.
		const batches = createBatches();
		const event = await buildEvent(db, geel, { capacity: CAPACITY - ALREADY });
		const racers = await buildPeople(RACERS, 'groep');
		const started = performance.now();
		const outcomes = await Promise.all(
			racers.map((userId) =>
				registerForEvent(buildCtx(db, geel, { actor: actor(userId), batches }), {
					eventId: event.id,
					origin: ORIGIN
				})
			)
		);
		const seconds = (performance.now() - started) / 1000;
		console.info(
			`registration race on ${testDbKind()}, grouped: ${RACERS} registrations in ${seconds.toFixed(2)} s (${Math.round(RACERS / seconds)} per second)`
		);
		const rows = await db
			.select({ id: eventRegistrations.id, status: eventRegistrations.status })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, event.id))
			.orderBy(eventRegistrations.queuedAt, eventRegistrations.id);
		expect(rows).toHaveLength(RACERS);
		expect(rows.map((r) => r.status)).toEqual([
			...Array<string>(CAPACITY - ALREADY).fill('confirmed'),
			...Array<string>(RACERS - (CAPACITY - ALREADY)).fill('waitlisted')
		]);
		const told = new Map(outcomes.map((o) => [o.registrationId, o.waitlistPosition]));
		const waiting = rows.filter((r) => r.status === 'waitlisted');
		expect(waiting.map((r) => told.get(r.id))).toEqual(waiting.map((_, i) => i + 1));
	});

	it('lets one person who sends the form ten times at once in only once', async () => {
		const event = await buildEvent(db, geel, { capacity: 5 });
		const [userId] = await buildPeople(1, 'dubbel');
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, () =>
				registerForEvent(buildCtx(db, geel, { actor: actor(userId!) }), { eventId: event.id, origin: ORIGIN })
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
		expect(refused.map((e) => isAppError(e) && e.messageKey)).toEqual(
			Array<string>(9).fill('eventRegistration.errors.alreadyRegistered')
		);
		const rows = await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id));
		expect(rows).toHaveLength(1);
	});
});
