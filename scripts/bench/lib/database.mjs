// The database a dataset step writes to with the app stopped: the embedded PGlite of DATA_DIR, or the
// PostgreSQL database of BENCH_DATABASE_URL when the benchmark runs with --database-url. Both answer
// query(text, params) with { rows } and exec(text) for several statements at once.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';

/** @param {string} dataDir */
export async function openBenchDatabase(dataDir) {
	const url = process.env.BENCH_DATABASE_URL;
	if (!url) return PGlite.create(path.resolve(dataDir, 'pglite'), { extensions: { pg_trgm, unaccent } });
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	return {
		query: (text, params) => client.query(text, params),
		exec: (text) => client.query(text),
		close: () => client.end()
	};
}

/** A fresh database on the PostgreSQL server of `adminUrl`, and how to drop it again. */
export async function createBenchDatabase(adminUrl, name) {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(`CREATE DATABASE ${name}`);
	} finally {
		await admin.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		url: url.href,
		async drop() {
			const c = new pg.Client({ connectionString: adminUrl });
			await c.connect();
			try {
				await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			} finally {
				await c.end();
			}
		}
	};
}
