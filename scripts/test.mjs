// `npm test`: every test of Meedoen, phase by phase, then one summary.
//   1. unit + integration on the embedded database (PGlite): `vitest run`
//   2. the same on PostgreSQL, when TEST_DATABASE_URL is set: `vitest run` with TEST_DB=postgres
//   3. browser journeys: ensure Chromium, build, `vitest run --config vitest.e2e.config.ts`
// Phases 1 and 2 run at the same time (vitest gives each one worker less than the machine's cores, so on a
// two-core machine each would leave a core idle); their screen output is kept in test-results/<phase>.log and
// printed whole when the phase ends, so the two never interleave. The journeys' build (no unit test reads it)
// starts as soon as one of them ends, on the core it leaves idle, or beside the only one (without PostgreSQL);
// its output goes to test-results/build.log, printed before the journeys. Set TEST_PHASES_IN_SERIES=1 to run
// everything one after the other with live output.
// All phases run even when one fails (the journeys are skipped only when Chromium or the build fails).
// Each phase writes vitest's JSON report to test-results/<phase>.json. The last line is
// `Tests: N passed, M failed[, K skipped]`; the exit code is non-zero when a phase failed or no test ran
// (no --passWithNoTests: a phase whose files match nothing fails instead of passing empty).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { E2E_CONFIG, build, buildQuietly, root, vitest } from './e2e.mjs';
import { ChromiumError, ensureChromium } from './ensure-chromium.mjs';

const resultsDir = path.join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

/** vitest's arguments for the default reporter on screen and the JSON reporter into test-results/<name>.json */
function reporterArgs(name) {
	const outputFile = path.join(resultsDir, `${name}.json`);
	rmSync(outputFile, { force: true });
	return {
		outputFile,
		args: ['--reporter=default', '--reporter=json', `--outputFile.json=${path.relative(root, outputFile)}`]
	};
}

/** vitest with its output on screen as it comes. */
function runVitest(name, args, env = {}) {
	const { outputFile, args: reporters } = reporterArgs(name);
	const code = vitest([...args, ...reporters], env);
	return { code, ...readReport(outputFile) };
}

/** vitest in the background, its output into test-results/<name>.log, printed whole when it ends. */
function runVitestQuietly(name, label, args, env = {}) {
	const { outputFile, args: reporters } = reporterArgs(name);
	const logFile = path.join(resultsDir, `${name}.log`);
	const log = createWriteStream(logFile);
	const child = spawn(
		process.execPath,
		[path.join('node_modules', 'vitest', 'vitest.mjs'), 'run', ...args, ...reporters],
		{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } }
	);
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	return new Promise((resolve) => {
		child.on('close', (status) => {
			log.end(() => {
				console.log(`\n━━ ${label} ━━`);
				process.stdout.write(readFileSync(logFile, 'utf8'));
				resolve({ code: status ?? 1, ...readReport(outputFile) });
			});
		});
	});
}

/**
 * Counts from vitest's JSON report, and what failed: each failed test (or test file that failed to load, which
 * counts as one failed test) with the first lines of its message, for the summary at the end (a CI log is often
 * read from its end only).
 */
function readReport(file) {
	if (!existsSync(file))
		return { passed: 0, failed: 0, skipped: 0, note: 'no JSON report written', failures: [] };
	const report = JSON.parse(readFileSync(file, 'utf8'));
	const where = (f) => path.relative(root, f.name ?? '');
	const firstLines = (text) =>
		String(text ?? '')
			.split('\n')
			.filter((l) => l.trim())
			.slice(0, 3)
			.map((l) => l.slice(0, 240));
	const broken = (report.testResults ?? []).filter(
		(f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed')
	);
	const brokenFiles = broken.length;
	const failures = [
		...(report.testResults ?? []).flatMap((f) =>
			(f.assertionResults ?? [])
				.filter((t) => t.status === 'failed')
				.map((t) => ({ test: `${where(f)} > ${t.fullName}`, lines: firstLines(t.failureMessages?.[0]) }))
		),
		...broken.map((f) => ({ test: `${where(f)} (did not run)`, lines: firstLines(f.message) }))
	];
	return {
		failures,
		passed: report.numPassedTests ?? 0,
		failed: (report.numFailedTests ?? 0) + brokenFiles,
		skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
		note: brokenFiles ? `${brokenFiles} test file(s) failed to run` : ''
	};
}

const inSeries = process.env.TEST_PHASES_IN_SERIES === '1';
const phases = [
	{
		name: 'unit',
		label: 'unit + integration (PGlite)',
		together: true,
		run: () => runVitest('unit', []),
		start: (label) => runVitestQuietly('unit', label, [])
	},
	{
		name: 'postgres',
		label: 'unit + integration (PostgreSQL)',
		together: true,
		skip: process.env.TEST_DATABASE_URL?.trim() ? '' : 'TEST_DATABASE_URL is not set',
		run: () => runVitest('postgres', [], { TEST_DB: 'postgres' }),
		start: (label) => runVitestQuietly('postgres', label, [], { TEST_DB: 'postgres' })
	},
	{
		name: 'e2e',
		label: 'browser journeys (Chromium)',
		run: async () => {
			try {
				ensureChromium();
			} catch (err) {
				console.error(err instanceof ChromiumError ? err.message : err);
				return { code: 1, passed: 0, failed: 0, skipped: 0, note: 'Chromium is missing, journeys not run' };
			}
			const built = earlyBuild ? await earlyBuild : build();
			if (built !== 0) {
				return { code: built, passed: 0, failed: 0, skipped: 0, note: 'build failed, journeys not run' };
			}
			return runVitest('e2e', E2E_CONFIG);
		}
	}
];

/** The journeys' build, when started beside the unit phases: resolves with its exit code. */
let earlyBuild = null;
function startBuildEarly() {
	earlyBuild ??= buildQuietly(path.join(resultsDir, 'build.log')).then(({ code, log }) => {
		console.log('\n━━ build for the browser journeys (beside the unit phases) ━━');
		process.stdout.write(log);
		return code;
	});
}

function finished(phase, outcome, started) {
	const seconds = (Date.now() - started) / 1000;
	const ok = outcome.code === 0 && outcome.failed === 0;
	return { ...phase, ...outcome, seconds, ok, notRun: false };
}

const results = [];
const concurrent = inSeries ? [] : phases.filter((p) => p.together && !p.skip);
if (concurrent.length > 1) {
	console.log(`\n━━ ${concurrent.map((p) => p.label).join(' and ')}, at the same time ━━`);
	const started = Date.now();
	const outcomes = await Promise.all(
		concurrent.map(async (p) => {
			const outcome = finished(p, await p.start(p.label), started);
			// One unit phase is over: its core builds for the journeys while the other phase finishes.
			startBuildEarly();
			return outcome;
		})
	);
	results.push(...outcomes);
} else if (concurrent.length === 1) {
	// One unit phase (one vitest worker on a two-core machine): the build takes the other core.
	startBuildEarly();
}
for (const phase of phases) {
	if (concurrent.length > 1 && concurrent.includes(phase)) continue;
	if (phase.skip) {
		results.push({ ...phase, notRun: true, reason: phase.skip });
		continue;
	}
	console.log(`\n━━ ${phase.label} ━━`);
	const started = Date.now();
	results.push(finished(phase, await phase.run(), started));
}

let passed = 0;
let failed = 0;
let skipped = 0;
let allOk = true;
console.log('');
for (const r of results) {
	if (r.notRun) {
		console.log(`${r.label}: skipped (${r.reason})`);
		continue;
	}
	passed += r.passed;
	failed += r.failed;
	skipped += r.skipped;
	allOk &&= r.ok;
	const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
	const status = r.ok ? 'ok' : `FAILED (exit ${r.code})`;
	console.log(`${r.label}: ${status}, ${counts} in ${r.seconds.toFixed(1)} s${r.note ? ` (${r.note})` : ''}`);
	for (const f of (r.failures ?? []).slice(0, 20)) {
		console.log(`  failed: ${f.test}`);
		for (const line of f.lines) console.log(`    ${line}`);
	}
}
if (passed + failed === 0) {
	console.log('No test ran at all.');
	allOk = false;
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(allOk ? 0 : 1);
