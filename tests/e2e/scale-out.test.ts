// More than one node: two built servers on one PostgreSQL primary with a streaming replica of its own
// (testing/pg-cluster.ts: initdb, pg_basebackup), behind HAProxy from Debian. A vote storm through the balancer
// keeps every count exact; a write on one node is visible on the other at once; visitors read the replica, and
// who just wrote reads their own write (signed in, or a guest with the 10-second recent-write cookie); killing
// one node mid-storm loses no accepted vote and the balancer carries on. Runs with the PostgreSQL phase
// (TEST_DATABASE_URL set); skipped, saying why, without HAProxy or PostgreSQL's server programs (.ci/run
// installs both).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../../src/lib/server/testing/http-client';
import { postgresPrograms, startPgCluster, type PgCluster } from '../../src/lib/server/testing/pg-cluster';
import { RECENT_WRITE_COOKIE, RECENT_WRITE_SECONDS } from '../../src/lib/server/platform/replica';
import { eventPath } from '../../src/lib/domain/events';
import {
	freePort,
	logInNumbered,
	pool,
	removeDataDir,
	startServer,
	until,
	voteOverApi,
	type RunningServer
} from './support';

const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find(
	(file) => spawnSync(file, ['-v']).status === 0
);

function skipReason(): string | null {
	if (!process.env.TEST_DATABASE_URL?.trim())
		return 'runs with the PostgreSQL phase (TEST_DATABASE_URL is not set)';
	const programs = postgresPrograms();
	if ('missing' in programs) return programs.missing;
	if (!HAPROXY) return 'HAProxy is not installed (Debian: apt-get install haproxy)';
	return null;
}
const skip = skipReason();
if (skip) console.warn(`scale-out test skipped: ${skip}`);

const PEOPLE = 40;

interface Vote {
	person: number;
	suggestion: number;
	status: number;
	/** ms since the storm started, when the request was sent */
	sentAt: number;
}

describe.skipIf(skip !== null)(`several app nodes behind HAProxy${skip ? ` (skipped: ${skip})` : ''}`, () => {
	let cluster: PgCluster;
	let a: RunningServer;
	let b: RunningServer;
	let haproxy: ChildProcess | undefined;
	let haproxyDir: string;
	let lb: string;
	let primary: pg.Client;
	const tokens: string[] = [];
	const suggestionIds: number[] = [];

	beforeAll(async () => {
		cluster = await startPgCluster();
		const lbPort = await freePort();
		lb = `http://127.0.0.1:${lbPort}`;
		// Both nodes serve the balancer's address; the first runs the development identity provider, the second
		// sends people to it with the same client secret (as the processes of one `npm start` do).
		const shared = {
			DATABASE_URL: cluster.primaryUrl,
			DATABASE_REPLICA_URL: cluster.replicaUrl,
			DEMO: '1',
			DEV_IDP: '1',
			DEV_IDP_PORT: String(await freePort()),
			DEV_IDP_CLIENT_SECRET: randomBytes(18).toString('base64url'),
			DEV_IDP_PEOPLE: String(PEOPLE),
			ORIGIN: lb
		};
		// Started at once on an empty database: the migrations, seeds, demo and job queues are set up once.
		[a, b] = await Promise.all([
			startServer({ env: { ...shared, MEEDOEN_PROCESS: '1' }, timeoutMs: 180_000 }),
			startServer({ env: { ...shared, MEEDOEN_PROCESS: '2' }, timeoutMs: 180_000 })
		]);

		haproxyDir = mkdtempSync(path.join(os.tmpdir(), 'meedoen-haproxy-'));
		const config = path.join(haproxyDir, 'haproxy.cfg');
		writeFileSync(
			config,
			[
				'global',
				'  maxconn 1000',
				'defaults',
				'  mode http',
				'  timeout connect 2s',
				'  timeout client 30s',
				'  timeout server 30s',
				// A busy node answers its health check late, not never: only a refused or dead one is taken out.
				'  timeout check 5s',
				// A request a dead node never took (or answered with nothing) goes to the other node. The votes
				// are PUT and DELETE: sending one twice changes nothing.
				'  retries 3',
				'  option redispatch 1',
				'  retry-on conn-failure empty-response response-timeout',
				'frontend web',
				`  bind 127.0.0.1:${lbPort}`,
				'  default_backend nodes',
				'backend nodes',
				'  balance roundrobin',
				'  option httpchk GET /healthz',
				'  default-server inter 500ms fall 2 rise 1',
				`  server a 127.0.0.1:${a.port} check`,
				`  server b 127.0.0.1:${b.port} check`,
				''
			].join('\n')
		);
		haproxy = spawn(HAPROXY!, ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
		let haproxyOutput = '';
		haproxy.stdout?.on('data', (c) => (haproxyOutput += c));
		haproxy.stderr?.on('data', (c) => (haproxyOutput += c));
		await until(
			async () => (await fetch(`${lb}/healthz`).catch(() => null))?.status === 200,
			'HAProxy',
			20_000
		).catch((err) => {
			throw new Error(`${err.message}\n${haproxyOutput}`);
		});
		// Both nodes must be in (the first health checks).
		await new Promise((r) => setTimeout(r, 1_000));

		primary = new pg.Client({ connectionString: cluster.primaryUrl });
		await primary.connect();
		// No vote limit anywhere, so every person may support every suggestion picked.
		await primary.query('UPDATE suggestion_settings SET vote_limit = NULL, voting_open = true');
		const { rows } = await primary.query<{ id: number }>(
			`SELECT s.id FROM suggestions s JOIN municipalities m ON m.id = s.municipality_id
			 WHERE m.slug = 'geel' AND s.moderation = 'approved' AND s.merged_into_id IS NULL ORDER BY s.id`
		);

		for (let i = 0; i < PEOPLE; i++) tokens.push('');
		await pool(PEOPLE, 8, async (i) => {
			tokens[i] = await logInNumbered(lb, i + 1);
		});
		// Suggestions people can vote on now (their opportunity open): person 1 tries them in order.
		for (const { id } of rows) {
			if (suggestionIds.length === 11) break;
			const response = await vote(lb, tokens[0]!, id, 'PUT');
			if (response.status === 200) suggestionIds.push(id);
		}
		expect(suggestionIds).toHaveLength(11);
	}, 300_000);

	afterAll(async () => {
		haproxy?.kill('SIGKILL');
		if (haproxyDir) rmSync(haproxyDir, { recursive: true, force: true });
		await primary?.end().catch(() => {});
		for (const server of [a, b]) {
			if (!server) continue;
			await server.stop(5_000).catch(() => {});
			removeDataDir(server.dataDir);
		}
		await cluster?.stop();
	});

	/** Every suggestion's vote_count is its number of votes, and each is one of `expected`. */
	async function countsInDatabase(ids: number[]) {
		const { rows } = await primary.query<{ id: number; vote_count: number; rows: string }>(
			`SELECT s.id, s.vote_count, (SELECT count(*) FROM suggestion_votes v WHERE v.suggestion_id = s.id) AS rows
			 FROM suggestions s WHERE s.id = ANY($1::int[]) ORDER BY s.id`,
			[ids]
		);
		return rows.map((r) => ({ id: r.id, voteCount: r.vote_count, rows: Number(r.rows) }));
	}

	async function votesInDatabase(ids: number[]): Promise<Set<string>> {
		const { rows } = await primary.query<{ suggestion_id: number; given_name: string }>(
			`SELECT v.suggestion_id, u.given_name FROM suggestion_votes v JOIN users u ON u.id = v.user_id
			 WHERE v.suggestion_id = ANY($1::int[])`,
			[ids]
		);
		return new Set(rows.map((r) => `${r.given_name}|${r.suggestion_id}`));
	}

	it('shows a write on one node at once on the other, also to visitors served from its page cache', async () => {
		const id = suggestionIds[0]!;
		const visitor = () =>
			fetch(`${b.url}/api/v1/suggestions/${id}`).then(async (r) => ({
				cache: r.headers.get('x-cache'),
				votes: (await r.json()).data.votes as number
			}));
		await visitor();
		const before = await visitor();
		expect(before.cache).toBe('hit');

		const response = await vote(a.url, tokens[1]!, id, 'PUT');
		expect(response.status).toBe(200);
		const { voteCount } = (await response.json()) as { voteCount: number };
		expect(voteCount).toBe(before.votes + 1);

		// The very next request, on the other node, without waiting.
		expect((await visitor()).votes).toBe(voteCount);
		const own = await fetch(`${b.url}/api/v1/suggestions/${id}`, {
			headers: { cookie: `meedoen_session=${tokens[1]}` }
		});
		expect((await own.json()).data.votes).toBe(voteCount);
	});

	it('keeps every count exact in a vote storm through the balancer', async () => {
		const ids = suggestionIds.slice(1, 6);
		const pairs = ids.flatMap((suggestion) =>
			Array.from({ length: PEOPLE - 1 }, (_, i) => ({ person: i + 1, suggestion }))
		);
		const before = await countsInDatabase(ids);
		const results = await storm(pairs, 24);
		expect(results.filter((r) => r.status !== 200)).toEqual([]);

		// The demo's votes and person 1's probe vote, and now one of each of the 39 others: counted exactly.
		expect(await countsInDatabase(ids)).toEqual(
			before.map(({ id, rows }) => ({ id, voteCount: rows + PEOPLE - 1, rows: rows + PEOPLE - 1 }))
		);
		const stored = await votesInDatabase(ids);
		expect(pairs.filter((p) => !stored.has(`Testpersoon ${p.person + 1}|${p.suggestion}`))).toEqual([]);
	});

	/** Resolves once the replica has replayed everything the primary has written so far. */
	async function replicaCaughtUp(what: string): Promise<void> {
		const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
		const replica = new pg.Client({ connectionString: cluster.replicaUrl });
		await replica.connect();
		try {
			await until(
				async () =>
					(
						await replica.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [
							rows[0]!.lsn
						])
					).rows[0]!.done,
				`the replica’s replay of ${what}`,
				10_000
			);
		} finally {
			await replica.end();
		}
	}

	it('reads visitors’ pages from the replica, and shows someone who just wrote their own write', async () => {
		const id = suggestionIds[6]!;
		const { rows } = await primary.query<{ title: string }>('SELECT title FROM suggestions WHERE id = $1', [
			id
		]);
		const title = rows[0]!.title;
		const read = async (base: string, token?: string) => {
			// A query of its own each time: past the page cache, straight to the database.
			const r = await fetch(`${base}/api/v1/suggestions/${id}?r=${randomBytes(4).toString('hex')}`, {
				headers: token ? { cookie: `meedoen_session=${token}` } : {}
			});
			const body = (await r.json()) as { data: { title: string; votes: number } };
			return body.data;
		};

		// The vote storm just before wrote a lot: the nodes read the primary until the replica has replayed it. Paused
		// before that, it never would have, and visitors would read the primary's new title below.
		await replicaCaughtUp('the vote storm');
		await cluster.pauseReplay();
		try {
			// Changed on the primary behind the platform's back: no node hears of it, the paused replica lags.
			await primary.query('UPDATE suggestions SET title = $2 WHERE id = $1', [id, `${title} (nieuw)`]);
			// Visitors on both nodes read the replica's copy, once each node has seen the replica catch up (it
			// asks every few milliseconds while behind).
			await until(
				async () => (await read(a.url)).title === title && (await read(b.url)).title === title,
				'visitors reading the replica',
				10_000
			);
			// Signed-in people read the primary.
			expect((await read(a.url, tokens[2])).title).toBe(`${title} (nieuw)`);

			// A vote through the platform while the replica still lags: the voter sees it, and so does every
			// visitor, on both nodes: they read the primary until the replica has replayed the vote.
			const response = await vote(lb, tokens[2]!, id, 'PUT');
			expect(response.status).toBe(200);
			const { voteCount } = (await response.json()) as { voteCount: number };
			for (const base of [a.url, b.url]) {
				expect(await read(base, tokens[2])).toMatchObject({ votes: voteCount });
				expect(await read(base)).toMatchObject({ title: `${title} (nieuw)`, votes: voteCount });
			}
		} finally {
			await cluster.resumeReplay();
		}
	});

	it('sends someone who wrote without a session to the primary and past the page cache, on every node', async () => {
		// A guest registers for Geel's planting day: a write without a session. Its answer carries the recent-write
		// cookie, which says nothing about who wrote or what.
		const { rows: events } = await primary.query<{ id: number; slug: string }>(
			`SELECT e.id, e.slug FROM events e JOIN municipalities m ON m.id = e.municipality_id
			 WHERE m.slug = 'geel' AND e.title = $1`,
			['Plantdag: samen tegels eruit en planten erin']
		);
		const guest = { name: 'Lotte Verhaegen', email: `lotte.${randomBytes(4).toString('hex')}@example.be` };
		const jar = new CookieJar();
		const registered = await jar.fetch(
			new URL(`${lb}${eventPath('geel', events[0]!.id, events[0]!.slug)}?/register`),
			{ method: 'POST', form: { ...guest, companions: '0' } }
		);
		expect(registered.status).toBe(303);
		expect(registered.headers.get('location')).toContain('gelukt=bevestig-je-mail');
		const cookies = registered.headers.getSetCookie();
		expect(cookies).toContain(
			`${RECENT_WRITE_COOKIE}=1; Path=/; Max-Age=${RECENT_WRITE_SECONDS}; HttpOnly; SameSite=Lax`
		);
		for (const cookie of cookies)
			for (const personal of [guest.name, guest.email, encodeURIComponent(guest.email), 'Lotte'])
				expect(cookie).not.toContain(personal);
		// Someone with a session reads the primary anyway: their writes get no such cookie.
		const signedIn = await vote(lb, tokens[3]!, suggestionIds[0]!, 'PUT');
		expect(signedIn.status).toBe(200);
		expect(signedIn.headers.getSetCookie().join('\n')).not.toContain(RECENT_WRITE_COOKIE);

		// The replica replays those writes (the nodes heard of them and read the primary until it has), then
		// stops replaying; a change on the primary behind the platform's back is heard of by no node.
		const id = suggestionIds[0]!;
		const { rows } = await primary.query<{ title: string }>('SELECT title FROM suggestions WHERE id = $1', [
			id
		]);
		const { title } = rows[0]!;
		await replicaCaughtUp('the registration');
		const path = `/api/v1/suggestions/${id}`;
		const read = async (base: string, options: { cookie?: string; fresh?: boolean } = {}) => {
			// `fresh`: a query of its own, past the page cache, straight to the database.
			const url = `${base}${path}${options.fresh ? `?r=${randomBytes(4).toString('hex')}` : ''}`;
			const r = await fetch(url, { headers: options.cookie ? { cookie: options.cookie } : {} });
			const body = (await r.json()) as { data: { title: string } };
			return { title: body.data.title, cache: r.headers.get('x-cache') };
		};

		await cluster.pauseReplay();
		try {
			await primary.query('UPDATE suggestions SET title = $2 WHERE id = $1', [id, `${title} (bijgewerkt)`]);
			// Visitors on both nodes read the replica's copy, from the page cache once it holds it.
			await until(
				async () =>
					(await read(a.url, { fresh: true })).title === title &&
					(await read(b.url, { fresh: true })).title === title,
				'visitors reading the replica',
				10_000
			);
			await read(b.url);
			expect(await read(b.url)).toEqual({ title, cache: 'hit' });

			// The guest, with the cookie, on either node: the primary's current copy, never the cached page.
			const cookie = jar.header(new URL(lb));
			expect(cookie).toContain(`${RECENT_WRITE_COOKIE}=1`);
			expect(await read(b.url, { cookie })).toEqual({ title: `${title} (bijgewerkt)`, cache: null });
			expect(await read(a.url, { cookie, fresh: true })).toEqual({
				title: `${title} (bijgewerkt)`,
				cache: null
			});
			// Without it, the same address still shows the replica's copy.
			expect((await read(b.url)).title).toBe(title);
			expect((await read(a.url, { fresh: true })).title).toBe(title);
		} finally {
			await cluster.resumeReplay();
		}
	});

	it('loses no accepted vote when a node is killed mid-storm, and the balancer carries on', async () => {
		const ids = suggestionIds.slice(7, 11);
		const pairs = ids.flatMap((suggestion) =>
			Array.from({ length: PEOPLE - 1 }, (_, i) => ({ person: i + 1, suggestion }))
		);
		let killedAt = Infinity;
		const results = await storm(pairs, 16, (done, elapsed) => {
			if (done === 40 && killedAt === Infinity) {
				killedAt = elapsed;
				void b.kill();
			}
		});
		expect(killedAt).toBeLessThan(Infinity);

		// Every vote that was answered 200 is in the database, and every count matches its votes.
		const stored = await votesInDatabase(ids);
		const accepted = results.filter((r) => r.status === 200);
		const lost = accepted.filter((r) => !stored.has(`Testpersoon ${r.person + 1}|${r.suggestion}`));
		expect(lost).toEqual([]);
		for (const count of await countsInDatabase(ids)) expect(count.voteCount).toBe(count.rows);

		// The balancer carries on: what the storm sent a second after the kill (on a slow machine) was all taken
		// by the other node, and so is a round sent through it a second after the kill (on a fast one the storm
		// may be over by then): every person votes again on the first suggestion, all answered 200 and stored.
		const later = results.filter((r) => r.sentAt > killedAt + 1_000);
		expect(later.filter((r) => r.status !== 200)).toEqual([]);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		const again = await storm(
			Array.from({ length: PEOPLE - 1 }, (_, i) => ({ person: i + 1, suggestion: ids[0]! })),
			16
		);
		expect(again.filter((r) => r.status !== 200)).toEqual([]);
		const storedAgain = await votesInDatabase([ids[0]!]);
		expect(again.filter((r) => !storedAgain.has(`Testpersoon ${r.person + 1}|${r.suggestion}`))).toEqual([]);
		expect((await fetch(`${lb}/healthz`)).status).toBe(200);
		console.log(
			`scale-out: ${accepted.length} of ${results.length} votes accepted while node b was killed after ${Math.round(killedAt)} ms, none lost`
		);
	});

	/** A vote as a browser on the platform's page sends it (the balancer's address is every node's ORIGIN). */
	function vote(base: string, token: string, id: number, method: 'PUT' | 'DELETE') {
		return voteOverApi(base, lb, token, id, method);
	}

	/** Sends every (person, suggestion) vote through the balancer, `concurrency` at a time. */
	async function storm(
		pairs: { person: number; suggestion: number }[],
		concurrency: number,
		onAnswer?: (answered: number, elapsed: number) => void
	): Promise<Vote[]> {
		const started = performance.now();
		let answered = 0;
		return pool(pairs.length, concurrency, async (i) => {
			const { person, suggestion } = pairs[i]!;
			const sentAt = performance.now() - started;
			const status = await vote(lb, tokens[person]!, suggestion, 'PUT').then(
				async (r) => {
					await r.arrayBuffer();
					return r.status;
				},
				() => 0
			);
			onAnswer?.(++answered, performance.now() - started);
			return { person, suggestion, status, sentAt };
		});
	}
});
