// `npm run soak`: the long soak on its own (lib/soak.mjs). Builds when there is no build, fills a fresh
// database as `npm run bench` does (demo content and the bench datasets: 29 × 300 actions, Geel's 10,000
// suggestions with 1,000,000 votes), runs the realistic mix for --minutes at a fixed rate, prints the table
// over time and the verdict (errors 0, memory levelling off, database consistent: exit 1 otherwise) and writes
// .bench/soak-results.json and docs/bench/soak-<database>.json (with the machine and the command). Only
// 127.0.0.1 is contacted (and the PostgreSQL server of --database-url); every server it starts is stopped and
// the data folder (and database) removed at the end, also on error or Ctrl-C.
//
//   npm run soak [-- --minutes 30] [--sample-seconds 30] [--database-url postgres://user@host:5432/postgres]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runOfflineSteps } from './datasets/index.mjs';
import { startAppServer } from './lib/app-server.mjs';
import { createBenchDatabase } from './lib/database.mjs';
import { printSoak, runSoak } from './lib/soak.mjs';
import { buildApp, cleanupOnExit, gitCommit, redactUrl } from './lib/run-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const benchDir = path.join(root, '.bench');

const USAGE = `npm run soak [-- options]

  --minutes N          how long the mix runs (default 30)
  --sample-seconds N   one line of the table every N seconds (default 30, or 10 for runs under 10 minutes)
  --build              rebuild the app first (otherwise only when build/index.js is missing)
  --database-url U     run on PostgreSQL: a fresh database is created on the server of U (a superuser
                       connection) for the run and dropped after
  -h, --help           this text`;

function options() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				minutes: { type: 'string', default: '30' },
				'sample-seconds': { type: 'string' },
				build: { type: 'boolean', default: false },
				'database-url': { type: 'string' },
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
	const integer = (name, value, min, max) => {
		const n = Number(value);
		if (!/^\d+$/.test(value) || n < min || n > max) {
			console.error(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
			process.exit(2);
		}
		return n;
	};
	const minutes = integer('minutes', values.minutes, 1, 24 * 60);
	return {
		minutes,
		sampleSeconds: integer(
			'sample-seconds',
			values['sample-seconds'] ?? (minutes < 10 ? '10' : '30'),
			2,
			600
		),
		build: values.build,
		databaseUrl: values['database-url'] ?? null
	};
}

const log = (message) => console.log(`[soak] ${message}`);

// Everything that must be undone, newest first (lib/run-support.mjs): once, on success, error or a signal.
const exit = cleanupOnExit('soak');
const cleanup = () => exit.cleanup();
const onCleanup = (name, run, sync) => exit.add(name, run, sync);
const trackServer = (server) => exit.trackServer('the app', server);

async function main() {
	const opts = options();
	const started = performance.now();
	// The commit of the code that runs (read at the start: the soak lasts half an hour).
	const commit = gitCommit();
	const loadAtStart = os.loadavg()[0];
	if (loadAtStart > 0.5 * os.cpus().length)
		log(
			`the machine is busy (load average ${loadAtStart.toFixed(2)} on ${os.cpus().length} cores): latencies will be noisy`
		);
	buildApp(root, opts.build, log);
	// Setup, the soak, the drain and the checks afterwards; anything still running after that hangs.
	const budgetS = 600 + opts.minutes * 60 + 300;
	setTimeout(async () => {
		console.error(`\n[soak] still running after ${budgetS} s: giving up`);
		await cleanup();
		process.exit(1);
	}, budgetS * 1000).unref();

	mkdirSync(benchDir, { recursive: true });
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const dataDir = path.join(benchDir, `soak-${stamp}-${process.pid}`);
	mkdirSync(dataDir);
	let appEnv = {};
	if (opts.databaseUrl) {
		const database = await createBenchDatabase(
			opts.databaseUrl,
			`meedoen_soak_${stamp.toLowerCase()}_${process.pid}`
		);
		onCleanup('drop the PostgreSQL database', () => database.drop());
		process.env.BENCH_DATABASE_URL = database.url;
		appEnv = { DATABASE_URL: database.url, DEMO: '1' };
		log(`database: PostgreSQL ${new URL(database.url).pathname.slice(1)} on ${new URL(database.url).host}`);
	}
	onCleanup(
		'remove data folder',
		() => rm(dataDir, { recursive: true, force: true, maxRetries: 3 }),
		() => rmSync(dataDir, { recursive: true, force: true })
	);

	log('data: one boot for migrations, reference data and demo content, then the bench datasets…');
	const priming = await startAppServer({ root, dataDir, env: appEnv, onSpawn: trackServer });
	await priming.stop();
	await runOfflineSteps({ root, dataDir, log });

	const soak = await runSoak({
		root,
		dataDir,
		appEnv,
		minutes: opts.minutes,
		sampleSeconds: opts.sampleSeconds,
		log,
		onSpawn: trackServer,
		onCleanup
	});
	console.log('');
	printSoak(soak);

	const args = process.argv.slice(2).map((a) => (a.startsWith('postgres') ? redactUrl(a) : a));
	const results = {
		when: new Date().toISOString(),
		commit,
		command: `npm run soak${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
		machine: {
			cores: os.cpus().length,
			cpu: os.cpus()[0]?.model ?? null,
			memoryBytes: os.totalmem(),
			node: process.version,
			platform: `${os.platform()} ${os.release()}`,
			loadAverageAtStart: loadAtStart,
			loadAverageAtEnd: os.loadavg()[0],
			note: 'shared machine: other builds and tests ran at the same time, so latencies are noisy'
		},
		database: opts.databaseUrl ? 'postgres' : 'pglite',
		durationS: soak.minutes * 60,
		...soak,
		totalS: 0
	};
	await cleanup();
	results.totalS = Math.round((performance.now() - started) / 100) / 10;
	const json = JSON.stringify(results, null, '\t') + '\n';
	writeFileSync(path.join(benchDir, 'soak-results.json'), json);
	const traced = path.join(root, 'docs', 'bench', `soak-${results.database}.json`);
	mkdirSync(path.dirname(traced), { recursive: true });
	writeFileSync(traced, json);
	console.log('');
	console.log(
		`Results written to .bench/soak-results.json and ${path.relative(root, traced)} (took ${results.totalS} s).`
	);
	console.log(`Repeat with: ${results.command}`);
	if (!soak.pass) {
		console.error('\n[soak] FAILED: errors, climbing memory or an inconsistent database (see above)');
		return 1;
	}
	return 0;
}

try {
	process.exitCode = await main();
} catch (caught) {
	const error = exit.interrupted ? new Error(`interrupted by ${exit.interrupted}`) : caught;
	if (!exit.interrupted) console.error(`\n[soak] failed: ${error.stack ?? error}`);
	process.exitCode = 1;
} finally {
	await cleanup();
}
