// The impact bench (issue 21), `npm run bench -- --only impact`: the region's dashboard (/beheer/impact) as the
// regional admin opens it (signed in through the app's own login, so past the page cache), with the bench
// dataset's 29 municipalities × 300 actions and their opportunities (datasets/actions-offline.mjs), 100 people per
// municipality with a home municipality, a third in the pool, and a year of daily snapshots of every indicator
// (written with the app stopped). Every figure is computed at each request (uncached). p99 held against ≤ 100 ms on
// PostgreSQL and printed on the embedded database. Always on PGlite; with --database-url also on PostgreSQL.
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startAppServer } from './app-server.mjs';
import { createBenchDatabase, openBenchDatabase } from './database.mjs';
import { measureLoad } from './load.mjs';
import { fmt, table } from './report.mjs';
import { gitCommit, redactUrl } from './run-support.mjs';
import { logInPeople } from './signed-in.mjs';
import { generateActions } from '../datasets/actions-offline.mjs';

export const IMPACT = { peoplePerMunicipality: 100, snapshotDays: 365, targets: { p99Ms: 100 } };

const READS = [
	['the region dashboard', '/beheer/impact'],
	['sorted by the pool, descending', '/beheer/impact?sorteer=accounts.climateMakers&richting=desc']
];

/** People with a home municipality (a third in the pool, channels varied) and a year of snapshots (app stopped). */
export async function writeImpactData(dataDir) {
	const db = await openBenchDatabase(dataDir);
	try {
		await db.query(
			`INSERT INTO users (display_name, email, email_verified_at, home_municipality_id, wants_to_help, first_channel)
			SELECT 'Impact ' || m.slug || ' ' || i, 'impact.' || m.slug || '.' || i || '@example.be', now(), m.id,
				i % 3 = 0, (ARRAY['facebook', 'magazine', 'website', 'whatsapp', 'poster', 'mail'])[i % 6 + 1]
			FROM municipalities m, generate_series(1, $1::int) AS i`,
			[IMPACT.peoplePerMunicipality]
		);
		const keys = [
			'opportunities.rungs',
			'impact.climateActions',
			'accounts.climateMakers',
			'accounts.registeredUsers',
			'accounts.channels',
			'impact.externalStrategy',
			'impact.testing',
			'impact.strategies',
			'playbook.using',
			'impact.playbookAvailable',
			'playbook.extraThemes'
		];
		// The snapshots of the year before today (today's is the app's own job).
		await db.query(
			`INSERT INTO impact_snapshots (region_id, scope_key, indicator_key, day, value, source, computed_at)
			SELECT r.id, s.scope, k, current_date - d, (d % 50)::float8, 'computed', now() - d * interval '1 day'
			FROM regions r
			CROSS JOIN LATERAL (SELECT 'region' AS scope UNION ALL SELECT m.id::text FROM municipalities m WHERE m.region_id = r.id) s
			CROSS JOIN unnest($1::text[]) AS k
			CROSS JOIN generate_series(1, $2::int) AS d`,
			[keys, IMPACT.snapshotDays]
		);
		// VACUUM too: the actions step updates every action it writes, and without it each count of actions read
		// ~60,000 dead row versions (a running database's autovacuum clears them; EXPLAIN ANALYZE showed it).
		for (const t of ['users', 'impact_snapshots', 'actions', 'opportunities'])
			await db.query(`VACUUM ANALYZE ${t}`);
	} finally {
		await db.close();
	}
}

async function measureOn({ root, benchDir, opts, log, onCleanup, trackServer, databaseUrl }) {
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const name = databaseUrl ? 'postgres' : 'pglite';
	const dataDir = path.join(benchDir, `data-impact-${name}-${stamp}-${process.pid}`);
	mkdirSync(dataDir, { recursive: true });
	onCleanup('remove data folder', () => rm(dataDir, { recursive: true, force: true, maxRetries: 3 }));
	let env = {};
	delete process.env.BENCH_DATABASE_URL;
	if (databaseUrl) {
		const database = await createBenchDatabase(
			databaseUrl,
			`meedoen_bench_impact_${stamp.toLowerCase()}_${process.pid}`
		);
		onCleanup('drop the PostgreSQL database', () => database.drop());
		process.env.BENCH_DATABASE_URL = database.url;
		env = { DATABASE_URL: database.url, DEMO: '1' };
	}
	const start = () => startAppServer({ root, dataDir, env, onSpawn: (server) => trackServer('app', server) });
	log(`impact (${name}): one boot for the migrations and the demo content…`);
	await (await start()).stop();
	await generateActions(dataDir);
	await writeImpactData(dataDir);
	log(`impact (${name}): actions, people and ${IMPACT.snapshotDays} days of snapshots written`);
	const app = await start();
	try {
		const pool = await logInPeople({
			baseUrl: app.baseUrl,
			people: 0,
			moderator: { sub: 'dev-regional-admin-kempen', name: 'Els Van den Broeck' },
			moderatorSessions: 1,
			concurrency: 1
		});
		const headers = { cookie: `meedoen_session=${pool.moderators[0].token}` };
		const reads = [];
		for (const [what, readPath] of READS) {
			log(`impact (${name}): ${what} (GET ${readPath}), one request at a time…`);
			const result = await measureLoad({
				url: app.baseUrl + readPath,
				headers,
				connections: 1,
				duration: opts.duration,
				warmup: opts.warmup
			});
			reads.push({ database: name, what, path: readPath, ...result });
		}
		return reads;
	} finally {
		await app.stop();
	}
}

/** The whole impact bench; resolves with the exit code. */
export async function runImpactBench({ root, benchDir, opts, log, onCleanup, trackServer }) {
	const loadAtStart = os.loadavg()[0];
	const reads = await measureOn({ root, benchDir, opts, log, onCleanup, trackServer, databaseUrl: null });
	if (opts.databaseUrl)
		reads.push(
			...(await measureOn({
				root,
				benchDir,
				opts,
				log,
				onCleanup,
				trackServer,
				databaseUrl: opts.databaseUrl
			}))
		);
	const checks = reads.map((r) => ({
		what: `${r.database}: ${r.what} p99${r.database === 'postgres' ? '' : ' (target on PostgreSQL only)'}`,
		measured: fmt.ms(r.latencyMs.p99),
		target: `≤ ${IMPACT.targets.p99Ms} ms`,
		pass: r.database !== 'postgres' || r.latencyMs.p99 <= IMPACT.targets.p99Ms
	}));
	const invalid = reads
		.filter((r) => r.failedShare > 0.01)
		.map(
			(r) => `${r.database} ${r.path}: ${fmt.pct(r.failedShare)} not 2xx ${JSON.stringify(r.statusCodes)}`
		);
	console.log('');
	console.log(
		`Impact (issue 21): the region dashboard of the 29 municipalities, signed in as the regional admin, every ` +
			`figure computed per request; ${os.cpus().length} cores, load average ${loadAtStart.toFixed(2)} at the start`
	);
	console.log(
		table(
			['database', 'page', 'req/s', 'p50', 'p99', 'requests', 'non-2xx', 'errors'],
			reads.map((r) => [
				r.database,
				`${r.what} GET ${r.path}`,
				fmt.num(r.reqPerSec),
				fmt.ms(r.latencyMs.p50),
				fmt.ms(r.latencyMs.p99),
				fmt.int(r.requests),
				r.non2xx,
				r.errors
			]),
			{ align: [null, null, 'right', 'right', 'right', 'right', 'right', 'right'] }
		)
	);
	console.log(
		table(
			['target', 'measured', 'target', 'result'],
			checks.map((c) => [c.what, c.measured, c.target, c.pass ? 'PASS' : 'FAIL']),
			{ align: [null, 'right', 'right'] }
		)
	);
	for (const line of invalid) console.log(`INVALID: ${line}`);
	const args = process.argv.slice(2).map((a) => (a.startsWith('postgres') ? redactUrl(a) : a));
	const results = {
		when: new Date().toISOString(),
		commit: gitCommit(),
		command: `npm run bench -- ${args.join(' ')}`,
		machine: {
			cores: os.cpus().length,
			cpu: os.cpus()[0]?.model ?? null,
			node: process.version,
			loadAverageAtStart: loadAtStart,
			loadAverageAtEnd: os.loadavg()[0]
		},
		impact: IMPACT,
		reads,
		checks,
		invalid,
		pass: invalid.length === 0 && checks.every((c) => c.pass)
	};
	const traced = path.join(root, 'docs', 'bench', 'impact.json');
	mkdirSync(path.dirname(traced), { recursive: true });
	writeFileSync(traced, JSON.stringify(results, null, '\t') + '\n');
	console.log('');
	console.log(`Results written to ${path.relative(root, traced)}.`);
	if (invalid.length > 0) return 1;
	if (opts.fail && checks.some((c) => !c.pass)) return 1;
	return 0;
}
