// Real databases for tests: an in-memory PGlite, or a fresh PostgreSQL database when TEST_DB=postgres.
// Each test run makes its starting points once (snapshots.ts, the unit tests' global setup): an initialised
// PGlite cluster, the same migrated, and migrated with the reference data, as files to copy; on PostgreSQL
// the last two as template databases. A test's database is a copy of one of them, which skips initdb (seconds
// per PGlite) and the migrations. Without the setup (a script importing this module) it is built as before.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '$lib/server/db/client';
import { migrateDatabase } from '$lib/server/db/migrate';
import { features } from '$lib/server/features';
import type { TestDatabaseSnapshots, SnapshotStage } from './snapshots';

export interface TestDatabase extends Database {
	/** Closes the handle and, on PostgreSQL, drops the database it made. */
	destroy(): Promise<void>;
}

export function testDbKind(): 'pglite' | 'postgres' {
	return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function adminUrl(): string {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
	return url;
}

function snapshots(): TestDatabaseSnapshots | undefined {
	try {
		return inject('testDatabaseSnapshots');
	} catch {
		return undefined; // not in a vitest worker
	}
}

const pgliteFiles = new Map<string, Uint8Array>();

/** The PGlite files of a stage, read once per test file. */
function pgliteSnapshot(stage: SnapshotStage): Uint8Array | undefined {
	const file = snapshots()?.pglite?.[stage];
	if (!file) return undefined;
	let bytes = pgliteFiles.get(file);
	if (!bytes) {
		bytes = new Uint8Array(readFileSync(file));
		pgliteFiles.set(file, bytes);
	}
	return bytes;
}

/** A fresh database: each test file gets its own, so files run in parallel without seeing each other. */
export async function createEmptyTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
	return createCopy('empty', options);
}

async function createCopy(stage: SnapshotStage, options: { poolSize?: number }): Promise<TestDatabase> {
	if (testDbKind() === 'pglite') {
		const from = pgliteSnapshot(stage);
		const database = await openDatabase({ kind: 'pglite', dataDir: null, from });
		return { ...database, destroy: () => database.close() };
	}
	const template = stage === 'empty' ? undefined : snapshots()?.postgres?.[stage];
	const admin = new URL(adminUrl());
	const name = `meedoen_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
	const client = new pg.Client({ connectionString: admin.href });
	await client.connect();
	await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
	await client.end();
	const url = new URL(admin.href);
	url.pathname = `/${name}`;
	const database = await openDatabase({ kind: 'postgres', url: url.href, poolSize: options.poolSize ?? 4 });
	return {
		...database,
		async destroy() {
			await database.close();
			const c = new pg.Client({ connectionString: admin.href });
			await c.connect();
			await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await c.end();
		}
	};
}

/** A migrated database with the reference data (region, 29 municipalities, default themes). */
export async function createTestDatabase(
	options: {
		reference?: boolean;
		/** Connections on PostgreSQL (4 unless told): a test of real concurrency asks for more. */
		poolSize?: number;
	} = {}
): Promise<TestDatabase> {
	const stage = options.reference === false ? 'migrated' : 'reference';
	const made = snapshots()?.[testDbKind()];
	if (made?.[stage]) return createCopy(stage, options);
	const database = await createEmptyTestDatabase({ poolSize: options.poolSize });
	await migrateDatabase(database);
	if (options.reference !== false) for (const feature of features) await feature.seed?.(database.db);
	return database;
}
