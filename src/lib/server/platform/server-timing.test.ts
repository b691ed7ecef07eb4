// Each request's statements are counted where they are sent from: on the data-folder PGlite (its own
// thread) and on PostgreSQL, inside and outside transactions, with requests running side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '$lib/server/db/client';
import { createEmptyTestDatabase, testDbKind, type TestDatabase } from '$lib/server/testing/db';
import { createStatementCounter, readServerTiming, serverTiming } from './server-timing';

const counter = createStatementCounter();
let folder: string | undefined;
let postgres: TestDatabase | undefined;
let database: Database;

beforeAll(async () => {
	if (testDbKind() === 'pglite') {
		folder = await mkdtemp(path.join(tmpdir(), 'meedoen-timing-'));
		database = await openDatabase({ kind: 'pglite', dataDir: folder, onStatement: counter.observe });
	} else {
		postgres = await createEmptyTestDatabase();
		database = await openDatabase({
			kind: 'postgres',
			url: postgres.pool!.options.connectionString!,
			poolSize: 4,
			onStatement: counter.observe
		});
	}
	await database.executeSql('CREATE TABLE t (id int PRIMARY KEY)');
});

afterAll(async () => {
	await database?.close();
	await postgres?.destroy();
	if (folder) await rm(folder, { recursive: true, force: true });
});

describe('statement counter', () => {
	it('counts each request its own statements, BEGIN and COMMIT included, while others run beside it', async () => {
		const { db } = database;
		const [reads, writes, none] = await Promise.all([
			counter.track(async (tally) => {
				await db.execute(sql`select 1`);
				await Promise.all([db.execute(sql`select 2`), db.execute(sql`select 3`)]);
				return { ...tally };
			}),
			counter.track(async (tally) => {
				await db.transaction(async (tx) => {
					await tx.execute(sql`insert into t values (1)`);
					await tx.execute(sql`insert into t values (2)`);
				});
				return { ...tally };
			}),
			counter.track(async (tally) => ({ ...tally }))
		]);
		expect(reads.statements).toBe(3);
		expect(writes.statements).toBe(4);
		expect(none.statements).toBe(0);
		expect(reads.dbMs).toBeGreaterThan(0);
	});

	it('counts nothing outside a request', async () => {
		const outside = await counter.track(async (tally) => {
			await new Promise<void>((resolve) => setTimeout(resolve, 0));
			return tally;
		});
		await database.db.execute(sql`select 1`);
		expect(outside.statements).toBe(0);
	});

	it('writes and reads the Server-Timing header', () => {
		const header = serverTiming({ statements: 4, dbMs: 2.345 }, 10.06);
		expect(header).toBe(
			'db;dur=2.3;desc="4 statements", total;dur=10.1, app;dur=7.7;desc="outside the database"'
		);
		expect(readServerTiming(header)).toEqual({ statements: 4, dbMs: 2.3, totalMs: 10.1, appMs: 7.7 });
		// Statements sent together overlap: their time may add up to more than the request's.
		expect(readServerTiming(serverTiming({ statements: 2, dbMs: 12 }, 10))?.appMs).toBe(0);
		expect(readServerTiming(null)).toBeNull();
	});
});
