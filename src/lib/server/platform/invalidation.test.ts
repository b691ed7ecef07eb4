// Two running platforms on one PostgreSQL database, as two processes of `npm start` are: a write in one clears
// the caches of the other (LISTEN/NOTIFY), also after the other's listening connection was lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase, testDbKind, type TestDatabase } from '$lib/server/testing/db';
import { silentLog } from '$lib/server/testing/context';
import { openDatabase } from '$lib/server/db/client';
import { features } from '$lib/server/features';
import { loadConfig } from './config';
import { startApp, stopApp, type App } from './app';
import { ACK_TIMEOUT_MS, INVALIDATION_CHANNEL, LISTENER_NAME, createInvalidation } from './invalidation';

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 5_000) {
	const deadline = Date.now() + ms;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

/** What the App's read cache holds under `key`: the value kept, or `fresh` when it had to load. */
function cachedValue(app: App, key: string, fresh = 'fresh'): Promise<string> {
	return app.cache.get(key, async () => fresh);
}

function page(body: string) {
	return new Response(body, { status: 200, headers: { 'content-type': 'text/html' } });
}

describe.skipIf(testDbKind() !== 'postgres')('caches across processes on PostgreSQL', () => {
	let database: TestDatabase;
	let dataDir: string;
	const apps: App[] = [];
	let a: App;
	let b: App;

	beforeAll(async () => {
		dataDir = await mkdtemp(path.join(tmpdir(), 'meedoen-invalidation-'));
		database = await createTestDatabase();
		const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, JOBS: '0', DEV_IDP: '0' });
		// Two platforms, each with a pool of its own on the same database, as two processes have.
		for (let i = 0; i < 2; i++) {
			const own = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 4 });
			apps.push(await startApp(config, silentLog, { features, database: own }));
		}
		[a, b] = apps as [App, App];
	});
	afterAll(async () => {
		for (const app of apps) await stopApp(app);
		await database?.destroy();
		await rm(dataDir, { recursive: true, force: true });
	});

	it('clears the read cache and the page cache of the other process after a write', async () => {
		expect(await cachedValue(a, 'municipalities', 'before')).toBe('before');
		await a.pageCache.store('nl /geel', page('<p>before</p>'));
		expect(a.pageCache.get('nl /geel')).toBeDefined();

		await b.dropCaches();

		// Not eventually: by the time B's write may answer, A has cleared (it acknowledged).
		expect(a.pageCache.get('nl /geel')).toBeUndefined();
		expect(await cachedValue(a, 'municipalities', 'after')).toBe('after');
	});

	it('waits at most a moment for a process that listens but never acknowledges', async () => {
		// A listening connection named as a process's, that clears nothing and never answers (hung, or older).
		const silent = new pg.Client({
			connectionString: database.url,
			application_name: `${LISTENER_NAME}silent`
		});
		await silent.connect();
		await silent.query(`LISTEN ${INVALIDATION_CHANNEL}`);
		const warnings: unknown[] = [];
		const log = Object.assign(Object.create(silentLog) as typeof silentLog, {
			warn: (fields: unknown) => void warnings.push(fields)
		});
		const writer = createInvalidation({
			url: database.url!,
			log,
			query: async (text, values) =>
				(await silent.query(text, values)) as { rows: Record<string, unknown>[] },
			onInvalidate: () => {},
			// A budget, not a measurement: A and B must answer within it, the silent one never does. 200 ms left a
			// loaded machine (two test phases and a build on two cores) little room for A's and B's round trips; the
			// platform's own budget is the one they are given on a server.
			ackTimeoutMs: ACK_TIMEOUT_MS
		});
		try {
			await writer.ready;
			await a.pageCache.store('nl /kasterlee', page('<p>before</p>'));
			await writer.publish();
			// A and B answered; the silent one was given up on, and the log names it.
			expect(a.pageCache.get('nl /kasterlee')).toBeUndefined();
			expect(warnings).toEqual([{ missing: ['silent'] }]);
		} finally {
			await writer.stop();
			await silent.end();
		}
	});

	it('sends a burst of writes as a few notifications, the last one after the last write', async () => {
		const listener = new pg.Client({ connectionString: database.url });
		await listener.connect();
		let received = 0;
		listener.on('notification', () => (received += 1));
		await listener.query(`LISTEN ${INVALIDATION_CHANNEL}`);
		try {
			await Promise.all(Array.from({ length: 200 }, () => b.dropCaches()));
			expect(b.invalidation!.busy()).toBe(false);
			await until(() => received > 0, 'a notification received');
			// One for the first write, one more for all the writes that came while it was being sent.
			expect(received).toBeLessThanOrEqual(2);

			// A write after the burst is announced too: A clears what it cached since.
			await cachedValue(a, 'k', 'cached after the burst');
			await a.pageCache.store('nl /mol', page('<p>mol</p>'));
			await b.dropCaches();
			await until(() => a.pageCache.get('nl /mol') === undefined, 'the last write reaches A');
			expect(await cachedValue(a, 'k')).toBe('fresh');
		} finally {
			await listener.end();
		}
	});

	it('clears its caches when its listening connection is lost, and hears the others again once back', async () => {
		expect(a.invalidation!.listening()).toBe(true);
		const admin = new pg.Client({ connectionString: database.url });
		await admin.connect();
		try {
			// The listening sessions of this database (both platforms'): PostgreSQL restarting, a proxy dropping them.
			const { rowCount } = await admin.query(
				`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				 WHERE datname = current_database() AND starts_with(application_name, $1) AND pid <> pg_backend_pid()`,
				[LISTENER_NAME]
			);
			expect(rowCount).toBe(2);
		} finally {
			await admin.end();
		}
		await until(() => !a.invalidation!.listening(), 'A notices the loss');
		// What A caches while it cannot hear the others may miss a write: it is dropped once A listens again.
		expect(await cachedValue(a, 'while deaf', 'kept while deaf')).toBe('kept while deaf');
		await until(() => a.invalidation!.listening(), 'A listens again');
		expect(await cachedValue(a, 'while deaf')).toBe('fresh');
		// B's write waits for A's acknowledgement only once B can hear it: B listens again too (both retry after
		// the same pause, and either may be back first).
		await until(() => b.invalidation!.listening(), 'B listens again');

		await a.pageCache.store('nl /geel', page('<p>again</p>'));
		await b.dropCaches();
		expect(a.pageCache.get('nl /geel')).toBeUndefined();
	});

	it('keeps a page rendered across a clear out of the page cache', async () => {
		const since = a.pageCache.generation();
		await b.dropCaches();
		await until(() => a.pageCache.generation() !== since, 'A cleared');
		const sent = await a.pageCache.store('nl /olen', page('<p>rendered before the write</p>'), since);
		expect(await sent.text()).toBe('<p>rendered before the write</p>');
		expect(a.pageCache.get('nl /olen')).toBeUndefined();
	});
});
