import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testDbKind, type TestDatabase } from '$lib/server/testing/db';
import { getTenant } from '$lib/server/testing/factories';
import { silentLog } from '$lib/server/testing/context';
import { executeRows } from '$lib/server/db/rows';
import { openDatabase } from '$lib/server/db/client';
import { writeDomainEvent } from './events';
import { createEventDispatcher, defineEventHandler, type EventHandler } from './events.dispatcher';

let database: TestDatabase;
let municipalityId: string;

beforeAll(async () => {
	database = await createTestDatabase();
	municipalityId = (await getTenant(database.db, 'geel')).id;
	await database.executeSql(
		`CREATE TABLE handled (seq bigserial PRIMARY KEY, handler text NOT NULL, event_id bigint NOT NULL,
			subject text NOT NULL)`
	);
});
afterAll(async () => {
	await database?.destroy();
});
beforeEach(async () => {
	await database.executeSql('DELETE FROM event_deliveries; DELETE FROM domain_events; DELETE FROM handled;');
});

/** A handler that records each event it sees in its transaction. */
function recorder(
	name: string,
	events: ('vote.cast' | 'suggestion.published')[],
	fail?: (id: number) => boolean
) {
	return defineEventHandler({
		name,
		events,
		async handle(event, tx) {
			await tx.execute(
				sql`INSERT INTO handled (handler, event_id, subject) VALUES (${name}, ${event.id}, ${event.subjectId})`
			);
			if (fail?.(event.id)) throw new Error(`${name} fails on ${event.id}`);
		}
	});
}

async function write(type: 'vote.cast' | 'suggestion.published', subjectId: number) {
	await database.db.transaction(async (tx) => {
		if (type === 'vote.cast')
			await writeDomainEvent(tx, {
				type,
				municipalityId,
				subjectKind: 'suggestion',
				subjectId,
				payload: { opportunityId: 1 }
			});
		else
			await writeDomainEvent(tx, {
				type,
				municipalityId,
				subjectId,
				payload: { opportunityId: 1, authorId: null, again: false }
			});
	});
}

async function seen() {
	return executeRows<{ handler: string; event_id: string; subject: string }>(
		database.db,
		sql`SELECT handler, event_id, subject FROM handled ORDER BY seq`
	);
}

async function eventIds() {
	const rows = await executeRows<{ id: string; type: string; subject_id: string }>(
		database.db,
		sql`SELECT id, type, subject_id FROM domain_events ORDER BY id`
	);
	return rows.map((r) => ({ id: Number(r.id), type: r.type, subject: r.subject_id }));
}

function dispatcher(handlers: EventHandler[], retryDelayMs = () => 0) {
	return createEventDispatcher(database, silentLog, { handlers, retryDelayMs });
}

describe('the event dispatcher', () => {
	it('hands each event once to each handler subscribed to its type, in order per subject', async () => {
		for (let i = 0; i < 4; i++) {
			await write('vote.cast', 1);
			await write('suggestion.published', 2);
			await write('vote.cast', 2);
		}
		const events = await eventIds();
		const d = dispatcher([
			recorder('votes', ['vote.cast']),
			recorder('all', ['vote.cast', 'suggestion.published'])
		]);
		expect(await d.runOnce()).toBe(8 + 12);
		expect(await d.runOnce()).toBe(0);

		const rows = await seen();
		const of = (handler: string) =>
			rows.filter((r) => r.handler === handler).map((r) => ({ id: Number(r.event_id), subject: r.subject }));
		expect(
			of('votes')
				.map((r) => r.id)
				.sort((a, b) => a - b)
		).toEqual(events.filter((e) => e.type === 'vote.cast').map((e) => e.id));
		expect(
			of('all')
				.map((r) => r.id)
				.sort((a, b) => a - b)
		).toEqual(events.map((e) => e.id));
		for (const handler of ['votes', 'all'])
			for (const subject of ['1', '2']) {
				const ids = of(handler)
					.filter((r) => r.subject === subject)
					.map((r) => r.id);
				expect(ids).toEqual([...ids].sort((a, b) => a - b));
			}
		const [left] = await executeRows<{ n: number }>(
			database.db,
			sql`SELECT count(*)::int AS n FROM event_deliveries`
		);
		expect(left!.n).toBe(0);
	});

	it('retries a failing handler; its later events of that subject wait, other subjects and handlers go on', async () => {
		await write('vote.cast', 1);
		await write('vote.cast', 1);
		await write('vote.cast', 2);
		const [first] = await eventIds();
		let failing = true;
		// A long backoff: the failed delivery waits until the test moves its time on.
		const d = dispatcher(
			[
				recorder('flaky', ['vote.cast'], (id) => failing && id === first!.id),
				recorder('steady', ['vote.cast'])
			],
			() => 60_000
		);
		await d.runOnce();
		let rows = await seen();
		// The failed attempt's row was rolled back with it.
		expect(rows.filter((r) => r.handler === 'flaky').map((r) => r.subject)).toEqual(['2']);
		expect(rows.filter((r) => r.handler === 'steady')).toHaveLength(3);
		const [delivery] = await executeRows<{ attempts: number; last_error: string }>(
			database.db,
			sql`SELECT attempts, last_error FROM event_deliveries WHERE handler = 'flaky' AND event_id = ${first!.id}`
		);
		expect(delivery).toMatchObject({ attempts: 1, last_error: `flaky fails on ${first!.id}` });

		failing = false;
		await database.executeSql('UPDATE event_deliveries SET next_attempt_at = now()');
		await d.runOnce();
		rows = await seen();
		expect(rows.filter((r) => r.handler === 'flaky').map((r) => Number(r.event_id))).toEqual([
			(await eventIds())[2]!.id,
			first!.id,
			first!.id + 1
		]);
	});

	it('waits out the backoff before the next attempt', async () => {
		await write('vote.cast', 1);
		let calls = 0;
		const d = dispatcher(
			[
				defineEventHandler({
					name: 'slow-to-recover',
					events: ['vote.cast'],
					async handle() {
						calls++;
						throw new Error('not yet');
					}
				})
			],
			() => 60_000
		);
		await d.runOnce();
		await d.runOnce();
		expect(calls).toBe(1);
	});

	it('gives a handler registered later only the events written after it (the rest were handed out)', async () => {
		await write('vote.cast', 1);
		await dispatcher([]).runOnce();
		await write('vote.cast', 1);
		await dispatcher([recorder('late', ['vote.cast'])]).runOnce();
		expect(await seen()).toHaveLength(1);
	});

	it('runs in the background from start(), and stop() lets a running handler finish', async () => {
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let entered!: () => void;
		const inHandler = new Promise<void>((resolve) => (entered = resolve));
		const d = createEventDispatcher(database, silentLog, {
			pollMs: 20,
			handlers: [
				defineEventHandler({
					name: 'gated',
					events: ['vote.cast'],
					async handle(event, tx) {
						entered();
						await gate;
						await tx.execute(
							sql`INSERT INTO handled (handler, event_id, subject) VALUES ('gated', ${event.id}, ${event.subjectId})`
						);
					}
				})
			]
		});
		d.start();
		await write('vote.cast', 1);
		d.nudge();
		await inHandler;
		const stopped = d.stop();
		setTimeout(release, 50);
		await stopped;
		expect(await seen()).toHaveLength(1);
	});

	it.skipIf(testDbKind() === 'pglite')(
		'does not skip an event that commits after one with a higher id, and keeps a subject in commit order',
		async () => {
			// A second connection holds a transaction open with an event of subject 1 in it.
			const other = await openDatabase({ kind: 'postgres', url: postgresUrl(), poolSize: 1 });
			try {
				let commit!: () => void;
				const held = new Promise<void>((resolve) => (commit = resolve));
				let written!: () => void;
				const isWritten = new Promise<void>((resolve) => (written = resolve));
				const open = other.db.transaction(async (tx) => {
					await writeDomainEvent(tx, {
						type: 'vote.cast',
						municipalityId,
						subjectKind: 'suggestion',
						subjectId: 1,
						payload: { opportunityId: 1 }
					});
					written();
					await held;
				});
				await isWritten;
				// Another subject commits meanwhile with a higher id; the same subject waits for the lock.
				await write('vote.cast', 2);
				const sameSubject = write('vote.cast', 1);
				const d = dispatcher([recorder('all', ['vote.cast'])]);
				await d.runOnce();
				expect((await seen()).map((r) => r.subject)).toEqual(['2']);
				commit();
				await open;
				await sameSubject;
				await d.runOnce();
				const rows = await seen();
				expect(rows.map((r) => r.subject)).toEqual(['2', '1', '1']);
				const ones = rows.filter((r) => r.subject === '1').map((r) => Number(r.event_id));
				expect(ones[0]).toBeLessThan(ones[1]!);
			} finally {
				await other.close();
			}
		}
	);
});

function postgresUrl(): string {
	const row = database.pool!.options.connectionString!;
	return row;
}
