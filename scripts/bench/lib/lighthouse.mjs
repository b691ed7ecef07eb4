// What a phone feels (issue 15), `npm run bench -- --only lighthouse`: the built app on a fresh embedded
// database with the demo content, and Lighthouse 12 (its default mobile settings: a mid-range phone's screen,
// simulated slow 4G and a 4× slower CPU) in Debian's Chromium on five citizen page types: Geel's home, its
// action list, an action page with its small map, an opportunity's page with its map of suggestions, and a
// suggestion page. Each page is measured LIGHTHOUSE.runs times (the pages taking turns, so a busy moment of the
// machine falls on several pages rather than on all runs of one) and the median of each figure is reported:
// the four category scores, total blocking time, largest contentful paint, the main thread's work and the
// JavaScript transferred. Scores below the targets fail the run (--no-fail: reported only), with what
// Lighthouse flagged. Only 127.0.0.1 is contacted: the app runs without a base map (TILE_URL=none), as the
// journeys do, since the Flemish tile service cannot be reached from the bench's machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { throttling as lighthouseThrottling } from 'lighthouse/core/config/constants.js';
import { startAppServer } from './app-server.mjs';
import { fmt, table } from './report.mjs';
import { gitCommit } from './run-support.mjs';

export const LIGHTHOUSE = {
	/** Runs per page; the median of each figure is reported. */
	runs: 3,
	/** Category scores (0–100) every page must reach at least. */
	targets: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 }
};

const CHROMIUM_PATH = '/usr/bin/chromium';
const CATEGORIES = Object.keys(LIGHTHOUSE.targets);

/** The first href of the HTML matching `pattern` (a RegExp with the path in group 1), or null. */
function firstLink(html, pattern) {
	return html.match(pattern)?.[1] ?? null;
}

async function html(baseUrl, pagePath) {
	const response = await fetch(new URL(pagePath, baseUrl), { headers: { accept: 'text/html' } });
	const body = await response.text();
	if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}`);
	return body;
}

/**
 * The five pages, found in the demo content as a person would: Geel's action list, the first action in it with
 * a place on a map and an opportunity for suggestions, that opportunity's page, and the first suggestion on it.
 */
export async function findPages(baseUrl) {
	const list = await html(baseUrl, '/geel/acties');
	const actions = [...new Set([...list.matchAll(/href="(\/geel\/acties\/\d+-[^"#?]+)"/g)].map((m) => m[1]))];
	for (const actionPath of actions) {
		const action = await html(baseUrl, actionPath);
		const opportunityPath = firstLink(action, /href="(\/geel\/kansen\/\d+)"/);
		if (!action.includes('place-map') || !opportunityPath) continue;
		const opportunity = await html(baseUrl, opportunityPath);
		const suggestionPath = firstLink(opportunity, /href="(\/geel\/suggesties\/\d+-[^"#?]+)"/);
		if (!suggestionPath) continue;
		return [
			{ name: 'home', path: '/geel' },
			{ name: 'action list', path: '/geel/acties' },
			{ name: 'action page (small map)', path: actionPath },
			{ name: 'opportunity (map of suggestions)', path: opportunityPath },
			{ name: 'suggestion page (small map)', path: suggestionPath }
		];
	}
	throw new Error(
		'no action of Geel with a place on a map and an opportunity with suggestions: is the demo content there?'
	);
}

/** The figures of one Lighthouse result (lhr). */
export function figures(lhr) {
	const audit = (id) => lhr.audits[id];
	const scripts = audit('resource-summary')?.details?.items?.find((i) => i.resourceType === 'script');
	return {
		scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])),
		tbtMs: audit('total-blocking-time').numericValue,
		lcpMs: audit('largest-contentful-paint').numericValue,
		fcpMs: audit('first-contentful-paint').numericValue,
		mainThreadMs: audit('mainthread-work-breakdown').numericValue,
		scriptMs: audit('bootup-time').numericValue,
		jsBytes: scripts?.transferSize ?? 0,
		jsRequests: scripts?.requestCount ?? 0,
		// What cost points: every audit of a category (weight > 0) that did not pass, and the metrics below 0.9.
		flagged: CATEGORIES.flatMap((c) =>
			lhr.categories[c].auditRefs
				.filter((ref) => ref.weight > 0)
				.map((ref) => audit(ref.id))
				.filter((a) => a && a.score !== null && a.score < (c === 'performance' ? 0.9 : 1))
				.map((a) => `${c}: ${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`)
		),
		runWarnings: lhr.runWarnings ?? [],
		// Lighthouse's measure of the host's speed at the start of the run (higher is faster).
		benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
		loadAverage: os.loadavg()[0],
		runtimeError: lhr.runtimeError?.message ?? null
	};
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The median of each figure over the runs of one page; the flagged audits of any run, with how many runs. */
export function summarize(runs) {
	const flagged = {};
	for (const run of runs) for (const f of run.flagged) flagged[f] = (flagged[f] ?? 0) + 1;
	return {
		scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
		performanceScores: runs.map((r) => r.scores.performance),
		tbtMs: median(runs.map((r) => r.tbtMs)),
		lcpMs: median(runs.map((r) => r.lcpMs)),
		fcpMs: median(runs.map((r) => r.fcpMs)),
		mainThreadMs: median(runs.map((r) => r.mainThreadMs)),
		scriptMs: median(runs.map((r) => r.scriptMs)),
		jsBytes: median(runs.map((r) => r.jsBytes)),
		jsRequests: median(runs.map((r) => r.jsRequests)),
		benchmarkIndex: median(runs.map((r) => r.benchmarkIndex ?? 0)),
		flagged: Object.entries(flagged).map(([what, count]) => `${what} in ${count} of ${runs.length} runs`)
	};
}

/**
 * The whole Lighthouse bench; resolves with the exit code. `onCleanup`/`trackServer` are run.mjs's cleanup
 * registry (the app, Chromium and the data folder are undone on success, error or Ctrl-C).
 */
export async function runLighthouseBench({ root, benchDir, opts, log, onCleanup, trackServer, buildMs }) {
	const loadAtStart = os.loadavg()[0];
	const runs = opts.runs ?? LIGHTHOUSE.runs;
	// Lighthouse's default slows the CPU 4×, which its documentation calibrates for a desktop with a benchmark index
	// of 1,500–2,000; a faster host needs more to stand for the same phone (--cpu-slowdown).
	const cpuSlowdown = opts.cpuSlowdown ?? lighthouseThrottling.mobileSlow4G.cpuSlowdownMultiplier;
	const throttling = { ...lighthouseThrottling.mobileSlow4G, cpuSlowdownMultiplier: cpuSlowdown };
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const dataDir = path.join(benchDir, `data-lighthouse-${stamp}-${process.pid}`);
	mkdirSync(dataDir, { recursive: true });
	onCleanup('remove data folder', () => rm(dataDir, { recursive: true, force: true, maxRetries: 3 }));
	const reportDir = path.join(benchDir, 'lighthouse');
	mkdirSync(reportDir, { recursive: true });

	const app = await startAppServer({
		root,
		dataDir,
		env: { TILE_URL: 'none' },
		// The first boot writes the demo content; on a machine busy with other work that can take minutes.
		readyTimeoutMs: 300_000,
		onSpawn: (server) => trackServer('app', server)
	});
	log(`lighthouse: app ready on ${app.baseUrl} (demo content, embedded database, TILE_URL=none)`);
	const pages = await findPages(app.baseUrl);
	// The page cache fills on the first visit: one GET each, so every run measures the same server answer.
	for (const p of pages) await html(app.baseUrl, p.path);

	const chrome = await chromeLauncher.launch({
		chromePath: CHROMIUM_PATH,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
		logLevel: 'silent'
	});
	onCleanup('stop Chromium', () => chrome.kill());
	const version = await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json();
	log(`lighthouse: ${version.Browser} on port ${chrome.port}; ${pages.length} pages × ${runs} runs`);

	const measured = pages.map((p) => ({ ...p, runs: [] }));
	let lighthouseVersion = null;
	for (let run = 1; run <= runs; run++) {
		for (const p of measured) {
			const started = performance.now();
			// On a busy machine Lighthouse sometimes loses the trace (NO_NAVSTART, NO_FCP): that run is made again.
			let result;
			let f;
			for (let attempt = 1; ; attempt++) {
				result = await lighthouse(
					app.baseUrl + p.path,
					{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, throttling },
					undefined
				);
				if (!result) throw new Error(`Lighthouse gave no result for ${p.path}`);
				f = figures(result.lhr);
				if (!f.runtimeError) break;
				if (attempt === 3) throw new Error(`Lighthouse on ${p.path}: ${f.runtimeError} (3 attempts)`);
				log(`lighthouse: run ${run}/${runs} ${p.path}: ${f.runtimeError}; once more`);
			}
			lighthouseVersion = result.lhr.lighthouseVersion;
			p.runs.push(f);
			writeFileSync(
				path.join(reportDir, `${p.name.split(' ')[0]}-${run}.json`),
				typeof result.report === 'string' ? result.report : result.report[0]
			);
			log(
				`lighthouse: run ${run}/${runs} ${p.path}: performance ${f.scores.performance}, TBT ${fmt.ms(f.tbtMs)}, ` +
					`LCP ${fmt.ms(f.lcpMs)}, main thread ${fmt.ms(f.mainThreadMs)}; load average ${f.loadAverage.toFixed(1)}, ` +
					`benchmark index ${f.benchmarkIndex} (${fmt.num((performance.now() - started) / 1000)} s)`
			);
		}
	}
	await app.stop();
	for (const p of measured) p.median = summarize(p.runs);

	console.log('');
	console.log(
		`Lighthouse ${lighthouseVersion} (issue 15), its default mobile settings (Moto G Power screen, simulated slow 4G, ` +
			`CPU ${cpuSlowdown}× slower${cpuSlowdown === 4 ? '' : " (--cpu-slowdown; Lighthouse's default is 4×)"}), in ${version.Browser}; demo content on the embedded database, TILE_URL=none; ` +
			`${os.cpus().length} cores, load average ${loadAtStart.toFixed(2)} at the start and ` +
			`${os.loadavg()[0].toFixed(2)} at the end. Median of ${runs} runs per page (each figure on its own). ` +
			`Simulated throttling multiplies the work the page did in this browser by ${cpuSlowdown}: other work on the machine ` +
			'inflates it, so read the figures with the load average and benchmark index beside them.'
	);
	console.log(
		table(
			[
				'page',
				'perf',
				'a11y',
				'best pr.',
				'SEO',
				'perf per run',
				'TBT',
				'LCP',
				'FCP',
				'main thread',
				'script',
				'JS',
				'JS files',
				'bench. index'
			],
			measured.map((p) => [
				`${p.name} ${p.path}`,
				p.median.scores.performance,
				p.median.scores.accessibility,
				p.median.scores['best-practices'],
				p.median.scores.seo,
				p.median.performanceScores.join(' '),
				fmt.ms(p.median.tbtMs),
				fmt.ms(p.median.lcpMs),
				fmt.ms(p.median.fcpMs),
				fmt.ms(p.median.mainThreadMs),
				fmt.ms(p.median.scriptMs),
				fmt.kb(p.median.jsBytes),
				p.median.jsRequests,
				Math.round(p.median.benchmarkIndex)
			]),
			{ align: [null, ...Array(13).fill('right')] }
		)
	);
	console.log(
		'TBT: total blocking time (simulated); main thread: all its work during the load (mainthread-work-breakdown); ' +
			'script: of that, JavaScript evaluation and parsing (bootup-time); JS: transferred.'
	);
	for (const p of measured) for (const line of p.median.flagged) console.log(`flagged on ${p.path}: ${line}`);

	const checks = measured.flatMap((p) =>
		CATEGORIES.map((c) => ({
			what: `${p.name}: ${c}`,
			measured: String(p.median.scores[c]),
			target: `≥ ${LIGHTHOUSE.targets[c]}`,
			pass: p.median.scores[c] >= LIGHTHOUSE.targets[c]
		}))
	);
	const failed = checks.filter((c) => !c.pass);
	console.log('');
	console.log(
		failed.length === 0
			? `Targets (performance ≥ ${LIGHTHOUSE.targets.performance}, the others 100): all ${checks.length} met.`
			: table(
					['target missed', 'measured', 'target'],
					failed.map((c) => [c.what, c.measured, c.target]),
					{ align: [null, 'right', 'right'] }
				)
	);

	const args = process.argv.slice(2);
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
		lighthouse: lighthouseVersion,
		browser: version.Browser,
		settings: `Lighthouse default (mobile, simulated throttling)${cpuSlowdown === 4 ? '' : ` with the CPU ${cpuSlowdown}× slower`}; TILE_URL=none; demo content, embedded database`,
		cpuSlowdownMultiplier: cpuSlowdown,
		buildMs,
		runs,
		targets: LIGHTHOUSE.targets,
		pages: measured,
		checks,
		pass: failed.length === 0
	};
	const traced = path.join(root, 'docs', 'bench', 'lighthouse-pglite.json');
	mkdirSync(path.dirname(traced), { recursive: true });
	writeFileSync(traced, JSON.stringify(results, null, '\t') + '\n');
	console.log('');
	console.log(
		`Results written to ${path.relative(root, traced)}; each run's full report in ${path.relative(root, reportDir)}/.`
	);
	console.log(`Repeat with: ${results.command}`);
	if (failed.length > 0 && opts.fail) return 1;
	return 0;
}
