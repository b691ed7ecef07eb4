// The climate plan bench (issue 20), `npm run bench -- --only climate-plan`: Geel's plan with PLAN.count actions
// (besides the demo's twenty; written with the app stopped, with departments, themes and updates), then the
// board's table (and the board by status, the timeline and the priority view) as Geel's sustainability officer opens it (signed in through the app's own login, so past the
// page cache), filtered as people filter it, one request at a time: p99 held against ≤ 50 ms on PostgreSQL and
// printed on the embedded database. Always on PGlite; with --database-url also on PostgreSQL, both printed.
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

export const PLAN = { count: 2_000, targets: { p99Ms: 50 } };

/** The board's table as people filter it: a status and priority, late ones, a department with a word, a page. */
const READS = [
	['status and priority', '/geel/beheer/klimaatplan?status=ongoing&prioriteit=high'],
	['late, by planned end', '/geel/beheer/klimaatplan?laat=ja&sorteer=end'],
	['no update for 60 days', '/geel/beheer/klimaatplan?stil=ja'],
	['a word', '/geel/beheer/klimaatplan?zoek=fiets'],
	['page 40, by last update', '/geel/beheer/klimaatplan?sorteer=updated&richting=desc&pagina=40'],
	// The other views over the same 2,000 actions: the board by status (per status its count and 25 cards), the
	// timeline (a page of 50 bars) and the priority view (every action as a point, a page of the ranking).
	['board by status', '/geel/beheer/klimaatplan/bord'],
	['timeline, late ones', '/geel/beheer/klimaatplan/tijdlijn?laat=ja'],
	['timeline, page 10', '/geel/beheer/klimaatplan/tijdlijn?pagina=10'],
	['priority view, high priority', '/geel/beheer/klimaatplan/prioriteiten?prioriteit=high']
];

/** PLAN.count actions of Geel over its demo departments and themes, a third with an update (app stopped). */
async function writePlan(dataDir) {
	const db = await openBenchDatabase(dataDir);
	try {
		const [geel] = (await db.query(`SELECT id FROM municipalities WHERE slug = 'geel'`)).rows;
		if (!geel) throw new Error('no municipality geel: the demo content is missing');
		await db.query(
			`INSERT INTO climate_plan_actions (municipality_id, code, title, description, theme_id, sector,
				lead_department_id, priority, status, planned_start, planned_end, budget_cents, spent_cents, co2_planned,
				last_update_at, created_at)
			SELECT $1::uuid, 'B-' || i, (ARRAY['Fietsstraat', 'Zonnepanelen', 'Isolatie', 'Bomen', 'Laadpalen'])[i % 5 + 1] || ' ' || i,
				'Een actie van de benchmark.',
				(SELECT id FROM climate_plan_themes WHERE municipality_id = $1::uuid ORDER BY id OFFSET (i % 5) LIMIT 1),
				(ARRAY['transport', 'municipal_buildings', 'residential_buildings', 'local_electricity', 'adaptation'])[i % 5 + 1],
				(SELECT id FROM climate_plan_departments WHERE municipality_id = $1::uuid ORDER BY id OFFSET (i % 10) LIMIT 1),
				(ARRAY['high', 'medium', 'low'])[i % 3 + 1],
				(ARRAY['not_started', 'ongoing', 'ongoing', 'completed', 'postponed', 'stopped'])[i % 6 + 1],
				current_date - (i % 700), current_date - (i % 700) + 400, (i % 50) * 100000, (i % 50) * 40000, i % 90,
				CASE WHEN i % 3 = 0 THEN now() - (i % 120) * interval '1 day' END, now() - interval '200 days'
			FROM generate_series(1, $2::int) AS i`,
			[geel.id, PLAN.count]
		);
		for (const t of ['climate_plan_actions', 'climate_plan_action_departments'])
			await db.query(`ANALYZE ${t}`);
	} finally {
		await db.close();
	}
}

async function measureOn({ root, benchDir, opts, log, onCleanup, trackServer, databaseUrl }) {
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const name = databaseUrl ? 'postgres' : 'pglite';
	const dataDir = path.join(benchDir, `data-plan-${name}-${stamp}-${process.pid}`);
	mkdirSync(dataDir, { recursive: true });
	onCleanup('remove data folder', () => rm(dataDir, { recursive: true, force: true, maxRetries: 3 }));
	let env = {};
	delete process.env.BENCH_DATABASE_URL;
	if (databaseUrl) {
		const database = await createBenchDatabase(
			databaseUrl,
			`meedoen_bench_plan_${stamp.toLowerCase()}_${process.pid}`
		);
		onCleanup('drop the PostgreSQL database', () => database.drop());
		process.env.BENCH_DATABASE_URL = database.url;
		env = { DATABASE_URL: database.url, DEMO: '1' };
	}
	const start = () => startAppServer({ root, dataDir, env, onSpawn: (server) => trackServer('app', server) });
	log(`climate plan (${name}): one boot for the migrations and the demo content…`);
	await (await start()).stop();
	await writePlan(dataDir);
	log(`climate plan (${name}): ${fmt.int(PLAN.count)} plan actions of Geel written`);
	const app = await start();
	try {
		const pool = await logInPeople({
			baseUrl: app.baseUrl,
			people: 0,
			moderator: { sub: 'dev-moderator-geel', name: 'Bart Claes' },
			moderatorSessions: 1,
			concurrency: 1
		});
		const headers = { cookie: `meedoen_session=${pool.moderators[0].token}` };
		const reads = [];
		for (const [what, readPath] of READS) {
			log(`climate plan (${name}): ${what} (GET ${readPath}), one request at a time…`);
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

/** The whole climate plan bench; resolves with the exit code. */
export async function runClimatePlanBench({ root, benchDir, opts, log, onCleanup, trackServer }) {
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
		target: `≤ ${PLAN.targets.p99Ms} ms`,
		pass: r.database !== 'postgres' || r.latencyMs.p99 <= PLAN.targets.p99Ms
	}));
	const invalid = reads
		.filter((r) => r.failedShare > 0.01)
		.map(
			(r) => `${r.database} ${r.path}: ${fmt.pct(r.failedShare)} not 2xx ${JSON.stringify(r.statusCodes)}`
		);
	console.log('');
	console.log(
		`Climate plan (issue 20): ${fmt.int(PLAN.count)} plan actions of Geel besides the demo's; the board's table ` +
			`signed in as Geel's sustainability officer; ${os.cpus().length} cores, load average ${loadAtStart.toFixed(2)} at the start`
	);
	console.log(
		table(
			['database', 'filtered table', 'req/s', 'p50', 'p99', 'requests', 'non-2xx', 'errors'],
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
		plan: PLAN,
		reads,
		checks,
		invalid,
		pass: invalid.length === 0 && checks.every((c) => c.pass)
	};
	const traced = path.join(root, 'docs', 'bench', 'climate-plan.json');
	mkdirSync(path.dirname(traced), { recursive: true });
	writeFileSync(traced, JSON.stringify(results, null, '\t') + '\n');
	console.log('');
	console.log(`Results written to ${path.relative(root, traced)}.`);
	if (invalid.length > 0) return 1;
	if (opts.fail && checks.some((c) => !c.pass)) return 1;
	return 0;
}
