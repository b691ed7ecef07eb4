// Races made deterministic: one side holds a row lock in an open transaction, the test waits until the other
// side's statement waits for it, then lets the first side finish.
import pg from 'pg';
import type { Database } from '$lib/server/db/client';

/**
 * Resolves once a statement of this database waits for a lock: on PostgreSQL asked of pg_stat_activity on a
 * connection of its own (the pool's may all be taken by the two sides); on PGlite at once, since its one
 * connection runs the holding transaction to its end before any statement of the other side.
 */
export async function untilSomeoneWaitsForALock(database: Database, what = 'a statement'): Promise<void> {
	if (database.kind !== 'postgres' || !database.pool) return;
	const observer = new pg.Client({ connectionString: database.pool.options.connectionString });
	await observer.connect();
	try {
		const deadline = Date.now() + 20_000;
		while (Date.now() < deadline) {
			const { rows } = await observer.query<{ n: number }>(
				"SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
			);
			if (Number(rows[0]?.n) > 0) return;
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		throw new Error(`${what} never waited for the lock`);
	} finally {
		await observer.end();
	}
}
