// `npm start` with PROCESSES=2 on an empty PostgreSQL database of its own: scripts/start.mjs runs the build in
// two processes on one port (node:cluster). Both answer; a write through one is seen through the other at once
// (their page caches are cleared across processes); the start-up's seeds, demo content and job queues were set
// up once, and the hourly jobs queued once, although both processes started at the same moment; a process
// killed with SIGKILL is survived (the other serves, the first process starts it again); SIGTERM stops all.
// The scale-out journey covers two separate servers behind HAProxy with a replica; this one covers `npm start`
// itself. Runs with the PostgreSQL phase (TEST_DATABASE_URL set).
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	childProcesses,
	createPostgresDatabase,
	logInNumbered,
	removeDataDir,
	startServer,
	until,
	voteOverApi,
	type PostgresDatabase,
	type RunningServer
} from './support';

const skip = process.env.TEST_DATABASE_URL?.trim()
	? null
	: 'runs with the PostgreSQL phase (TEST_DATABASE_URL is not set)';
if (skip) console.warn(`npm start test skipped: ${skip}`);

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** The local port of the connection it came over: the same port, the same connection. */
	connection: number;
}

/** One HTTP request over `agent` (false: a connection of its own, closed after it). */
function request(
	url: string,
	agent: http.Agent | false,
	init: { method?: string; headers?: Record<string, string> } = {}
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{ method: init.method ?? 'GET', headers: init.headers, agent, timeout: 30_000 },
			(res) => {
				const connection = res.socket.localPort ?? 0;
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, connection }));
				res.on('error', reject);
			}
		);
		req.on('timeout', () => req.destroy(new Error(`${url}: no answer in 30 s`)));
		req.on('error', reject);
		req.end();
	});
}

/** Which process answered /healthz over a connection of its own (the kernel gives it to one of them). */
async function healthOnNewConnection(base: string): Promise<{ status: number; process: number | null }> {
	const answer = await request(`${base}/healthz`, false);
	const body = JSON.parse(answer.body) as { process?: number };
	return { status: answer.status, process: body.process ?? null };
}

interface Pinned {
	/** A request over the connection that process `number` took; fails if that connection was replaced. */
	send(path: string, init?: { method?: string; headers?: Record<string, string> }): Promise<Answer>;
	close(): void;
}

/** A kept-alive connection that process `number` took, found by asking /healthz on new ones. */
async function connectionTo(base: string, number: number): Promise<Pinned> {
	for (let attempt = 0; attempt < 20; attempt++) {
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const health = await request(`${base}/healthz`, agent);
		if ((JSON.parse(health.body) as { process?: number }).process !== number) {
			agent.destroy();
			continue;
		}
		return {
			async send(path, init) {
				const answer = await request(`${base}${path}`, agent, init);
				if (answer.connection !== health.connection)
					throw new Error(`the connection to process ${number} was replaced by another`);
				return answer;
			},
			close: () => agent.destroy()
		};
	}
	throw new Error(`process ${number} took none of 20 connections`);
}

describe.skipIf(skip !== null)(
	`npm start with two processes on PostgreSQL${skip ? ` (skipped: ${skip})` : ''}`,
	() => {
		let database: PostgresDatabase;
		let server: RunningServer;
		let db: pg.Client;
		/** When scripts/start.mjs was started: its processes are no older. */
		let startedAt: number;
		let token: string;
		let suggestionId: number;

		beforeAll(async () => {
			database = await createPostgresDatabase('meedoen_start');
			startedAt = Date.now();
			server = await startServer({
				viaStartScript: true,
				env: {
					PROCESSES: '2',
					DATABASE_URL: database.url,
					DEMO: '1',
					DEV_IDP: '1',
					DEV_IDP_PEOPLE: '2'
				},
				timeoutMs: 180_000
			});
			db = new pg.Client({ connectionString: database.url });
			await db.connect();
		}, 240_000);

		afterAll(async () => {
			await db?.end().catch(() => {});
			if (server) {
				const children = childProcesses(server.pid);
				await server.stop(10_000);
				for (const child of children) {
					try {
						process.kill(child.pid, 'SIGKILL');
					} catch {
						// stopped with the first process, as they should
					}
				}
				removeDataDir(server.dataDir);
			}
			await database?.drop();
		});

		it('runs two processes on one port, and both answer', async () => {
			expect(server.output()).toContain('Meedoen: 2 processen op poort');
			const children = childProcesses(server.pid);
			expect(children.map((c) => c.number).sort()).toEqual([1, 2]);
			// The kernel gives new connections to either; the second may still be starting when the first answers.
			const seen = new Set<number | null>();
			await until(
				async () => {
					const health = await healthOnNewConnection(server.url);
					expect(health.status).toBe(200);
					seen.add(health.process);
					return seen.has(1) && seen.has(2);
				},
				'an answer of each process',
				60_000
			);
			expect([...seen].sort()).toEqual([1, 2]);
		});

		it('set up the seeds, the demo content and the job queues once, and queued each hourly job once', async () => {
			const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
			// The reference seed: the 29 municipalities of the Kempen; the demo: three drawn logos, loaded once.
			expect(await count('SELECT count(*) AS n FROM municipalities')).toBe(29);
			expect(await count(`SELECT count(*) AS n FROM media WHERE kind = 'logo'`)).toBe(3);
			expect(await count(`SELECT count(*) AS n FROM platform_meta WHERE key = 'demo_loaded_at'`)).toBe(1);
			const twice = await db.query(
				`SELECT m.slug, a.title, count(*)::int AS n FROM actions a JOIN municipalities m ON m.id = a.municipality_id
			 GROUP BY 1, 2 HAVING count(*) > 1`
			);
			expect(twice.rows).toEqual([]);
			expect(await count('SELECT count(*) AS n FROM actions')).toBeGreaterThan(0);
			// pg-boss's queues exist (made under the set-up lock: made at once by two processes they deadlocked).
			expect(await count('SELECT count(*) AS n FROM pgboss.queue')).toBeGreaterThan(0);
			// Both processes queue the hourly jobs when they start: each is queued once for the hour, whoever came first.
			const hourly = ['college.weekly', 'events.remind', 'newsletters.due', 'notifications.digest'];
			const queued = await db.query<{ name: string; n: number }>(
				`SELECT name, count(*)::int AS n FROM pgboss.job WHERE name = ANY($1::text[])
			 GROUP BY name, date_trunc('hour', created_on) ORDER BY name`,
				[hourly]
			);
			expect([...new Set(queued.rows.map((r) => r.name))]).toEqual(hourly);
			expect(queued.rows.filter((r) => r.n !== 1)).toEqual([]);
			// Neither process stopped or was started again.
			expect(server.output()).not.toMatch(/proces \d+ stopte/);
		});

		/** Test person 1 logged in, supporting the first suggestion of Geel open for votes (once per run). */
		async function supportSomething() {
			if (token && suggestionId !== undefined) return;
			token = await logInNumbered(server.url, 1);
			const { rows } = await db.query<{ id: number }>(
				`SELECT s.id FROM suggestions s JOIN municipalities m ON m.id = s.municipality_id
			 WHERE m.slug = 'geel' AND s.moderation = 'approved' AND s.merged_into_id IS NULL ORDER BY s.id`
			);
			for (const { id } of rows) {
				const response = await voteOverApi(server.url, server.url, token, id, 'PUT');
				await response.arrayBuffer();
				if (response.status === 200) {
					suggestionId = id;
					break;
				}
			}
			expect(suggestionId).toBeDefined();
		}

		it('shows a write through one process at once through the other, also from its page cache', async () => {
			await supportSomething();
			const path = `/api/v1/suggestions/${suggestionId}`;
			const votePath = `${path}/vote`;
			const voteHeaders = {
				cookie: `meedoen_session=${token}`,
				origin: server.url,
				accept: 'application/json'
			};
			const votesOf = (answer: Answer) => (JSON.parse(answer.body) as { data: { votes: number } }).data.votes;

			const [one, two] = [await connectionTo(server.url, 1), await connectionTo(server.url, 2)];
			try {
				for (const [writer, reader] of [
					[one, two],
					[two, one]
				] as const) {
					// The reader has the suggestion in its page cache, with test person 1's support counted.
					await reader.send(path);
					const cached = await reader.send(path);
					expect(cached.headers['x-cache']).toBe('hit');
					const supported = votesOf(cached);
					expect(supported).toBeGreaterThan(0);

					// The writer withdraws it; the very next request, through the other process, shows it.
					const withdrawn = await writer.send(votePath, { method: 'DELETE', headers: voteHeaders });
					expect(withdrawn.status).toBe(200);
					expect((JSON.parse(withdrawn.body) as { voteCount: number }).voteCount).toBe(supported - 1);
					expect(votesOf(await reader.send(path))).toBe(supported - 1);
					// And gives it again: the same.
					const given = await writer.send(votePath, { method: 'PUT', headers: voteHeaders });
					expect(given.status).toBe(200);
					expect(votesOf(await reader.send(path))).toBe(supported);
				}
			} finally {
				one.close();
				two.close();
			}
		});

		it('carries on when a process is killed: the other serves, and the first process starts it again', async () => {
			await supportSomething();
			const before = childProcesses(server.pid);
			const victim = before.find((c) => c.number === 2)!;
			expect(victim).toBeDefined();
			// scripts/start.mjs stops everything when a process dies within 10 s of its start (a configuration
			// error would only repeat): a kill this test means to be survived comes later than that.
			const age = Date.now() - startedAt;
			if (age < 11_000) await new Promise((resolve) => setTimeout(resolve, 11_000 - age));

			process.kill(victim.pid, 'SIGKILL');
			await until(
				async () => !childProcesses(server.pid).some((c) => c.pid === victim.pid),
				'the kill',
				5_000
			);
			// Meanwhile every request is answered, by the other process.
			for (let i = 0; i < 10; i++) {
				const health = await healthOnNewConnection(server.url);
				expect(health.status).toBe(200);
			}
			const page = await fetch(`${server.url}/geel`);
			expect(page.status).toBe(200);

			// Started again, as process 2, and answering.
			await until(
				async () => childProcesses(server.pid).some((c) => c.number === 2 && c.pid !== victim.pid),
				'process 2 started again',
				15_000
			);
			await until(
				async () => (await healthOnNewConnection(server.url)).process === 2,
				'an answer of the new process 2',
				60_000
			);
			expect(server.output()).toContain('Meedoen: proces 2 stopte (exit SIGKILL); het start opnieuw.');
			// Its sessions are in the database: the person still votes through it.
			const two = await connectionTo(server.url, 2);
			try {
				const answer = await two.send(`/api/v1/suggestions/${suggestionId}/vote`, {
					method: 'PUT',
					headers: { cookie: `meedoen_session=${token}`, origin: server.url, accept: 'application/json' }
				});
				expect(answer.status).toBe(200);
			} finally {
				two.close();
			}
		});

		it('stops every process on SIGTERM, with exit code 0', async () => {
			const children = childProcesses(server.pid);
			expect(children).toHaveLength(2);
			expect(await server.stop(20_000)).toBe(0);
			for (const child of children) expect(() => process.kill(child.pid, 0)).toThrow();
		});
	}
);
