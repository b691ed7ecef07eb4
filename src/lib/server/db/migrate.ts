// Applies the committed migrations (drizzle/) with the extensions they rely on.
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { Database } from './client';

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'drizzle');

/** Arbitrary but fixed: serialises concurrent start-ups against one PostgreSQL database. */
const MIGRATION_LOCK = 4_242_017;

export async function migrateDatabase(database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
	const config = { migrationsFolder };
	if (database.kind === 'pglite') {
		await database.executeSql(
			'CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent;'
		);
		await migratePglite(database.db as unknown as PgliteDatabase, config);
		return;
	}
	if (!database.pool) throw new Error('a PostgreSQL database needs its pool to migrate');
	// The lock belongs to one connection, so lock, migrate and unlock all go through this one.
	const client = await database.pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent;');
		await migratePg(drizzlePg(client), config);
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
		client.release();
	}
}

/** Arbitrary but fixed, like MIGRATION_LOCK: the start-up's reference seeds and demo content. */
const SETUP_LOCK = 4_242_018;

/**
 * Runs `work` while no other process starting on the same PostgreSQL database runs its own (several processes
 * of `npm start`, several nodes): the first seeds and loads the demo, the others wait and then find it done.
 */
export async function withSetupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
	if (database.kind !== 'postgres' || !database.pool) return work();
	const client = await database.pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
		return await work();
	} finally {
		await client.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => {});
		client.release();
	}
}
