// `npm run bench`: builds when needed, starts the app on a fresh embedded database filled by the dataset
// steps, measures the scenarios of scenarios.mjs against it and against a bare node:http ceiling serving
// the same bytes (a scenario it cannot measure — route missing, wrong answer — fails the run),
// measures the signed-in scenarios (1,000 people logged in through the app's own login, lib/signed-in.mjs)
// against the ceiling and an uncached visitor, with where their time goes (Server-Timing),
// weighs the JavaScript of a citizen page, has 1,000 distinct people cast votes at once (lib/votes.mjs) and
// checks every vote count in the database afterwards, then soaks the app for a few minutes with a realistic
// mix (lib/soak.mjs: errors 0, memory levelling off, database consistent), times the parsing of hostile input (micro.ts), prints
// the figures against the targets and writes them to .bench/results.json and docs/bench/latest-<database>.json
// (committed, with the machine and the command, so README figures can be traced). Only 127.0.0.1 is ever contacted (and the PostgreSQL server of
// --database-url); every server it starts is stopped and the data folder (and database) removed at the
// end, also on error or Ctrl-C.
//
//   npm run bench [-- --build] [--duration 10] [--connections 50] [--warmup 2] [--no-fail]
//                 [--no-soak] [--soak-minutes 3] [--database-url postgres://user@host:5432/postgres]
//                 [--only events|mail|lighthouse|scaleout|climate-plan|impact] [--mail-count 100000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { DATASETS, needsOfflineStep, runOfflineSteps, runOnlineSteps } from './datasets/index.mjs';
import { startAppServer } from './lib/app-server.mjs';
import { createBenchDatabase } from './lib/database.mjs';
import { fetchPayload, startCeilingServer } from './lib/ceiling.mjs';
import { loadRoutes } from './lib/routes.mjs';
import { measureLoad, stopLoad } from './lib/load.mjs';
import { measurePageJs } from './lib/page-js.mjs';
import { fmt, table } from './lib/report.mjs';
import { buildApp, cleanupOnExit, gitCommit, redactUrl } from './lib/run-support.mjs';
import { checkVoteCounts, measureVotes } from './lib/votes.mjs';
import { printSoak, runSoak } from './lib/soak.mjs';
import { runEventsBench } from './lib/events.mjs';
import { runClimatePlanBench } from './lib/climate-plan.mjs';
import { runImpactBench } from './lib/impact.mjs';
import { runScaleoutBench } from './lib/scaleout.mjs';
import { runMailBench } from './lib/mail.mjs';
import { LIGHTHOUSE, runLighthouseBench } from './lib/lighthouse.mjs';
import { runSuggestionsChild } from './datasets/suggestions.mjs';
import {
	LOAD_SCENARIOS,
	PAGE_WEIGHT_SCENARIOS,
	SIGNED_IN,
	SIGNED_IN_SCENARIOS,
	TARGETS,
	VOTE_LOAD
} from './scenarios.mjs';
import {
	UNCACHED_ANONYMOUS,
	checkUncachedAnonymous,
	logInPeople,
	quietTiming,
	rotation,
	signedInPayload,
	supportOnFirstPage,
	timingMeans
} from './lib/signed-in.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const benchDir = path.join(root, '.bench');
const resultsFile = path.join(benchDir, 'results.json');
/** Non-2xx answers and connection errors above this share make the measurement worthless: exit 1. */
const MAX_FAILED_SHARE = 0.01;

const USAGE = `npm run bench [-- options]

  --build            rebuild the app first (otherwise only when build/index.js is missing)
  --duration N       seconds of load per measurement (default 10)
  --connections N    concurrent connections (default 50)
  --warmup N         seconds of unmeasured load before each measurement (default 2, 0 for none)
  --no-fail          report only: exit 0 even when a target is missed
  --no-soak          leave out the soak (the realistic mix at a fixed rate, last phase)
  --soak-minutes N   how long the soak runs (default 3; \`npm run soak\` runs the long one)
  --database-url U   run the app on PostgreSQL instead of the embedded database: a fresh database is
                     created on the server of U (a superuser connection) for the run and dropped after
  --only events      only the events bench (lib/events.mjs: the registration race, the event list and
                     the .ics feed with 2,000 events, past the page cache), on its own fresh data
  --only mail        only the mail bench (lib/mail.mjs: a newsletter to 100,000 people written and sent in
                     the back office of the built app to a local SMTP sink: time to queue, mails per second,
                     exactly one each, the citizen pages' p99 idle and while it sends, and the fan-out of a
                     status change to 10,000 supporters); --duration and --warmup apply to its page loads
  --only scaleout    only the scale-out bench (lib/scaleout.mjs, needs --database-url and HAProxy): the
                     signed-in pages on one app process and on two behind HAProxy, req/s side by side
  --only climate-plan  only the climate plan bench (lib/climate-plan.mjs: the board's filtered table with
                     2,000 plan actions, signed in, one request at a time; on PGlite, and also on PostgreSQL
                     with --database-url; p99 ≤ 50 ms on PostgreSQL)
  --only impact      only the impact bench (lib/impact.mjs: the region's impact dashboard of the 29
                     municipalities with the bench's actions, people and a year of snapshots, signed in as the
                     regional admin, one request at a time; PGlite, and PostgreSQL with --database-url; p99 ≤ 100 ms
                     on PostgreSQL)
  --mail-count N     people the mail bench's newsletter goes to (default 100000)
  --only lighthouse  only Lighthouse (lib/lighthouse.mjs: its default mobile settings on five citizen page
                     types of the demo content: scores, total blocking time, LCP, main-thread work, JS bytes;
                     the median of --runs runs per page; performance ≥ 95 and the other categories 100)
  --runs N           Lighthouse runs per page (default ${LIGHTHOUSE.runs})
  --cpu-slowdown N   Lighthouse's CPU slowdown (default 4, its own; its documentation calibrates 4 for a benchmark
                     index of 1,500–2,000 and asks for more on a faster host)
  -h, --help         this text`;

function options() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				build: { type: 'boolean', default: false },
				duration: { type: 'string', default: '10' },
				connections: { type: 'string', default: '50' },
				warmup: { type: 'string', default: '2' },
				'no-fail': { type: 'boolean', default: false },
				'no-soak': { type: 'boolean', default: false },
				'soak-minutes': { type: 'string', default: '3' },
				'database-url': { type: 'string' },
				only: { type: 'string' },
				'mail-count': { type: 'string', default: '100000' },
				runs: { type: 'string', default: String(LIGHTHOUSE.runs) },
				'cpu-slowdown': { type: 'string', default: '4' },
				help: { type: 'boolean', short: 'h', default: false }
			}
		}));
	} catch (error) {
		console.error(`${error.message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	if (
		values.only !== undefined &&
		!['events', 'mail', 'lighthouse', 'scaleout', 'climate-plan', 'impact'].includes(values.only)
	) {
		console.error(
			`--only takes: events, mail, lighthouse, scaleout, climate-plan or impact, not "${values.only}"\n\n${USAGE}`
		);
		process.exit(2);
	}
	const integer = (name, min, max) => {
		const n = Number(values[name]);
		if (!/^\d+$/.test(values[name]) || n < min || n > max) {
			console.error(`--${name} must be a whole number from ${min} to ${max}, not "${values[name]}"`);
			process.exit(2);
		}
		return n;
	};
	return {
		build: values.build,
		duration: integer('duration', 1, 120),
		connections: integer('connections', 1, 1000),
		warmup: integer('warmup', 0, 30),
		fail: !values['no-fail'],
		soakMinutes: values['no-soak'] ? 0 : integer('soak-minutes', 1, 120),
		databaseUrl: values['database-url'] ?? null,
		only: values.only ?? null,
		mailCount: integer('mail-count', 1, 1_000_000),
		runs: integer('runs', 1, 25),
		cpuSlowdown: integer('cpu-slowdown', 1, 20)
	};
}

const log = (message) => console.log(`[bench] ${message}`);

// Everything that must be undone, newest first (lib/run-support.mjs): once, on success, error or a signal.
const exit = cleanupOnExit('bench', { before: stopLoad });
const cleanup = () => exit.cleanup();
const onCleanup = (name, run, sync) => exit.add(name, run, sync);
const trackServer = (name, server) => exit.trackServer(name, server);

const build = (force) => buildApp(root, force, log);

/** scripts/bench/micro.ts in vite-node (the app's own modules, no server): [{ name, ms, targetMs }]. */
function measureMicro() {
	const result = spawnSync(
		process.execPath,
		[
			path.join(root, 'node_modules', 'vite-node', 'vite-node.mjs'),
			'--config',
			'vite.scripts.config.ts',
			'scripts/bench/micro.ts'
		],
		{ encoding: 'utf8', timeout: 5 * 60_000 }
	);
	const line = result.stdout?.trim().split('\n').at(-1) ?? '';
	if (result.status !== 0 || !line.startsWith('['))
		throw new Error(`scripts/bench/micro.ts failed (exit ${result.status}): ${result.stderr?.slice(-500)}`);
	return JSON.parse(line);
}

async function main() {
	const opts = options();
	const runStarted = performance.now();
	// Other work on the machine takes cores from the servers and from autocannon: say so with the figures.
	const loadAtStart = os.loadavg()[0];
	if (loadAtStart > 0.5 * os.cpus().length)
		log(
			`the machine is busy (load average ${loadAtStart.toFixed(2)} on ${os.cpus().length} cores): figures will be low`
		);
	if (opts.only === 'mail') {
		const buildMs = build(opts.build);
		setTimeout(async () => {
			console.error('\n[bench] the mail bench still runs after 60 minutes: giving up');
			await cleanup();
			process.exit(1);
		}, 60 * 60_000).unref();
		mkdirSync(benchDir, { recursive: true });
		return runMailBench({ root, benchDir, opts, log, onCleanup, trackServer, buildMs });
	}
	if (opts.only === 'lighthouse') {
		if (opts.databaseUrl)
			log('--database-url is not used by the Lighthouse bench (demo content, embedded database)');
		const buildMs = build(opts.build);
		setTimeout(
			async () => {
				console.error('\n[bench] the Lighthouse bench still runs after its time limit: giving up');
				await cleanup();
				process.exit(1);
			},
			(5 + opts.runs * 5 * 1.5) * 60_000
		).unref();
		mkdirSync(benchDir, { recursive: true });
		return runLighthouseBench({ root, benchDir, opts, log, onCleanup, trackServer, buildMs });
	}
	if (opts.only === 'scaleout') {
		build(opts.build);
		setTimeout(async () => {
			console.error('\n[bench] the scale-out bench still runs after 15 minutes: giving up');
			await cleanup();
			process.exit(1);
		}, 15 * 60_000).unref();
		mkdirSync(benchDir, { recursive: true });
		return runScaleoutBench({ root, benchDir, opts, log, onCleanup, trackServer });
	}
	if (opts.only === 'events') {
		const buildMs = build(opts.build);
		setTimeout(async () => {
			console.error('\n[bench] the events bench still runs after 15 minutes: giving up');
			await cleanup();
			process.exit(1);
		}, 15 * 60_000).unref();
		mkdirSync(benchDir, { recursive: true });
		return runEventsBench({ root, benchDir, opts, log, onCleanup, trackServer, buildMs });
	}
	if (opts.only === 'climate-plan') {
		build(opts.build);
		setTimeout(async () => {
			console.error('\n[bench] the climate plan bench still runs after 15 minutes: giving up');
			await cleanup();
			process.exit(1);
		}, 15 * 60_000).unref();
		mkdirSync(benchDir, { recursive: true });
		return runClimatePlanBench({ root, benchDir, opts, log, onCleanup, trackServer });
	}
	if (opts.only === 'impact') {
		build(opts.build);
		setTimeout(async () => {
			console.error('\n[bench] the impact bench still runs after 15 minutes: giving up');
			await cleanup();
			process.exit(1);
		}, 15 * 60_000).unref();
		mkdirSync(benchDir, { recursive: true });
		return runImpactBench({ root, benchDir, opts, log, onCleanup, trackServer });
	}
	rmSync(resultsFile, { force: true }); // a failed run must not leave an earlier run's figures behind
	const buildMs = build(opts.build);
	log('CPU cost of hostile input (scripts/bench/micro.ts)…');
	const micro = measureMicro();
	const routes = await loadRoutes(root);
	// Every step has its own time limit; this one catches anything that still hangs.
	// Plus the 1,000,000-vote dataset (about half a minute), the vote load and the count check afterwards.
	// Plus the soak: its minutes, and its start, drain and database check.
	// And the signed-in pool (15–100 logins a second, a minute or two on a busy machine) and its scenarios,
	// each measured three times (signed in, the ceiling, a visitor past the page cache).
	const budgetS =
		150 +
		240 +
		300 +
		LOAD_SCENARIOS.length * 2 * (opts.warmup + opts.duration + 10) +
		SIGNED_IN_SCENARIOS.length * 3 * (opts.warmup + opts.duration + 10) +
		(opts.soakMinutes > 0 ? opts.soakMinutes * 60 + 420 : 0);
	setTimeout(async () => {
		console.error(`\n[bench] still running after ${budgetS} s: giving up`);
		await cleanup();
		process.exit(1);
	}, budgetS * 1000).unref();

	// A fresh data folder for this run only.
	mkdirSync(benchDir, { recursive: true });
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const dataDir = path.join(benchDir, `data-${stamp}-${process.pid}`);
	mkdirSync(dataDir);

	// On PostgreSQL: a database of its own, which the app (DATABASE_URL, demo content asked for) and the
	// dataset steps' children (BENCH_DATABASE_URL) use instead of the embedded one.
	let appEnv = {};
	if (opts.databaseUrl) {
		const database = await createBenchDatabase(
			opts.databaseUrl,
			`meedoen_bench_${stamp.toLowerCase()}_${process.pid}`
		);
		onCleanup('drop the PostgreSQL database', () => database.drop());
		process.env.BENCH_DATABASE_URL = database.url;
		appEnv = { DATABASE_URL: database.url, DEMO: '1' };
		log(`database: PostgreSQL ${new URL(database.url).pathname.slice(1)} on ${new URL(database.url).host}`);
	}
	// The signed-in pool's people at the bundled identity provider, and each response's statements and
	// database time in its Server-Timing header (for every scenario alike).
	appEnv = { ...appEnv, DEV_IDP_PEOPLE: String(SIGNED_IN.people), SERVER_TIMING: '1' };
	onCleanup(
		'remove data folder',
		() => rm(dataDir, { recursive: true, force: true, maxRetries: 3 }),
		() => rmSync(dataDir, { recursive: true, force: true })
	);

	// Dataset steps that write to the database directly need one boot first (migrations, reference data).
	let offlineResults = {};
	if (needsOfflineStep()) {
		log('dataset: preparing the database (one boot for migrations and reference data)…');
		const priming = await startAppServer({
			root,
			dataDir,
			env: appEnv,
			onSpawn: (server) => trackServer('app', server)
		});
		await priming.stop();
		offlineResults = await runOfflineSteps({ root, dataDir, log });
	}

	log(`starting the app (node build/index.js, DATA_DIR=${path.relative(root, dataDir)})…`);
	const app = await startAppServer({
		root,
		dataDir,
		env: appEnv,
		onSpawn: (server) => trackServer('app', server)
	});
	log(`app ready on ${app.baseUrl} (pid ${app.pid}) after ${(app.startMs / 1000).toFixed(1)} s`);
	const memoryAtStart = app.memory();
	const datasets = await runOnlineSteps({ baseUrl: app.baseUrl, log, routes }, offlineResults);
	for (const [name, summary] of Object.entries(datasets)) log(`dataset ${name}: ${JSON.stringify(summary)}`);

	// Signed-in people, through the app's own login (before any load: logging in and voting are writes).
	log(
		`signed-in pool: logging in ${fmt.int(SIGNED_IN.people)} people and ${SIGNED_IN.moderatorSessions} moderator ` +
			`sessions through /aanmelden and the bundled identity provider, ${SIGNED_IN.concurrency} at a time…`
	);
	const pool = await logInPeople({ baseUrl: app.baseUrl, ...SIGNED_IN });
	log(
		`signed-in pool: ${fmt.int(pool.citizens.length)} people in ${fmt.num(pool.citizensMs / 1000)} s ` +
			`(${fmt.num(pool.citizens.length / (pool.citizensMs / 1000))} logins/s), all in ${fmt.num(pool.totalMs / 1000)} s`
	);
	const support = datasets.suggestions?.listPath
		? await supportOnFirstPage({
				baseUrl: app.baseUrl,
				listPath: datasets.suggestions.listPath,
				people: pool.citizens,
				concurrency: SIGNED_IN.concurrency
			})
		: { votes: 0, suggestions: 0 };
	log(`signed-in pool: each supports one of the ${support.suggestions} suggestions on the list's first page`);

	// A scenario's path may depend on the data (an action's id); its route must exist in the build.
	const active = [];
	const skipped = [];
	for (const scenario of LOAD_SCENARIOS) {
		const scenarioPath = typeof scenario.path === 'function' ? scenario.path({ datasets }) : scenario.path;
		const route = routes.find(new URL(scenarioPath, app.baseUrl).pathname);
		if (route) active.push({ ...scenario, path: scenarioPath, route });
		else {
			skipped.push({ name: scenario.name, path: scenarioPath, reason: 'route missing' });
			log(`${scenario.name} (GET ${scenarioPath}): skipped: route missing (not in this build)`);
		}
	}

	// The ceiling serves exactly what the app answered for each scenario, fetched once. A route that exists
	// but does not answer 200 with the right content type (being built) is skipped with what it answered.
	const payloads = [];
	for (const scenario of [...active]) {
		try {
			payloads.push(await fetchPayload(app.baseUrl, scenario));
		} catch (error) {
			active.splice(active.indexOf(scenario), 1);
			skipped.push({ name: scenario.name, path: scenario.path, reason: error.message });
			log(`${scenario.name} (GET ${scenario.path}): skipped: ${error.message}`);
		}
	}
	// Signed-in pages: the ceiling serves the first person's page under /signed-in{path}.
	const signedInActive = [];
	for (const scenario of SIGNED_IN_SCENARIOS) {
		const scenarioPath = typeof scenario.path === 'function' ? scenario.path({ datasets }) : scenario.path;
		const resolved = { ...scenario, path: scenarioPath, ceilingPath: `/signed-in${scenarioPath}` };
		try {
			if (!routes.find(new URL(scenarioPath, app.baseUrl).pathname))
				throw new Error('route missing (not in this build)');
			const people = pool[scenario.as];
			const payload = await signedInPayload(app.baseUrl, resolved, people[0]);
			if (scenario.anonymous) await checkUncachedAnonymous(app.baseUrl, scenarioPath);
			payloads.push({ path: resolved.ceilingPath, ...payload });
			signedInActive.push({ ...resolved, people, payloadBytes: payload.body.length });
		} catch (error) {
			skipped.push({ name: scenario.name, path: scenarioPath, reason: error.message });
			log(`${scenario.name} (GET ${scenarioPath}): skipped: ${error.message}`);
		}
	}
	const ceiling = await startCeilingServer(payloads, {
		onSpawn: (server) => trackServer('ceiling', server)
	});
	log(`ceiling ready on ${ceiling.baseUrl} (pid ${ceiling.pid})`);

	const load = { connections: opts.connections, duration: opts.duration, warmup: opts.warmup };
	const scenarios = [];
	for (const [i, scenario] of active.entries()) {
		const payload = payloads[i];
		log(
			`${scenario.name} (GET ${scenario.path}, ${fmt.int(payload.body.length)} bytes): ` +
				`${opts.connections} connections, ${opts.warmup} s warm-up + ${opts.duration} s, app then ceiling…`
		);
		const appResult = await measureLoad({ url: app.baseUrl + scenario.path, ...load });
		const ceilingResult = await measureLoad({ url: ceiling.baseUrl + scenario.path, ...load });
		scenarios.push({
			name: scenario.name,
			path: scenario.path,
			route: scenario.route,
			payloadBytes: payload.body.length,
			contentType: payload.contentType,
			targets: { p99Ms: TARGETS.p99Ms, ratio: TARGETS.ratio, ...scenario.targets },
			app: appResult,
			ceiling: ceilingResult,
			ratio: ceilingResult.reqPerSec > 0 ? appResult.reqPerSec / ceilingResult.reqPerSec : 0
		});
	}

	const signedIn = [];
	for (const [i, scenario] of signedInActive.entries()) {
		log(
			`${scenario.name} (GET ${scenario.path}, ${fmt.int(scenario.payloadBytes)} bytes, ` +
				`${fmt.int(scenario.people.length)} sessions in turn): app, ceiling${scenario.anonymous ? ', visitor without the page cache' : ''}…`
		);
		const turn = rotation(scenario, scenario.people);
		const appResult = await measureLoad({ url: app.baseUrl + scenario.path, ...load, request: turn.request });
		const ceilingResult = await measureLoad({
			url: ceiling.baseUrl + scenario.ceilingPath,
			...load,
			request: rotation(scenario, scenario.people).request
		});
		const anonymous = scenario.anonymous
			? await measureLoad({ url: app.baseUrl + scenario.path, ...load, headers: UNCACHED_ANONYMOUS })
			: null;
		const quiet = await quietTiming({
			baseUrl: app.baseUrl,
			scenario,
			people: scenario.people,
			count: SIGNED_IN.quietSamples,
			offset: i * SIGNED_IN.quietSamples
		});
		signedIn.push({
			name: scenario.name,
			path: scenario.path,
			as: scenario.as,
			sessions: scenario.people.length,
			payloadBytes: scenario.payloadBytes,
			targets: SIGNED_IN.targets,
			app: appResult,
			ceiling: ceilingResult,
			ratio: ceilingResult.reqPerSec > 0 ? appResult.reqPerSec / ceilingResult.reqPerSec : 0,
			anonymousUncached: anonymous,
			ofAnonymous: anonymous && anonymous.reqPerSec > 0 ? appResult.reqPerSec / anonymous.reqPerSec : null,
			answers: { checked: turn.stats.answers, wrong: turn.stats.wrong, firstWrong: turn.stats.firstWrong },
			underLoad: timingMeans(turn.stats),
			quiet
		});
	}

	const pages = [];
	for (const page of PAGE_WEIGHT_SCENARIOS) {
		log(`weighing the start-up JavaScript of ${page.path}…`);
		pages.push({
			name: page.name,
			targetKb: page.targetKb ?? TARGETS.jsKb,
			...(await measurePageJs({
				baseUrl: app.baseUrl,
				pagePath: page.path,
				clientDir: path.join(root, 'build', 'client')
			}))
		});
	}

	// The widgets' script other sites load (/widget.js): its bytes as served, and gzip -9.
	log('weighing the widgets’ script /widget.js…');
	const widgetScript = await (async () => {
		const response = await fetch(`${app.baseUrl}/widget.js`);
		if (!response.ok) return { path: '/widget.js', skipped: `answered ${response.status}` };
		const bytes = Buffer.from(await response.arrayBuffer());
		return { path: '/widget.js', bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
	})();

	// Votes last: they change the counts the read scenarios show.
	let votes = null;
	const voteData = datasets.suggestions;
	if (voteData?.tokensFile) {
		log(
			`vote load: ${fmt.int(voteData.sessions)} people casting votes with PUT /api/v1/suggestions/{id}/vote, ` +
				`${VOTE_LOAD.inFlight} in flight…`
		);
		votes = await measureVotes({
			baseUrl: app.baseUrl,
			tokensFile: voteData.tokensFile,
			inFlight: VOTE_LOAD.inFlight,
			twice: VOTE_LOAD.twice,
			warmup: voteData.warmupPeople ?? 0,
			routes
		});
		if (votes.skipped) log(`vote load (${votes.path}): skipped: ${votes.skipped} (not in this build)`);
	}

	const memory = app.memory();
	const appLog = app.output.counts;

	// The counts are read back from the database itself, so the app has to let go of it first.
	if (votes && !votes.skipped) {
		await app.stop();
		log('vote load: app stopped, checking every vote count in the database…');
		const db = await runSuggestionsChild([dataDir, 'verify', String(voteData.opportunityId)], {
			what: 'vote count check'
		});
		// The signed-in pool's own supports (one each) are in the opportunity too, not among the load's.
		votes.check = checkVoteCounts(votes, db, { startVotes: voteData.votes + support.votes });
		votes.database = { votes: db.votes, voteCountSum: db.voteCountSum, loadVotes: db.loadVotes };
	}
	if (app.child.exitCode === null && app.child.signalCode === null) await app.stop();

	// Last: the soak, on the same data (with the vote load's votes), in an app of its own with jobs and mail.
	let soak = null;
	if (opts.soakMinutes > 0) {
		log(
			`soak: ${opts.soakMinutes} min of the realistic mix at a fixed rate (pass --no-soak to leave it out)…`
		);
		soak = await runSoak({
			root,
			dataDir,
			appEnv,
			minutes: opts.soakMinutes,
			sampleSeconds: 10,
			log,
			onSpawn: (server) => trackServer('soak app', server),
			onCleanup
		});
	}

	// ---- report ----
	const checks = [];
	for (const s of scenarios) {
		checks.push({
			what: `${s.path} p99 latency`,
			measured: fmt.ms(s.app.latencyMs.p99),
			target: `≤ ${s.targets.p99Ms} ms`,
			pass: s.app.latencyMs.p99 <= s.targets.p99Ms
		});
		checks.push({
			what: `${s.path} app/ceiling req/s`,
			measured: fmt.num(s.ratio, 3),
			target: `≥ ${s.targets.ratio}`,
			pass: s.ratio >= s.targets.ratio
		});
	}
	for (const s of signedIn) {
		const t = s.targets;
		checks.push({
			what: `${s.name}: p99`,
			measured: fmt.ms(s.app.latencyMs.p99),
			target: `≤ ${t.p99Ms} ms`,
			pass: s.app.latencyMs.p99 <= t.p99Ms
		});
		checks.push({
			what: `${s.name}: req/s`,
			measured: fmt.num(s.app.reqPerSec),
			target: `≥ ${fmt.int(t.reqPerSec)}`,
			pass: s.app.reqPerSec >= t.reqPerSec
		});
		checks.push({
			what: `${s.name}: app/ceiling`,
			measured: fmt.num(s.ratio, 3),
			target: `≥ ${t.ratio}`,
			pass: s.ratio >= t.ratio
		});
		if (s.ofAnonymous !== null)
			checks.push({
				what: `${s.name}: of a visitor's uncached req/s`,
				measured: fmt.num(s.ofAnonymous, 2),
				target: `≥ ${t.ofAnonymous}`,
				pass: s.ofAnonymous >= t.ofAnonymous
			});
	}
	for (const m of micro)
		checks.push({
			what: m.name,
			measured: m.ms < 10 ? `${m.ms.toPrecision(2)} ms` : fmt.ms(m.ms),
			target: `≤ ${m.targetMs} ms`,
			pass: m.ms <= m.targetMs
		});
	if (widgetScript.bytes !== undefined)
		checks.push({
			what: 'widgets’ script /widget.js (gzip -9)',
			measured: `${fmt.int(widgetScript.gzipBytes)} bytes`,
			target: `≤ ${fmt.int(TARGETS.widgetScriptBytes)} bytes`,
			pass: widgetScript.gzipBytes <= TARGETS.widgetScriptBytes
		});
	for (const p of pages) {
		checks.push({
			what: `${p.page} JavaScript (gzip -9)`,
			measured: fmt.kb(p.gzipBytes),
			target: `≤ ${p.targetKb} KB`,
			pass: p.gzipBytes / 1024 <= p.targetKb
		});
	}
	if (soak) {
		checks.push({
			what: `soak (${soak.minutes} min): errors`,
			measured: String(soak.errors),
			target: '0',
			pass: soak.errors === 0
		});
		checks.push({
			what: `soak: memory levels off${soak.memory.levelsOff.judged ? '' : ' (not judged: too short)'}`,
			measured: `${soak.memory.levelsOff.slopeMbPerMin?.toFixed(2)} MB/min, ${((soak.memory.levelsOff.thirdGrowth ?? 0) * 100).toFixed(1)} %`,
			target: `≤ ${soak.memory.levelsOff.maxSlopeMbPerMin} MB/min, ≤ ${((soak.memory.levelsOff.maxThirdGrowth ?? 0) * 100).toFixed(0)} %`,
			pass: soak.memory.levelsOff.pass || !soak.memory.levelsOff.judged
		});
		checks.push({
			what: 'soak: database consistent',
			measured: soak.consistency.exact ? 'exact' : soak.consistency.problems[0],
			target: 'votes, comments, suggestions as confirmed',
			pass: soak.consistency.exact
		});
	}
	if (votes && !votes.skipped) {
		checks.push({
			what: 'votes/s (distinct people, PUT …/vote)',
			measured: fmt.int(votes.votesPerSec),
			target: `≥ ${fmt.int(VOTE_LOAD.targets.votesPerSec)}`,
			pass: votes.votesPerSec >= VOTE_LOAD.targets.votesPerSec
		});
		if (VOTE_LOAD.targets.p99Ms !== null)
			checks.push({
				what: 'vote p99 latency',
				measured: fmt.ms(votes.latencyMs.p99),
				target: `≤ ${VOTE_LOAD.targets.p99Ms} ms`,
				pass: votes.latencyMs.p99 <= VOTE_LOAD.targets.p99Ms
			});
		checks.push({
			what: 'vote counts exact afterwards',
			measured: votes.check.exact ? `${fmt.int(votes.check.touched)} suggestions` : votes.check.problems[0],
			target: 'vote_count = votes, none lost or twice',
			pass: votes.check.exact
		});
	}
	const invalid = [];
	// A scenario that could not be measured (its route missing from the build, or an answer that is not 200
	// with the expected type) fails the run: a benchmark must not pass by measuring less.
	for (const s of skipped) invalid.push(`${s.name} ${s.path}: not measured (${s.reason})`);
	if (votes?.skipped) invalid.push(`vote load ${votes.path}: not measured (${votes.skipped})`);
	if (votes && !votes.skipped) {
		const all = votes.requests + votes.warmup.requests;
		const failed = all - (votes.statusCodes[200] ?? 0);
		if (failed / all > MAX_FAILED_SHARE || votes.wrongBodies > 0)
			invalid.push(
				`vote load: ${failed} of ${all} requests (warm-up included) not 200 ${JSON.stringify(votes.statusCodes)}, ` +
					`${votes.wrongBodies} answers without {voted: true, voteCount}${votes.errors.length ? `; ${votes.errors[0]}` : ''}`
			);
	}
	for (const s of scenarios)
		for (const [side, r] of [
			['app', s.app],
			['ceiling', s.ceiling]
		])
			if (r.failedShare > MAX_FAILED_SHARE)
				invalid.push(
					`${s.path} on the ${side}: ${fmt.pct(r.failedShare)} not 2xx ` +
						`(${r.non2xx} non-2xx ${JSON.stringify(r.statusCodes)}, ${r.errors} errors, ${r.timeouts} timeouts)`
				);

	for (const s of signedIn) {
		for (const [side, r] of [
			['app', s.app],
			['ceiling', s.ceiling],
			['app without a session', s.anonymousUncached]
		])
			if (r && r.failedShare > MAX_FAILED_SHARE)
				invalid.push(
					`${s.name} ${s.path} on the ${side}: ${fmt.pct(r.failedShare)} not 2xx ` +
						`(${r.non2xx} non-2xx ${JSON.stringify(r.statusCodes)}, ${r.errors} errors, ${r.timeouts} timeouts)`
				);
		// Every answer must be the person's own rendered page: a shared or someone else's page is not measured.
		if (s.answers.wrong > 0)
			invalid.push(
				`${s.name} ${s.path}: ${s.answers.wrong} of ${s.answers.checked} answers not the person's own page (${s.answers.firstWrong})`
			);
		if (s.underLoad.timed < s.underLoad.answers)
			invalid.push(
				`${s.name} ${s.path}: ${s.underLoad.answers - s.underLoad.timed} answers without Server-Timing`
			);
	}

	console.log('');
	console.log(
		`Load: ${opts.connections} connections, ${opts.duration} s per measurement after ${opts.warmup} s warm-up, ` +
			`autocannon in this process; ${os.cpus().length} cores, Node ${process.version}; ` +
			`database: ${opts.databaseUrl ? 'PostgreSQL (--database-url)' : 'embedded PGlite'}`
	);
	console.log(
		table(
			['scenario', 'server', 'bytes', 'req/s', 'p50', 'p99', 'requests', 'non-2xx', 'errors', 'app/ceiling'],
			scenarios
				.flatMap((s) => [
					[
						`${s.name} ${s.path}`,
						'app',
						fmt.int(s.payloadBytes),
						fmt.num(s.app.reqPerSec),
						fmt.ms(s.app.latencyMs.p50),
						fmt.ms(s.app.latencyMs.p99),
						fmt.int(s.app.requests),
						s.app.non2xx,
						s.app.errors,
						fmt.num(s.ratio, 3)
					],
					[
						'',
						'ceiling',
						'',
						fmt.num(s.ceiling.reqPerSec),
						fmt.ms(s.ceiling.latencyMs.p50),
						fmt.ms(s.ceiling.latencyMs.p99),
						fmt.int(s.ceiling.requests),
						s.ceiling.non2xx,
						s.ceiling.errors,
						''
					]
				])
				.concat(
					skipped.map((s) => [
						`${s.name} ${s.path}`,
						`NOT MEASURED: ${s.reason}`,
						'',
						'',
						'',
						'',
						'',
						'',
						'',
						''
					])
				),
			{ align: [null, null, 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] }
		)
	);
	if (signedIn.length > 0) {
		console.log('');
		console.log(
			`Signed in: ${fmt.int(pool.citizens.length)} people logged in through /aanmelden and the bundled identity ` +
				`provider in ${fmt.num(pool.citizensMs / 1000)} s (${fmt.num(pool.citizens.length / (pool.citizensMs / 1000))} logins/s, ` +
				`${pool.concurrency} at a time), and ${pool.moderators.length} sessions of the moderator; every request is the ` +
				`next person's, every answer checked to be their own page (no page cache). "visitor" is the same path ` +
				`without a session and past the page cache.`
		);
		console.log(
			table(
				[
					'scenario',
					'req/s',
					'p50',
					'p99',
					'ceiling req/s',
					'app/ceiling',
					'visitor req/s',
					'visitor p99',
					'of visitor'
				],
				signedIn.map((s) => [
					`${s.name} ${s.path}`,
					fmt.num(s.app.reqPerSec),
					fmt.ms(s.app.latencyMs.p50),
					fmt.ms(s.app.latencyMs.p99),
					fmt.num(s.ceiling.reqPerSec),
					fmt.num(s.ratio, 3),
					s.anonymousUncached ? fmt.num(s.anonymousUncached.reqPerSec) : '',
					s.anonymousUncached ? fmt.ms(s.anonymousUncached.latencyMs.p99) : '',
					s.ofAnonymous !== null ? fmt.num(s.ofAnonymous, 2) : ''
				]),
				{ align: [null, 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] }
			)
		);
		console.log('');
		console.log(
			"Where a signed-in request's time goes (Server-Timing): statements sent, time waiting for the database, " +
				'and the rest (app: routing, load code, rendering, waiting for the event loop); under load the mean of ' +
				`every answer, alone the median of ${SIGNED_IN.quietSamples} requests one after the other`
		);
		console.log(
			table(
				[
					'scenario',
					'statements (load)',
					'db ms (load)',
					'app ms (load)',
					'total ms (load)',
					'statements (alone)',
					'db ms (alone)',
					'app ms (alone)',
					'total ms (alone)'
				],
				signedIn.map((s) => [
					s.name,
					fmt.num(s.underLoad.statements, 1),
					fmt.num(s.underLoad.dbMs, 1),
					fmt.num(s.underLoad.appMs, 1),
					fmt.num(s.underLoad.totalMs, 1),
					String(s.quiet.statements),
					fmt.num(s.quiet.dbMs, 1),
					fmt.num(s.quiet.appMs, 1),
					fmt.num(s.quiet.totalMs, 1)
				]),
				{ align: [null, 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] }
			)
		);
	}
	if (votes) {
		console.log('');
		if (votes.skipped) console.log(`Vote load ${votes.path}: NOT MEASURED: ${votes.skipped}`);
		else {
			console.log(
				`Vote load: ${fmt.int(votes.people)} distinct people, ${votes.inFlight} requests in flight, ` +
					`${votes.twice} of them sending their first vote twice at once (two tabs); measured after a warm-up ` +
					`of ${fmt.int(votes.warmup.people)} other people (${fmt.int(votes.warmup.votes)} votes in ` +
					`${fmt.num(votes.warmup.seconds)} s, not timed, checked with the rest)`
			);
			console.log(
				table(
					['what', 'requests', 'votes', 's', 'votes/s', 'req/s', 'p50', 'p99', 'max', 'statuses'],
					[
						[
							`PUT ${votes.path}`,
							fmt.int(votes.requests),
							fmt.int(votes.votes),
							fmt.num(votes.seconds),
							fmt.int(votes.votesPerSec),
							fmt.int(votes.reqPerSec),
							fmt.ms(votes.latencyMs.p50),
							fmt.ms(votes.latencyMs.p99),
							fmt.ms(votes.latencyMs.max),
							JSON.stringify(votes.measuredStatusCodes) +
								(votes.retried ? `, ${votes.retried} resent after a reset` : '')
						]
					],
					{ align: [null, 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] }
				)
			);
			console.log(
				votes.check.exact
					? `Counts afterwards: exact. ${fmt.int(votes.database.votes)} votes in the opportunity = ` +
							`${fmt.int(voteData.votes)} before + ${fmt.int(votes.database.loadVotes)} confirmed; every vote_count ` +
							`equals its votes (${fmt.int(votes.check.touched)} suggestions touched` +
							(votes.settle.requests > 0
								? `; ${votes.settle.requests} unconfirmed votes sent again after the run until confirmed`
								: '') +
							').'
					: `Counts afterwards: NOT EXACT: ${votes.check.problems.join('; ')}`
			);
		}
	}
	console.log('');
	console.log(
		widgetScript.bytes !== undefined
			? `Widgets’ script ${widgetScript.path}: ${fmt.int(widgetScript.bytes)} bytes, ${fmt.int(widgetScript.gzipBytes)} gzip -9`
			: `Widgets’ script ${widgetScript.path}: not measured (${widgetScript.skipped})`
	);
	for (const p of pages) {
		console.log('');
		console.log(`JavaScript loaded at start by ${p.page}: ${p.count} files`);
		console.log(
			table(
				['file', 'found via', 'bytes', 'gzip -9'],
				[
					...p.files.map((f) => [f.path, f.via.join(', '), fmt.int(f.bytes), fmt.int(f.gzipBytes)]),
					['total', '', fmt.int(p.bytes), `${fmt.int(p.gzipBytes)} (${fmt.kb(p.gzipBytes)})`]
				],
				{ align: [null, null, 'right', 'right'] }
			)
		);
		if (p.precompressedGzipBytes !== null)
			console.log(`adapter-node's precompressed .gz files of the same: ${fmt.kb(p.precompressedGzipBytes)}`);
		if (p.notPreloaded.length > 0)
			console.log(`not preloaded by the page (found only as static imports): ${p.notPreloaded.join(', ')}`);
	}
	console.log('');
	console.log(
		memory
			? `Memory: app server RSS after the run ${fmt.mb(memory.rssBytes)} (peak ${fmt.mb(memory.peakRssBytes)}; ` +
					`${fmt.mb(memoryAtStart?.rssBytes ?? 0)} when it became ready), pid ${app.pid}`
			: 'Memory: /proc not available, RSS not measured'
	);
	if (soak) {
		console.log('');
		printSoak(soak);
	}
	console.log('');
	console.log(
		`App log during the run (LOG_LEVEL=warn): ${appLog.warn} warn, ${appLog.error} error, ${appLog.fatal} fatal lines`
	);
	for (const line of app.output.notable.slice(0, 5)) console.log(`  ${line.slice(0, 300)}`);
	console.log('');
	console.log(
		table(
			['target', 'measured', 'target', 'result'],
			[
				...checks.map((c) => [c.what, c.measured, c.target, c.pass ? 'PASS' : 'FAIL']),
				...skipped.map((s) => [
					`${s.path}`,
					'',
					`p99 ≤ ${TARGETS.p99Ms} ms, ratio ≥ ${TARGETS.ratio}`,
					`NOT MEASURED: ${s.reason}`
				]),
				...(votes?.skipped
					? [
							[
								`PUT ${votes.path}`,
								'',
								`≥ ${fmt.int(VOTE_LOAD.targets.votesPerSec)} votes/s, exact counts`,
								`NOT MEASURED: ${votes.skipped}`
							]
						]
					: [])
			],
			{ align: [null, 'right', 'right'] }
		)
	);
	for (const line of invalid) console.log(`INVALID: ${line}`);

	const failedTargets = checks.filter((c) => !c.pass);
	const results = {
		when: new Date().toISOString(),
		commit: gitCommit(),
		machine: {
			cores: os.cpus().length,
			cpu: os.cpus()[0]?.model ?? null,
			memoryBytes: os.totalmem(),
			node: process.version,
			platform: `${os.platform()} ${os.release()}`,
			loadAverageAtStart: loadAtStart,
			loadAverageAtEnd: os.loadavg()[0]
		},
		options: { connections: opts.connections, durationS: opts.duration, warmupS: opts.warmup },
		database: opts.databaseUrl ? 'postgres' : 'pglite',
		buildMs,
		appStartMs: app.startMs,
		datasets,
		datasetSteps: DATASETS.map((d) => d.name),
		scenarios,
		signedIn: {
			pool: {
				people: pool.citizens.length,
				moderatorSessions: pool.moderators.length,
				loginMs: Math.round(pool.citizensMs),
				allLoginsMs: Math.round(pool.totalMs),
				concurrency: pool.concurrency,
				supportVotes: support.votes
			},
			scenarios: signedIn
		},
		skipped,
		votes: votes && { ...votes, confirmedPerSuggestion: undefined },
		soak,
		pages,
		widgetScript,
		micro,
		memory: memory && {
			appRssBytes: memory.rssBytes,
			appPeakRssBytes: memory.peakRssBytes,
			appRssAtStartBytes: memoryAtStart?.rssBytes ?? null
		},
		appLog,
		targets: TARGETS,
		checks,
		invalid,
		pass: failedTargets.length === 0 && invalid.length === 0,
		totalS: 0
	};

	await cleanup();
	results.totalS = Math.round((performance.now() - runStarted) / 100) / 10;
	const args = process.argv.slice(2).map((a) => (a.startsWith('postgres') ? redactUrl(a) : a));
	results.command = `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
	const json = JSON.stringify(results, null, '\t') + '\n';
	writeFileSync(resultsFile, json);
	// The last run's figures, committed with the change they measure, so README figures can be traced.
	const traced = path.join(root, 'docs', 'bench', `latest-${results.database}.json`);
	mkdirSync(path.dirname(traced), { recursive: true });
	writeFileSync(traced, json);
	console.log('');
	console.log(
		`Results written to ${path.relative(root, resultsFile)} and ${path.relative(root, traced)} (run took ${results.totalS} s).`
	);
	console.log(`Repeat with: ${results.command}`);

	if (invalid.length > 0) {
		console.error(
			`\n[bench] a scenario was not measured, or more than ${fmt.pct(MAX_FAILED_SHARE)} of its requests were not answered with 2xx: the figures are not valid.`
		);
		return 1;
	}
	if (failedTargets.length > 0) {
		const which = failedTargets.map((c) => c.what).join('; ');
		if (opts.fail) {
			console.error(`\n[bench] ${failedTargets.length} target(s) missed: ${which}`);
			return 1;
		}
		console.log(`\n[bench] ${failedTargets.length} target(s) missed (--no-fail: reported only): ${which}`);
	}
	return 0;
}

try {
	process.exitCode = await main();
} catch (caught) {
	let error = caught;
	// After Ctrl-C the steps in flight fail because their servers are gone: not worth a stack trace.
	if (exit.interrupted) error = new Error(`interrupted by ${exit.interrupted}`);
	else console.error(`\n[bench] failed: ${error.stack ?? error}`);
	process.exitCode = 1;
	mkdirSync(benchDir, { recursive: true });
	writeFileSync(
		resultsFile,
		JSON.stringify(
			{ when: new Date().toISOString(), pass: false, error: String(error.message ?? error) },
			null,
			'\t'
		) + '\n'
	);
} finally {
	await cleanup();
}
