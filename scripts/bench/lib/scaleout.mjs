// `npm run bench -- --only scaleout --database-url postgres://…`: the signed-in scenarios on one app process
// and on two, both behind HAProxy (Debian's /usr/sbin/haproxy) on 127.0.0.1: one frontend sends everything to
// node a, the other shares it between a and b (round robin), so both figures carry the balancer's hop. The
// nodes run on a fresh PostgreSQL database of the server given (demo content, DEV_IDP_PEOPLE people logged in
// through the app's own login); node a runs the development identity provider, node b sends people to it
// (MEEDOEN_PROCESS=2 with the same port and client secret, as `npm start` does with several processes).
// Prints req/s and p99 per scenario and the ratio, and writes .bench/scaleout.json. Nothing is asserted: on a
// machine with two cores shared with PostgreSQL and the load generator, two processes can only show how much
// of a second core the app gets.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startAppServer } from './app-server.mjs';
import { createBenchDatabase } from './database.mjs';
import { measureLoad } from './load.mjs';
import { freePorts } from './processes.mjs';
import { logInPeople, rotation } from './signed-in.mjs';

const PEOPLE = 200;

/** The signed-in scenarios that need no dataset step: what every installation with the demo has. */
const SCENARIOS = [
	{ name: 'signed in: municipality home', path: '/geel' },
	{ name: 'signed in: action list by theme', path: '/geel/acties?thema=vergroening-en-ontharding' },
	{ name: 'signed in: profile', path: '/profiel' }
];

function haproxyBinary() {
	return ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find(
		(file) => spawnSync(file, ['-v']).status === 0
	);
}

export async function runScaleoutBench({ root, benchDir, opts, log, onCleanup, trackServer }) {
	const haproxy = haproxyBinary();
	if (!haproxy) throw new Error('--only scaleout needs HAProxy (Debian: apt-get install haproxy)');
	if (!opts.databaseUrl)
		throw new Error('--only scaleout runs on PostgreSQL: give --database-url (several processes need it)');
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const database = await createBenchDatabase(
		opts.databaseUrl,
		`meedoen_bench_scaleout_${stamp.toLowerCase()}_${process.pid}`
	);
	onCleanup('drop the PostgreSQL database', () => database.drop());
	const [onePort, twoPort, idpPort] = await freePorts(3);
	const one = `http://127.0.0.1:${onePort}`;
	const two = `http://127.0.0.1:${twoPort}`;
	const env = {
		DATABASE_URL: database.url,
		DEMO: '1',
		DEV_IDP: '1',
		DEV_IDP_PORT: String(idpPort),
		DEV_IDP_CLIENT_SECRET: randomBytes(18).toString('base64url'),
		DEV_IDP_PEOPLE: String(PEOPLE),
		// Both frontends are the platform's address; the login's redirects go through the first.
		ORIGIN: one
	};
	const nodes = [];
	for (const number of [1, 2]) {
		const dataDir = path.join(benchDir, `data-scaleout-${stamp}-${process.pid}-${number}`);
		mkdirSync(dataDir, { recursive: true });
		onCleanup(`remove data folder ${number}`, () =>
			rm(dataDir, { recursive: true, force: true, maxRetries: 3 })
		);
		// One after the other: the first sets up the database and the demo, the second finds them.
		nodes.push(
			await startAppServer({
				root,
				dataDir,
				env: { ...env, MEEDOEN_PROCESS: String(number) },
				onSpawn: (server) => trackServer(`app ${number}`, server)
			})
		);
	}
	const [a, b] = nodes;
	const folder = path.join(benchDir, `haproxy-${stamp}-${process.pid}`);
	mkdirSync(folder, { recursive: true });
	onCleanup('remove the HAProxy folder', () => rm(folder, { recursive: true, force: true }));
	const config = path.join(folder, 'haproxy.cfg');
	const server = (name, node) => `  server ${name} ${new URL(node.baseUrl).host} check`;
	writeFileSync(
		config,
		[
			'global',
			'  maxconn 4000',
			'defaults',
			'  mode http',
			'  timeout connect 2s',
			'  timeout client 30s',
			'  timeout server 30s',
			'  timeout check 5s',
			'  option http-keep-alive',
			'frontend one',
			`  bind 127.0.0.1:${onePort}`,
			'  default_backend one',
			'frontend two',
			`  bind 127.0.0.1:${twoPort}`,
			'  default_backend two',
			'backend one',
			'  option httpchk GET /healthz',
			server('a', a),
			'backend two',
			'  balance roundrobin',
			'  option httpchk GET /healthz',
			server('a', a),
			server('b', b),
			''
		].join('\n')
	);
	const balancer = spawn(haproxy, ['-f', config, '-db'], { stdio: 'ignore' });
	onCleanup('stop HAProxy', async () => {
		balancer.kill('SIGTERM');
	});
	for (let i = 0; i < 100; i++) {
		const ok = await Promise.all(
			[one, two].map((u) =>
				fetch(`${u}/healthz`).then(
					(r) => r.ok,
					() => false
				)
			)
		);
		if (ok.every(Boolean)) break;
		await new Promise((r) => setTimeout(r, 200));
	}
	await new Promise((r) => setTimeout(r, 1_000));

	log(
		`scaleout: nodes on ${a.baseUrl} and ${b.baseUrl}, HAProxy on ${one} (a) and ${two} (a and b); logging in ${PEOPLE} people…`
	);
	const pool = await logInPeople({ baseUrl: one, people: PEOPLE, moderatorSessions: 0, concurrency: 10 });
	log(`scaleout: ${pool.citizens.length} people logged in in ${(pool.totalMs / 1000).toFixed(1)} s`);

	const results = [];
	for (const scenario of SCENARIOS) {
		const figures = {};
		for (const [label, base] of [
			['one process', one],
			['two processes', two]
		]) {
			const check = rotation(scenario, pool.citizens);
			const load = await measureLoad({
				url: new URL(scenario.path, base).href,
				connections: opts.connections,
				duration: opts.duration,
				warmup: opts.warmup,
				request: check.request
			});
			if (check.stats.wrong > 0)
				throw new Error(
					`${scenario.name} (${label}): ${check.stats.wrong} wrong answers, first: ${check.stats.firstWrong}`
				);
			figures[label] = {
				reqPerSec: load.reqPerSec,
				p99Ms: load.latencyMs.p99,
				failedShare: load.failedShare
			};
		}
		results.push({ scenario: scenario.name, path: scenario.path, ...figures });
	}

	console.log(
		`\nSigned-in pages, one app process vs two behind HAProxy (PostgreSQL, ${os.cpus().length} cores, load average at the end ${os.loadavg()[0].toFixed(1)}):`
	);
	console.log('| scenario | one process | two processes | two / one |');
	console.log('|---|---|---|---|');
	for (const r of results) {
		const o = r['one process'];
		const t = r['two processes'];
		console.log(
			`| ${r.scenario} | ${o.reqPerSec.toFixed(1)} req/s, p99 ${o.p99Ms} ms | ${t.reqPerSec.toFixed(1)} req/s, p99 ${t.p99Ms} ms | ${(t.reqPerSec / o.reqPerSec).toFixed(2)} |`
		);
	}
	const file = path.join(benchDir, 'scaleout.json');
	rmSync(file, { force: true });
	writeFileSync(
		file,
		JSON.stringify(
			{
				at: new Date().toISOString(),
				cores: os.cpus().length,
				connections: opts.connections,
				duration: opts.duration,
				results
			},
			null,
			'\t'
		)
	);
	log(`scaleout: figures written to ${path.relative(root, file)}`);
}
