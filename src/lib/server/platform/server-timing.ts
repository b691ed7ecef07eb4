// How many statements a request sends and how long it waits for them, told in its Server-Timing header
// when SERVER_TIMING is on: a journey (tests/e2e/statements.test.ts) fails when a page sends more.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestTally {
	statements: number;
	/** Time spent waiting for the database's answers (statements sent together overlap). */
	dbMs: number;
}

export interface StatementCounter {
	/**
	 * Runs `fn` (one request) with a tally of its own: every statement sent from it, however deep, counts
	 * there. A statement sent for a group of requests (a batched session lookup) counts for the request
	 * that started the group.
	 */
	track<T>(fn: (tally: RequestTally) => Promise<T>): Promise<T>;
	/** The database's observer (`onStatement` of db/client.ts). */
	observe(ms: number): void;
}

export function createStatementCounter(): StatementCounter {
	const storage = new AsyncLocalStorage<RequestTally>();
	return {
		track(fn) {
			const tally: RequestTally = { statements: 0, dbMs: 0 };
			return storage.run(tally, () => fn(tally));
		},
		observe(ms) {
			const tally = storage.getStore();
			if (!tally) return;
			tally.statements += 1;
			tally.dbMs += ms;
		}
	};
}

/**
 * `db;dur=3.1;desc="4 statements", total;dur=9.8, app;dur=6.7;desc="…"` (milliseconds): the time waited for
 * the database's answers, the whole request, and the rest (routing, load functions, rendering: the time the
 * request spent in the app's own code or waiting for the event loop). Statements sent together overlap, so
 * `app` is at least 0, not exact, for a page that sends them in parallel.
 */
export function serverTiming(tally: RequestTally, totalMs: number): string {
	const appMs = Math.max(0, totalMs - tally.dbMs);
	return (
		`db;dur=${tally.dbMs.toFixed(1)};desc="${tally.statements} statements", total;dur=${totalMs.toFixed(1)}, ` +
		`app;dur=${appMs.toFixed(1)};desc="outside the database"`
	);
}

/** Reads what serverTiming wrote; null when the header is absent or not ours. */
export function readServerTiming(
	header: string | null
): { statements: number; dbMs: number; totalMs: number; appMs: number } | null {
	const match = header?.match(
		/db;dur=([\d.]+);desc="(\d+) statements", total;dur=([\d.]+), app;dur=([\d.]+)/
	);
	if (!match) return null;
	return {
		statements: Number(match[2]),
		dbMs: Number(match[1]),
		totalMs: Number(match[3]),
		appMs: Number(match[4])
	};
}
