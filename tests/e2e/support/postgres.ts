// A database of its own on the test PostgreSQL server (TEST_DATABASE_URL), for a journey that starts the
// platform on an empty PostgreSQL database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface PostgresDatabase {
	url: string;
	/** Drops it, closing whatever connections are left. */
	drop(): Promise<void>;
}

async function onServer(adminUrl: string, sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

/** A new, empty database named `<prefix>_<random>` next to TEST_DATABASE_URL's. */
export async function createPostgresDatabase(prefix: string): Promise<PostgresDatabase> {
	const adminUrl = process.env.TEST_DATABASE_URL?.trim();
	if (!adminUrl) throw new Error('a PostgreSQL database needs TEST_DATABASE_URL');
	const name = `${prefix}_${randomBytes(4).toString('hex')}`;
	await onServer(adminUrl, `CREATE DATABASE ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.href,
		drop: () => onServer(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
	};
}
