// Signed-in page reads, one request at a time, on PGlite and (with --database-url) on PostgreSQL: the runner the
// climate plan bench (climate-plan.mjs) and the impact bench (impact.mjs) share. A bench gives its data (written
// with the app stopped), who signs in, the pages it reads and its p99 target; this boots the app, signs in through
// the app's own login (so past the page cache), measures each page, prints the tables and writes docs/bench/<file>.
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startAppServer } from './app-server.mjs';
import { createBenchDatabase } from './database.mjs';
import { measureLoad } from './load.mjs';
import { fmt, table } from './report.mjs';
import { gitCommit, redactUrl } from './run-support.mjs';
import { logInPeople } from './signed-in.mjs';

/**
 * @typedef {object} PageReadsBench
 * @property {string} name           in the log ("climate plan")
 * @property {string} slug           in the data folder's and the PostgreSQL database's names ("plan")
 * @property {(dataDir: string) => Promise<string>} writeData  writes the bench's data (app stopped); says what it wrote
 * @property {{ sub: string, name: string }} signedInAs  the development login that reads the pages
 * @property {[string, string][]} reads  [what, path] of each page read
 * @property {number} p99Ms          the target on PostgreSQL
 * @property {(cores: number, loadAtStart: number) => string} headline  the line above the tables
 * @property {string} pageColumn     the heading of the pages' column
 * @property {Record<string, unknown>} settings  kept in the results beside the reads (e.g. { plan: PLAN })
 * @property {string} resultsFile    under docs/bench/
 * @property {number} [concurrent]   also read each page with this many requests at once (clients at the same time),
 *   printed beside the one-at-a-time figure; the target is held on the one-at-a-time figure only
 */

/** @param {PageReadsBench} bench */
async function measureOn(bench, { root, benchDir, opts, log, onCleanup, trackServer, databaseUrl }) {
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const name = databaseUrl ? 'postgres' : 'pglite';
	const dataDir = path.join(benchDir, `data-${bench.slug}-${name}-${stamp}-${process.pid}`);
	mkdirSync(dataDir, { recursive: true });
	onCleanup('remove data folder', () => rm(dataDir, { recursive: true, force: true, maxRetries: 3 }));
	let env = {};
	delete process.env.BENCH_DATABASE_URL;
	if (databaseUrl) {
		const database = await createBenchDatabase(
			databaseUrl,
			`meedoen_bench_${bench.slug}_${stamp.toLowerCase()}_${process.pid}`
		);
		onCleanup('drop the PostgreSQL database', () => database.drop());
		process.env.BENCH_DATABASE_URL = database.url;
		env = { DATABASE_URL: database.url, DEMO: '1' };
	}
	const start = (readyTimeoutMs) =>
		startAppServer({ root, dataDir, env, readyTimeoutMs, onSpawn: (server) => trackServer('app', server) });
	log(`${bench.name} (${name}): one boot for the migrations and the demo content…`);
	// The first boot migrates and writes the demo content: on the embedded database of a shared, loaded machine
	// it took more than the default 90 s (the bench failed before measuring anything), as Lighthouse's does.
	await (await start(300_000)).stop();
	const written = await bench.writeData(dataDir);
	log(`${bench.name} (${name}): ${written}`);
	const app = await start();
	try {
		const pool = await logInPeople({
			baseUrl: app.baseUrl,
			people: 0,
			moderator: bench.signedInAs,
			moderatorSessions: 1,
			concurrency: 1
		});
		const headers = { cookie: `meedoen_session=${pool.moderators[0].token}` };
		const reads = [];
		for (const [what, readPath] of bench.reads) {
			log(`${bench.name} (${name}): ${what} (GET ${readPath}), one request at a time…`);
			const result = await measureLoad({
				url: app.baseUrl + readPath,
				headers,
				connections: 1,
				duration: opts.duration,
				warmup: opts.warmup
			});
			reads.push({ database: name, what, path: readPath, ...result });
			if (!bench.concurrent) continue;
			log(`${bench.name} (${name}): ${what} (GET ${readPath}), ${bench.concurrent} requests at a time…`);
			const together = await measureLoad({
				url: app.baseUrl + readPath,
				headers,
				connections: bench.concurrent,
				duration: opts.duration,
				warmup: opts.warmup
			});
			reads.push({ database: name, what, path: readPath, concurrent: bench.concurrent, ...together });
		}
		return reads;
	} finally {
		await app.stop();
	}
}

/**
 * Runs a page-reads bench on PGlite and, with --database-url, on PostgreSQL; resolves with the exit code.
 * @param {PageReadsBench} bench
 */
export async function runPageReadsBench(bench, { root, benchDir, opts, log, onCleanup, trackServer }) {
	const loadAtStart = os.loadavg()[0];
	const context = { root, benchDir, opts, log, onCleanup, trackServer };
	const reads = await measureOn(bench, { ...context, databaseUrl: null });
	if (opts.databaseUrl)
		reads.push(...(await measureOn(bench, { ...context, databaseUrl: opts.databaseUrl })));
	// The target is held on PostgreSQL, one request at a time; the rest is printed beside it.
	const held = (r) => r.database === 'postgres' && !r.concurrent;
	const checks = reads.map((r) => ({
		what:
			`${r.database}: ${r.what}${r.concurrent ? `, ${r.concurrent} at a time,` : ''} p99` +
			(held(r) ? '' : r.concurrent ? ' (printed only)' : ' (target on PostgreSQL only)'),
		measured: fmt.ms(r.latencyMs.p99),
		target: `≤ ${bench.p99Ms} ms`,
		pass: !held(r) || r.latencyMs.p99 <= bench.p99Ms
	}));
	const invalid = reads
		.filter((r) => r.failedShare > 0.01)
		.map(
			(r) => `${r.database} ${r.path}: ${fmt.pct(r.failedShare)} not 2xx ${JSON.stringify(r.statusCodes)}`
		);
	console.log('');
	console.log(bench.headline(os.cpus().length, loadAtStart));
	console.log(
		table(
			['database', bench.pageColumn, 'at once', 'req/s', 'p50', 'p99', 'requests', 'non-2xx', 'errors'],
			reads.map((r) => [
				r.database,
				`${r.what} GET ${r.path}`,
				r.concurrent ?? 1,
				fmt.num(r.reqPerSec),
				fmt.ms(r.latencyMs.p50),
				fmt.ms(r.latencyMs.p99),
				fmt.int(r.requests),
				r.non2xx,
				r.errors
			]),
			{ align: [null, null, 'right', 'right', 'right', 'right', 'right', 'right', 'right'] }
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
		...bench.settings,
		...(bench.concurrent ? { concurrent: bench.concurrent } : {}),
		reads,
		checks,
		invalid,
		pass: invalid.length === 0 && checks.every((c) => c.pass)
	};
	const traced = path.join(root, 'docs', 'bench', bench.resultsFile);
	mkdirSync(path.dirname(traced), { recursive: true });
	writeFileSync(traced, JSON.stringify(results, null, '\t') + '\n');
	console.log('');
	console.log(`Results written to ${path.relative(root, traced)}.`);
	if (invalid.length > 0) return 1;
	if (opts.fail && checks.some((c) => !c.pass)) return 1;
	return 0;
}
