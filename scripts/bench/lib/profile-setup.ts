// The set-up the statement-by-statement profiles share (climate-plan-profile.ts, impact-profile.ts): the demo
// written into the PostgreSQL database at DATABASE_URL as a first start of the app writes it, a database handle
// that records every statement it sends, and the listing of those statements (with EXPLAIN ANALYZE on request).
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { features } from '$lib/server/features';
import * as schema from '$lib/server/db/schema';
import type { Db } from '$lib/server/db/client';
import { loadConfig } from '$lib/server/platform/config';
import { createLogger } from '$lib/server/platform/log';
import { startApp, stopApp } from '$lib/server/platform/app';

/** DATABASE_URL, which every profile needs. */
export function profileDatabaseUrl(): string {
	const url = process.env.DATABASE_URL;
	if (!url) throw new Error('DATABASE_URL');
	return url;
}

/**
 * Migrates the database at `url` and writes the demo into it (a first start without jobs), then points the
 * bench's writers (BENCH_DATABASE_URL) at it for the profile's own data.
 */
export async function prepareDemoDatabase(url: string): Promise<void> {
	const config = loadConfig({
		...process.env,
		DATABASE_URL: url,
		NODE_ENV: 'production',
		ORIGIN: 'http://127.0.0.1:9',
		JOBS: '0',
		DEMO: '1',
		PAGE_CACHE: '0'
	});
	const app = await startApp(config, createLogger('warn'), { features });
	await stopApp(app);
	process.env.BENCH_DATABASE_URL = url;
}

export interface Statement {
	sql: string;
	params: unknown[];
}

/** A pool on `url` and a Drizzle handle on it that records each statement it sends in `seen`. */
export function recordingDb(url: string, max: number): { pool: pg.Pool; db: Db; seen: Statement[] } {
	const seen: Statement[] = [];
	const pool = new pg.Pool({ connectionString: url, max });
	const db = drizzle(pool, {
		schema,
		logger: { logQuery: (sql, params) => seen.push({ sql, params }) }
	}) as unknown as Db;
	return { pool, db, seen };
}

/**
 * Prints each statement (its first 160 characters) and, with --explain on the command line, the lines of its
 * EXPLAIN ANALYZE that match `planLines` (at most `maxLines`; all of them, up to 200, with `full`).
 */
export async function printStatements(
	pool: pg.Pool,
	statements: readonly Statement[],
	options: { planLines: RegExp; maxLines: number; full?: boolean }
): Promise<void> {
	for (const q of statements) {
		console.log(`- ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
		if (!process.argv.includes('--explain')) continue;
		const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS OFF) ${q.sql}`, q.params as unknown[]);
		const lines = plan.rows.map((r) => r['QUERY PLAN'] as string);
		console.log(
			'    ' +
				lines
					.filter((l) => options.full || options.planLines.test(l))
					.slice(0, options.full ? 200 : options.maxLines)
					.join('\n    ')
		);
	}
}
