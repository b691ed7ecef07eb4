// One database handle for the whole platform: embedded PGlite in a data folder, or PostgreSQL.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { PgliteWorkerClient } from './pglite-worker';
import { lockDataDir } from './datadir-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** The Drizzle handle both drivers share; query functions take it first so they work inside a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface SqlResult {
	rows: Record<string, unknown>[];
}

/** Raw SQL with $1… parameters on the connection behind a Drizzle handle. */
export interface SqlClient {
	query(text: string, values?: unknown[]): Promise<SqlResult>;
}

/**
 * The connection a Drizzle transaction runs on (a pg PoolClient, PGlite's transaction, or the PGlite thread's),
 * for a library that brings its own SQL text (pg-boss inserting a job in the caller's transaction). Drizzle keeps
 * it in the session's `client`, which its types mark private; each of the three answers query(text, values).
 */
export function sqlClientOf(tx: Db): SqlClient {
	const client = (tx as unknown as { session?: { client?: Partial<SqlClient> } }).session?.client;
	if (typeof client?.query !== 'function') throw new Error('no SQL client behind this database handle');
	return client as SqlClient;
}

export interface Database {
	kind: 'pglite' | 'postgres';
	/** PostgreSQL's connection string, for what needs a connection of its own (LISTEN). */
	url?: string;
	/** The PostgreSQL pool, for the few things that need one connection (migration lock). */
	pool?: pg.Pool;
	db: Db;
	/** Raw SQL, also used by pg-boss: multi-statement text when no values are given. */
	executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
	ping(): Promise<boolean>;
	/**
	 * The embedded database's files as a gzipped tar, a consistent copy taken between statements (what
	 * `npm run backup` writes and `npm run restore` loads); absent on PostgreSQL, which pg_dump copies.
	 */
	dumpDataDir?(): Promise<Uint8Array>;
	close(): Promise<void>;
}

/**
 * Told of every statement sent to the database (BEGIN and COMMIT included) once its answer is back, with
 * how long the caller waited for it; called in the caller's async context, so a request can count its own.
 */
export type StatementObserver = (ms: number) => void;

export type DatabaseOptions = (
	| { kind: 'postgres'; url: string; poolSize?: number }
	| {
			kind: 'pglite';
			dataDir: string | null;
			/**
			 * An in-memory database that starts as a copy of these files (a dumpDataDir of another one) instead
			 * of an empty cluster: the tests' snapshot of a migrated database, which skips initdb and migrating.
			 */
			from?: Uint8Array;
	  }
) & {
	/** Counts the statements of the data-folder PGlite and of PostgreSQL (not of an in-memory PGlite). */
	onStatement?: StatementObserver;
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	return options.kind === 'postgres'
		? openPostgres(options.url, options.poolSize, options.onStatement)
		: openPglite(options.dataDir, options.onStatement, options.from);
}

/** `query` of a pg Pool or PoolClient, told to the observer when called with a promise (as Drizzle and executeSql do). */
function observeQuery(target: { query: (...args: never[]) => unknown }, onStatement: StatementObserver) {
	const query = target.query.bind(target) as (...args: unknown[]) => unknown;
	target.query = ((...args: unknown[]) => {
		// The pool's own query() passes the client a callback: counted once, where the caller asked.
		if (typeof args.at(-1) === 'function' || typeof (args[0] as { submit?: unknown })?.submit === 'function')
			return query(...args);
		const started = performance.now();
		const answer = query(...args) as Promise<unknown>;
		const told = () => onStatement(performance.now() - started);
		answer.then(told, told);
		return answer;
	}) as typeof target.query;
}

async function openPostgres(url: string, poolSize = 10, onStatement?: StatementObserver): Promise<Database> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
	// An idle client that loses its server must not crash the process; the next query reports it.
	pool.on('error', () => {});
	if (onStatement) {
		observeQuery(pool, onStatement);
		// Transactions run on a client of their own (pool.connect()).
		pool.on('connect', (client) => observeQuery(client, onStatement));
	}
	const db = drizzlePg(pool, { schema }) as unknown as Db;
	let closed = false;
	return {
		kind: 'postgres',
		url,
		pool,
		db,
		async executeSql(text, values) {
			const result = await pool.query(text, values as unknown[]);
			const last = Array.isArray(result) ? result.at(-1) : result;
			return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
		},
		async ping() {
			try {
				await pool.query('select 1');
				return true;
			} catch {
				return false;
			}
		},
		async close() {
			if (closed) return;
			closed = true;
			await pool.end();
		}
	};
}

/** What the database needs of PGlite, in this thread or in its own (pglite-worker.ts). */
interface PgliteClient {
	readonly closed: boolean;
	query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
	exec(text: string): Promise<{ rows: unknown[]; fields: unknown[] }[]>;
	close(): Promise<void>;
}

async function dumpOf(client: PgliteClient | PGlite): Promise<Uint8Array> {
	if (client instanceof PgliteWorkerClient) return client.dumpDataDir();
	const blob = await (client as PGlite).dumpDataDir('gzip');
	return new Uint8Array(await blob.arrayBuffer());
}

/**
 * A data folder (the server) opens PGlite in its own thread, so statements do not stall the requests; an
 * in-memory database (the tests') stays in this thread.
 */
async function openPglite(
	dataDir: string | null,
	onStatement?: StatementObserver,
	from?: Uint8Array
): Promise<Database> {
	let client: PgliteClient;
	let lock: { release(): void } | undefined;
	if (from && dataDir) throw new Error('a copy of a database opens in memory only');
	if (dataDir) {
		const location = path.resolve(dataDir, 'pglite');
		await mkdir(location, { recursive: true });
		// Held for as long as the database is open: a second process on this folder is refused.
		lock = await lockDataDir(dataDir);
		try {
			client = await PgliteWorkerClient.create(location, { onStatement });
		} catch (err) {
			lock.release();
			throw err;
		}
	} else {
		client = await PGlite.create('memory://', {
			extensions: { pg_trgm, unaccent },
			...(from ? { loadDataDir: new Blob([from as Uint8Array<ArrayBuffer>]) } : {})
		});
	}
	const db = drizzlePglite(client as unknown as PGlite, { schema }) as unknown as Db;
	return {
		kind: 'pglite',
		db,
		async executeSql(text, values) {
			if (values && values.length > 0) {
				const result = await client.query(text, values);
				return { rows: result.rows as Record<string, unknown>[] };
			}
			const results = await client.exec(text);
			const withRows = results.filter((r) => r.fields.length > 0);
			return { rows: (withRows.at(-1)?.rows ?? []) as Record<string, unknown>[] };
		},
		async ping() {
			if (client.closed) return false;
			try {
				await client.query('select 1');
				return true;
			} catch {
				return false;
			}
		},
		dumpDataDir: () => dumpOf(client),
		async close() {
			if (!client.closed) await client.close();
			lock?.release();
		}
	};
}
