// The embedded database in its own thread: values, errors, order, transactions and a data folder that lasts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BACKGROUND_WAIT_MS, PgliteWorkerClient } from './pglite-worker';
import { runInBackground } from './priority';

let folder: string;
let client: PgliteWorkerClient;

beforeAll(async () => {
	folder = await mkdtemp(path.join(tmpdir(), 'meedoen-pglite-worker-'));
	client = await PgliteWorkerClient.create(folder);
	await client.exec('CREATE TABLE t (id int PRIMARY KEY, at timestamptz, tags text[], doc jsonb)');
});

afterAll(async () => {
	await client?.close();
	await rm(folder, { recursive: true, force: true });
});

describe('PgliteWorkerClient', () => {
	it('sends values and gets them back as PGlite reads them, or as text where a parser is given', async () => {
		const at = new Date('2026-12-02T10:00:00Z');
		await client.query('INSERT INTO t VALUES ($1, $2, $3, $4)', [1, at, ['a', 'b'], { x: 1 }]);
		const { rows } = await client.query<{ id: number; at: Date; tags: string[]; doc: unknown }>(
			'SELECT * FROM t WHERE id = $1',
			[1]
		);
		expect(rows).toEqual([{ id: 1, at, tags: ['a', 'b'], doc: { x: 1 } }]);
		const asText = await client.query<unknown[]>('SELECT id, at FROM t WHERE id = 1', [], {
			rowMode: 'array',
			parsers: { 1184: (value) => `text:${value}` }
		});
		expect(asText.rows[0]?.[0]).toBe(1);
		expect(asText.rows[0]?.[1]).toMatch(/^text:2026-12-02 10:00:00/);
	});

	it("keeps PostgreSQL's error fields", async () => {
		const error = await client.query('INSERT INTO t (id) VALUES (1)').then(
			() => null,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(Error);
		expect(error).toMatchObject({ code: '23505', constraint: 't_pkey', table: 't' });
	});

	it('commits a transaction, rolls one back when it throws, and keeps other statements out meanwhile', async () => {
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let opened!: () => void;
		const isOpen = new Promise<void>((resolve) => (opened = resolve));
		const committed = client.transaction(async (tx) => {
			await tx.query('INSERT INTO t (id) VALUES (2)');
			opened();
			await gate;
			await tx.query('INSERT INTO t (id) VALUES (3)');
			return 'done';
		});
		// Sent while the transaction is open: it runs after the commit, so it sees both rows.
		const outside = client.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE id IN (2, 3)');
		// The transaction has written its first row before it goes on: had the statement from outside not
		// waited, it would have run by now and seen one row or none.
		await isOpen;
		release();
		expect(await committed).toBe('done');
		expect((await outside).rows[0]?.n).toBe(2);

		await expect(
			client.transaction(async (tx) => {
				await tx.query('INSERT INTO t (id) VALUES (4)');
				throw new Error('nee');
			})
		).rejects.toThrow('nee');
		const after = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE id = 4');
		expect(after.rows[0]?.n).toBe(0);
	});

	it('answers many statements sent at once in order', async () => {
		const results = await Promise.all(
			Array.from({ length: 50 }, (_, i) => client.query<{ i: number }>('SELECT $1::int AS i', [i]))
		);
		expect(results.map((r) => r.rows[0]?.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
	});

	it('keeps the data in its folder after closing, and refuses statements once closed', async () => {
		const other = path.join(folder, 'second');
		const first = await PgliteWorkerClient.create(other);
		await first.exec("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('ja')");
		await first.close();
		await expect(first.query('SELECT 1')).rejects.toThrow();
		const again = await PgliteWorkerClient.create(other);
		expect((await again.query<{ v: string }>('SELECT v FROM kept')).rows).toEqual([{ v: 'ja' }]);
		await again.close();
	});

	// The order is decided by vitest's fake clock, not the machine's: a request's transaction holds the database
	// until the test lets it go, and BACKGROUND_WAIT_MS passes when the test says so. (It used to hang on a 300 ms
	// pg_sleep and a real 100 ms timer, and failed once in four full runs on a loaded machine.)
	it('lets a request go before background work that was waiting, and background work waits at most a moment', async () => {
		const at = async (query: Promise<{ rows: { t: number }[] }>) => Number((await query).rows[0]!.t);
		// Which turn the statement had (the clock's milliseconds can tie).
		await client.exec('CREATE SEQUENCE IF NOT EXISTS turns');
		const now = "SELECT nextval('turns')::int AS t";
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			// With no request in the way, background work goes at once: no timer has to pass.
			await runInBackground(() => client.query(now));

			// A request's transaction holds the database until `letGo`.
			let letGo!: () => void;
			const gate = new Promise<void>((resolve) => (letGo = resolve));
			const first = client.transaction(async (tx) => {
				await tx.query('SELECT 1');
				await gate;
			});
			// Background work asks, then a request.
			const background = runInBackground(() => at(client.query<{ t: number }>(now)));
			const request = at(client.query<{ t: number }>(now));
			// The background statement waits for the requests, but at most BACKGROUND_WAIT_MS: once that has
			// passed it takes its turn, before a request that asks only now.
			await vi.advanceTimersByTimeAsync(BACKGROUND_WAIT_MS);
			const later = at(client.query<{ t: number }>(now));
			letGo();
			await first;
			const [mine, theirs, after] = await Promise.all([request, background, later]);
			// Without the turn-taking the background statement, asked for first, would run first; without the
			// limit it would wait for the later request too.
			expect(mine).toBeLessThan(theirs);
			expect(theirs).toBeLessThan(after);
		} finally {
			vi.useRealTimers();
		}
	});

	it('lets a request that comes while background work runs wait for one background statement, not all of them', async () => {
		const at = async (query: Promise<{ rows: { t: number }[] }>) => Number((await query).rows[0]!.t);
		const slow =
			'SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint::text AS t, pg_sleep(0.05)';
		const now = 'SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint::text AS t';
		// No request in the way: five background statements are asked for at once and the first one starts.
		const background = runInBackground(() =>
			Promise.all(Array.from({ length: 5 }, () => at(client.query<{ t: number }>(slow))))
		);
		// Once the microtasks that send the first one are done (no timer: on a loaded machine a timer could
		// outlast the first statement's 50 ms).
		await new Promise((resolve) => setImmediate(resolve));
		const mine = await at(client.query<{ t: number }>(now));
		const theirs = await background;
		// The request ran after the one under way and before the four others.
		expect(theirs.filter((t) => t < mine)).toHaveLength(1);
	});
});
