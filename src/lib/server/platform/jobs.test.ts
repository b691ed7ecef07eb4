// The job system's fetch: with many jobs waiting, pg-boss's fetch of the next batch reads them through an index in
// its own order (priority, then age) instead of sorting every waiting job. That needs the index (made at start-up)
// and planner statistics that know the queue is large (brought up to date once it was given ANALYZE_AFTER_JOBS),
// so both are checked here with the plan PostgreSQL itself chooses for pg-boss's fetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { silentLog } from '$lib/server/testing/context';
import { ANALYZE_AFTER_JOBS, createJobs, FETCH_ORDER_INDEX, JOB_SCHEMA, type Jobs } from './jobs';

const QUEUE = 'test.bulk';
let database: TestDatabase;
let jobs: Jobs;
/** Once set, holds the worker's next batch, so the rest stay waiting while the test looks. */
let held: Promise<void> | null = null;
let release: () => void = () => {};
const handled: number[] = [];

beforeAll(async () => {
	database = await createTestDatabase();
	jobs = createJobs(database, silentLog, { pollingSeconds: 0.2 });
	jobs.registerBatch<{ n: number }>(
		QUEUE,
		async (batch) => {
			if (held) await held;
			handled.push(...batch.map((job) => job.data.n));
			return { failed: [] };
		},
		{ batchSize: 100, pollingSeconds: 0.2 }
	);
	await jobs.start();
}, 120_000);
afterAll(async () => {
	release();
	await jobs?.stop();
	await database?.destroy();
});

/** The plan PostgreSQL chooses for pg-boss's fetch of the next 100 (its WHERE and ORDER BY, pg-boss 10). */
async function fetchPlan(): Promise<string> {
	const result = await database.executeSql(
		`EXPLAIN SELECT id FROM ${JOB_SCHEMA}.job WHERE name = $1 AND state < 'active' AND start_after < now()
			ORDER BY priority desc, created_on, id LIMIT 100 FOR UPDATE SKIP LOCKED`,
		[QUEUE]
	);
	return (result.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
}

async function waitFor(check: () => Promise<boolean>, what: string) {
	const deadline = Date.now() + 30_000;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`not within 30 s: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

describe('the job system with many jobs waiting', () => {
	it('fetches the next batch through the index in its order once the queue has grown, and still handles all', async () => {
		held = new Promise<void>((resolve) => (release = resolve));
		// Enough that a planner without statistics sorts them all (it did from about 3,000 on PostgreSQL).
		const count = ANALYZE_AFTER_JOBS * 5;
		await database.db.transaction(async (tx) => {
			await jobs.insert(
				QUEUE,
				Array.from({ length: count }, (_, n) => ({ data: { n } })),
				{ tx }
			);
		});
		// The statistics are brought up to date in the background a moment after the insert.
		// The index on the job table is one per queue's partition, each with a name of its own.
		const indexes = (
			await database.executeSql(
				`SELECT c.relname AS name FROM pg_partition_tree('${JOB_SCHEMA}.${FETCH_ORDER_INDEX}') t
					JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf`
			)
		).rows.map((r) => String((r as { name: string }).name));
		expect(indexes.length).toBeGreaterThan(0);
		const onIndex = (plan: string) => indexes.some((name) => plan.includes(`Index Scan using ${name}`));
		await waitFor(async () => onIndex(await fetchPlan()), 'a fetch plan on the index');
		expect(await fetchPlan()).not.toMatch(/Sort/);

		release();
		await waitFor(async () => handled.length === count, `all ${count} jobs handled`);
		expect(new Set(handled).size).toBe(count);
	}, 90_000);
});
