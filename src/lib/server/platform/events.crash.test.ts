// The dispatcher survives a crash: a child process running the real dispatcher is killed with SIGKILL in
// the middle of a handler, twice, and restarted; every handler has then seen every event exactly once, in
// order per subject. On PGlite the database is a data folder (as on a server), on PostgreSQL the test's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '$lib/server/db/client';
import { migrateDatabase } from '$lib/server/db/migrate';
import { executeRows } from '$lib/server/db/rows';
import { seedReferenceData } from '$lib/server/features/municipalities/municipalities.seed';
import { createTestDatabase, testDbKind, type TestDatabase } from '$lib/server/testing/db';
import { getTenant } from '$lib/server/testing/factories';
import { spawnTestChild } from '$lib/server/testing/child';
import { writeDomainEvent } from './events';

const pglite = testDbKind() === 'pglite';
let dataDir: string | undefined;
let postgres: TestDatabase | undefined;

/** The database as the parent sees it; on PGlite only while no child has the folder open. */
async function open(): Promise<Database> {
	if (postgres) return postgres;
	return openDatabase({ kind: 'pglite', dataDir: dataDir! });
}
async function close(database: Database) {
	if (database !== postgres) await database.close();
}

beforeAll(async () => {
	if (pglite) {
		dataDir = await mkdtemp(path.join(tmpdir(), 'meedoen-crash-'));
		const database = await open();
		await migrateDatabase(database);
		await seedReferenceData(database.db);
		await close(database);
	} else postgres = await createTestDatabase();
}, 300_000);
afterAll(async () => {
	await postgres?.destroy();
	if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/**
 * Runs the child; kills it with SIGKILL while the `killAfter`-th handler waits in its transaction (after its write,
 * before its commit), or lets it finish. The child waits for an answer to each handler it begins, so the kill
 * never lands between two handlers, however late this process reads its lines, and no line comes after it.
 */
function runChild(killAfter: number | null): Promise<{ began: number; killed: boolean }> {
	const { child, stderr } = spawnTestChild(
		'src/lib/server/testing/dispatcher-crash-child.ts',
		postgres ? { CRASH_DATABASE_URL: postgres.pool!.options.connectionString } : { CRASH_DATA_DIR: dataDir }
	);
	let began = 0;
	let killed = false;
	createInterface({ input: child.stdout }).on('line', (line) => {
		if (!line.startsWith('handling ')) return;
		began++;
		if (killAfter !== null && began === killAfter && !killed) killed = child.kill('SIGKILL');
		else if (!killed) child.stdin.write('go\n');
	});
	return new Promise((resolve, reject) => {
		// 'close', not 'exit': once its output has been read to the end.
		child.on('close', (code, signal) => {
			if (killed && signal === 'SIGKILL') resolve({ began, killed });
			else if (!killed && code === 0) resolve({ began, killed });
			else reject(new Error(`child ended with ${code ?? signal}: ${stderr()}`));
		});
	});
}

describe('the event dispatcher after SIGKILL', () => {
	it(
		'hands every event to every subscribed handler exactly once, in order per subject',
		{ timeout: 300_000 },
		async () => {
			const database = await open();
			const municipalityId = (await getTenant(database.db, 'geel')).id;
			await database.executeSql(
				`CREATE TABLE crash_seen (seq bigserial PRIMARY KEY, handler text NOT NULL, event_id bigint NOT NULL,
				subject text NOT NULL)`
			);
			for (let i = 0; i < 10; i++)
				for (const subjectId of [1, 2, 3])
					await database.db.transaction(async (tx) => {
						if ((i + subjectId) % 3 === 0)
							await writeDomainEvent(tx, {
								type: 'suggestion.published',
								municipalityId,
								subjectId,
								payload: { opportunityId: 1, authorId: null, again: i > 0 }
							});
						else
							await writeDomainEvent(tx, {
								type: 'vote.cast',
								municipalityId,
								subjectKind: 'suggestion',
								subjectId,
								payload: { opportunityId: 1 }
							});
					});
			const events = (
				await executeRows<{ id: string; type: string; subject_id: string }>(
					database.db,
					sql`SELECT id, type, subject_id FROM domain_events ORDER BY id`
				)
			).map((e) => ({ id: Number(e.id), type: e.type, subject: e.subject_id }));
			await close(database);

			const first = await runChild(7);
			const second = await runChild(12);
			const last = await runChild(null);
			expect(first.killed && second.killed).toBe(true);

			const after = await open();
			try {
				const seen = (
					await executeRows<{ handler: string; event_id: string; subject: string }>(
						after.db,
						sql`SELECT handler, event_id, subject FROM crash_seen ORDER BY seq`
					)
				).map((r) => ({ handler: r.handler, id: Number(r.event_id), subject: r.subject }));
				// Each kill interrupted a handler whose transaction was then redone: more began than committed.
				expect(first.began + second.began + last.began).toBe(seen.length + 2);

				const expected = {
					'crash.all': events,
					'crash.votes': events.filter((e) => e.type === 'vote.cast')
				};
				for (const [handler, wanted] of Object.entries(expected)) {
					const mine = seen.filter((r) => r.handler === handler);
					expect(mine.map((r) => r.id).sort((a, b) => a - b)).toEqual(wanted.map((e) => e.id));
					for (const subject of ['1', '2', '3']) {
						const ids = mine.filter((r) => r.subject === subject).map((r) => r.id);
						expect(ids).toEqual(wanted.filter((e) => e.subject === subject).map((e) => e.id));
					}
				}
				const [left] = await executeRows<{ deliveries: number; events: number }>(
					after.db,
					sql`SELECT (SELECT count(*) FROM event_deliveries)::int AS deliveries,
					(SELECT count(*) FROM domain_events WHERE processed_at IS NULL)::int AS events`
				);
				expect(left).toEqual({ deliveries: 0, events: 0 });
			} finally {
				await close(after);
			}
		}
	);
});
