// Real databases for tests: an in-memory PGlite, or a fresh PostgreSQL database when TEST_DB=postgres.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '$lib/server/db/client';
import { migrateDatabase } from '$lib/server/db/migrate';
import { features } from '$lib/server/features';

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

/** A fresh database: each test file gets its own, so files run in parallel without seeing each other. */
export async function createEmptyTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
	if (testDbKind() === 'pglite') {
		const database = await openDatabase({ kind: 'pglite', dataDir: null });
		return { ...database, destroy: () => database.close() };
	}
	const admin = new URL(adminUrl());
	const name = `meedoen_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
	const client = new pg.Client({ connectionString: admin.href });
	await client.connect();
	await client.query(`CREATE DATABASE ${name}`);
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
	const database = await createEmptyTestDatabase({ poolSize: options.poolSize });
	await migrateDatabase(database);
	if (options.reference !== false) for (const feature of features) await feature.seed?.(database.db);
	return database;
}
