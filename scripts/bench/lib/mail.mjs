// The mail bench (issue 18), `npm run bench -- --only mail [--mail-count N] [--database-url …]`: a newsletter to
// 100,000 people (N) sent through the product itself, with citizens using the site meanwhile.
//
//  1. A fresh database (embedded, or on --database-url's server) gets its migrations and demo content from one
//     boot of the built app; then, with the app stopped, scripts/bench/mail.ts (vite-node, the app's modules)
//     times the notification fan-out of a status change on a suggestion with 10,000 supporters and writes
//     Geel's pool so that it is exactly N people with a verified address and the newsletters consent.
//  2. The built app starts (`node build/index.js`, jobs on, its SMTP pool and rate as configured) with its mail
//     going to a local SMTP sink (npm smtp-server, in a worker thread: lib/smtp-sink.mjs) that counts and times what arrives. The
//     communication officer of Geel logs in through the bundled identity provider and writes the newsletter in
//     the back office (audience: the pool); citizens log in too.
//  3. Idle: the citizen pages' p99 with autocannon at modest concurrency: /geel for a visitor (from the page
//     cache) and an action page signed in (each request another person's, rendered for them).
//  4. The officer presses "Versturen": the job builds the recipient list and queues the mails. Two phases are
//     measured against idle: while queueing (from the press on: the list being built, then the mails queued:
//     the signed-in page, the one that meets the database), then, once every mail is queued, while they are only
//     delivered (both pages). The time to queue everything is from the press until the public archive shows
//     the newsletter (its status becomes `sent` once every mail is queued).
//  5. When the sink has the newsletter for all N people: mails per second, exactly N distinct deliveries at the
//     sink, and (app stopped, mail.ts count) the ledger says N sent.
// Targets: queued within 30 s; ≥ 300 mails/s on PostgreSQL; exactly N; pages' p99 in both phases ≤ 2× idle;
// the fan-out within 5 s. Results in docs/bench/mail-<database>.json.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startAppServer } from './app-server.mjs';
import { createBenchDatabase } from './database.mjs';
import { measureLoad } from './load.mjs';
import { fmt, table } from './report.mjs';
import { gitCommit, redactUrl } from './run-support.mjs';
import { logInPeople, rotation } from './signed-in.mjs';
import { startSink } from './smtp-sink.mjs';

export const MAIL = {
	count: 100_000,
	/** Citizens logged in for the signed-in page, and the autocannon connections of the page loads. */
	people: 50,
	connections: 10,
	targets: { enqueueMs: 30_000, perSecond: 300, p99Ratio: 2, fanOutMs: 5_000 }
};
const OFFICER = { sub: 'dev-communication-geel', name: 'Sofie W.' };
const SUBJECT = 'Nieuwsbrief Meedoen Geel: de plantdag komt eraan';
const BODY = `Beste inwoner,\n\n${'Dit is de nieuwsbrief van Meedoen in Geel, met het nieuws van de acties. '.repeat(12)}\n\n**Tot binnenkort!**`;
/** No progress at the sink for this long: the delivery is stuck, the run fails. */
const STALL_MS = 180_000;

/** scripts/bench/mail.ts `mode` in vite-node on the bench's database; resolves with its JSON line. */
function runWorker(root, mode, env, onSpawn) {
	const child = spawn(
		process.execPath,
		[
			path.join(root, 'node_modules', 'vite-node', 'vite-node.mjs'),
			'--config',
			'vite.scripts.config.ts',
			'scripts/bench/mail.ts',
			mode
		],
		{ cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	onSpawn(child);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (c) => (stdout += c));
	child.stderr.on('data', (c) => (stderr += c));
	return new Promise((resolve, reject) => {
		child.on('exit', (code) => {
			const line = stdout.trim().split('\n').at(-1) ?? '';
			if (code !== 0 || !line.startsWith('{'))
				reject(new Error(`scripts/bench/mail.ts ${mode} failed (exit ${code}): ${stderr.slice(-1500)}`));
			else resolve(JSON.parse(line));
		});
	});
}

/** A form POST with the session's cookie, as a browser without JavaScript sends it; the answer's redirect. */
async function postForm(baseUrl, pathAndQuery, token, form) {
	const url = new URL(pathAndQuery, baseUrl);
	const response = await fetch(url, {
		method: 'POST',
		headers: { cookie: `meedoen_session=${token}`, origin: url.origin, accept: 'text/html' },
		body: new URLSearchParams(form),
		redirect: 'manual',
		signal: AbortSignal.timeout(60_000)
	});
	const body = await response.text();
	if (response.status !== 303)
		throw new Error(`POST ${url.pathname}${url.search} answered ${response.status}: ${body.slice(0, 300)}`);
	return response.headers.get('location');
}

/** A Geel action page's path, from the action list. */
async function actionPath(baseUrl) {
	const html = await (await fetch(new URL('/geel/acties', baseUrl))).text();
	const found = /href="(\/geel\/acties\/\d+-[^"?#]+)"/.exec(html)?.[1];
	if (!found) throw new Error('/geel/acties lists no action');
	return found;
}

/** The two citizen pages, measured the same way idle and while the newsletter goes out. */
async function measurePages({ baseUrl, pages, opts, since = null }) {
	const results = [];
	for (const page of pages) {
		const turn = page.people ? rotation(page, page.people) : null;
		const from = performance.now();
		const load = await measureLoad({
			url: new URL(page.path, baseUrl).href,
			connections: MAIL.connections,
			duration: opts.duration,
			warmup: opts.warmup,
			request: turn?.request
		});
		// The window measured, in ms after "Versturen" (warm-up included), so the report can say what ran then.
		const window = since === null ? null : [from - since, performance.now() - since].map(Math.round);
		results.push({ name: page.name, path: page.path, load, wrong: turn?.stats.wrong ?? 0, window });
	}
	return results;
}

export async function runMailBench({ root, benchDir, opts, log, onCleanup, trackServer, buildMs }) {
	const loadAtStart = os.loadavg()[0];
	const count = opts.mailCount ?? MAIL.count;
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const dataDir = path.join(benchDir, `data-mail-${stamp}-${process.pid}`);
	mkdirSync(dataDir, { recursive: true });
	onCleanup('remove data folder', () => rm(dataDir, { recursive: true, force: true, maxRetries: 3 }));
	const sink = await startSink();
	onCleanup('stop the SMTP sink', () => sink.close());
	let databaseEnv = { DATABASE_URL: '' };
	if (opts.databaseUrl) {
		const database = await createBenchDatabase(
			opts.databaseUrl,
			`meedoen_bench_mail_${stamp.toLowerCase()}_${process.pid}`
		);
		onCleanup('drop the PostgreSQL database', () => database.drop());
		databaseEnv = { DATABASE_URL: database.url };
	}
	const database = opts.databaseUrl ? 'postgres' : 'pglite';
	const appEnv = { ...databaseEnv, DEMO: '1' };
	const worker = (mode, env = {}) =>
		runWorker(root, mode, { DATA_DIR: dataDir, ...databaseEnv, ...env }, (child) =>
			onCleanup(`stop mail.ts ${mode}`, () => {
				if (child.exitCode === null) child.kill('SIGKILL');
			})
		);

	log(`mail: preparing the database on ${database} (one boot for migrations and demo content)…`);
	// The first boot migrates and writes the demo content: on a busy machine that took more than the default 90 s.
	const priming = await startAppServer({
		root,
		dataDir,
		env: appEnv,
		readyTimeoutMs: 300_000,
		onSpawn: (s) => trackServer('app', s)
	});
	await priming.stop();
	log(`mail: the fan-out to 10,000 supporters, and Geel's pool made ${fmt.int(count)} people…`);
	const prepared = await worker('prepare', { MAIL_BENCH_COUNT: String(count) });
	if (prepared.audience !== count) throw new Error(`Geel's pool is ${prepared.audience}, not ${count}`);

	const app = await startAppServer({
		root,
		dataDir,
		env: { ...appEnv, SMTP_URL: sink.url, DEV_IDP_PEOPLE: String(MAIL.people) },
		onSpawn: (s) => trackServer('app', s)
	});
	log(
		`mail: app ready on ${app.baseUrl} (pid ${app.pid}); logging in ${MAIL.people} citizens and the officer…`
	);
	const pool = await logInPeople({
		baseUrl: app.baseUrl,
		people: MAIL.people,
		moderator: OFFICER,
		moderatorSessions: 1,
		concurrency: 10
	});
	const officer = pool.moderators[0].token;
	const created = await postForm(app.baseUrl, '/geel/beheer/nieuwsbrieven/nieuw?/save', officer, {
		subject: SUBJECT,
		body: BODY,
		audience: 'pool'
	});
	const newsletterId = Number(/\/nieuwsbrieven\/(\d+)/.exec(created ?? '')?.[1]);
	if (!newsletterId) throw new Error(`creating the newsletter went to ${created}`);
	const key = `newsletter:${newsletterId}`;
	// The signed-in page first: it is the one that meets the database, so it is measured from the press
	// on, while the rest is still being queued; the visitor's page (the page cache) after it.
	const pages = [
		{ name: 'signed in: action page', path: await actionPath(app.baseUrl), people: pool.citizens },
		{ name: 'visitor: municipality home (page cache)', path: '/geel' }
	];

	log(`mail: idle, the citizen pages with ${MAIL.connections} connections…`);
	const idle = await measurePages({ baseUrl: app.baseUrl, pages, opts });
	// Said as soon as known, so a long run that is stopped still leaves its figures in the log.
	for (const r of idle)
		log(
			`mail: idle ${r.path}: p99 ${fmt.ms(r.load.latencyMs.p99)}, max ${fmt.ms(r.load.latencyMs.max)}, ${fmt.num(r.load.reqPerSec)} req/s`
		);

	log(`mail: "Versturen" pressed for newsletter ${newsletterId} to ${fmt.int(count)} people…`);
	const pressed = performance.now();
	await postForm(app.baseUrl, `/geel/beheer/nieuwsbrieven/${newsletterId}?/send`, officer, {
		when: 'now',
		at: ''
	});
	// Every mail is queued when the newsletter's status is `sent`: its public archive page then answers 200.
	let enqueuedAt = null;
	const archive = new URL(`/geel/nieuwsbrieven/${newsletterId}`, app.baseUrl);
	const watchQueue = (async () => {
		while (enqueuedAt === null && performance.now() - pressed < 30 * 60_000) {
			const response = await fetch(archive, { headers: { authorization: 'Bench uncached' } });
			await response.arrayBuffer();
			if (response.status === 200) {
				enqueuedAt = performance.now();
				log(`mail: all ${fmt.int(count)} queued ${fmt.ms(enqueuedAt - pressed)} after "Versturen"`);
			} else await new Promise((resolve) => setTimeout(resolve, 200));
		}
	})();
	// Two phases, each measured on its own: while the newsletter is being sent (from "Versturen" on: the list
	// being built, then the queueing transactions and the first deliveries), the signed-in page (the one that
	// meets the database); then, once everything is queued, while the mails are only delivered, both pages.
	const phase = async (name, measured) => {
		const atStart = (await sink.of(key)).distinct;
		const queuedBefore = enqueuedAt !== null;
		log(`mail: while ${name}, ${measured.map((p) => p.path).join(' and ')}…`);
		const results = await measurePages({ baseUrl: app.baseUrl, pages: measured, opts, since: pressed });
		const atEnd = (await sink.of(key)).distinct;
		for (const r of results)
			log(
				`mail: while ${name} ${r.path}: p99 ${fmt.ms(r.load.latencyMs.p99)}, max ${fmt.ms(r.load.latencyMs.max)}, ${fmt.num(r.load.reqPerSec)} req/s`
			);
		return { name, results, atStart, atEnd, queuedBefore, queuedAfter: enqueuedAt !== null };
	};
	const queueing = await phase('queueing', [pages[0]]);
	await Promise.race([watchQueue, new Promise((resolve) => setTimeout(resolve, 30 * 60_000))]);
	const delivering = await phase('delivering', pages);
	log(
		`mail: fan-out to ${fmt.int(prepared.fanOut.supporters)} supporters took ${fmt.ms(prepared.fanOut.ms)}`
	);
	const phases = [queueing, delivering];

	let last = { distinct: -1, at: performance.now() };
	for (;;) {
		const now = await sink.of(key);
		if (now.distinct >= count && enqueuedAt !== null) break;
		if (now.distinct !== last.distinct) {
			if (Math.floor(now.distinct / 10_000) > Math.floor(Math.max(0, last.distinct) / 10_000))
				log(
					`mail: ${fmt.int(now.distinct)} delivered, ${fmt.int(now.distinct / ((performance.now() - now.first) / 1000))}/s so far`
				);
			last = { distinct: now.distinct, at: performance.now() };
		} else if (performance.now() - last.at > STALL_MS)
			throw new Error(`no mail arrived for ${STALL_MS / 1000} s at ${now.distinct} of ${count}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await watchQueue;
	// Mails still on their way (a retry, a duplicate) would show now.
	await new Promise((resolve) => setTimeout(resolve, 2_000));
	const received = await sink.of(key);
	const memory = app.memory();
	await app.stop();
	const counted = await worker('count', { NEWSLETTER_ID: String(newsletterId) });

	const enqueueMs = enqueuedAt - pressed;
	const deliverS = (received.last - received.first) / 1000;
	const perSecond = deliverS > 0 ? received.mails / deliverS : received.mails;
	const endToEnd = received.mails / ((received.last - pressed) / 1000);
	// Each page's p99 in each phase against its idle figure.
	const pagesCompared = phases.flatMap((ph) =>
		ph.results.map((r) => {
			const before = idle[pages.findIndex((p) => p.path === r.path)];
			return {
				phase: ph.name,
				name: r.name,
				path: r.path,
				idle: before,
				sending: r,
				ratio: r.load.latencyMs.p99 / Math.max(1, before.load.latencyMs.p99)
			};
		})
	);
	const checks = [
		{
			what: `recipient list built and ${fmt.int(count)} mails queued ("Versturen" → archive)`,
			measured: fmt.ms(enqueueMs),
			target: `≤ ${fmt.ms(MAIL.targets.enqueueMs)}`,
			pass: enqueueMs <= MAIL.targets.enqueueMs
		},
		{
			what: `delivered to the SMTP sink${database === 'postgres' ? '' : ' (target on PostgreSQL only)'}`,
			measured: `${fmt.int(perSecond)}/s`,
			target: `≥ ${MAIL.targets.perSecond}/s`,
			pass: database !== 'postgres' || perSecond >= MAIL.targets.perSecond
		},
		{
			what: 'mails at the sink, distinct recipients, ledger sent',
			measured: `${fmt.int(received.mails)}, ${fmt.int(received.distinct)}, ${fmt.int(counted.ledger.sent)}`,
			target: `exactly ${fmt.int(count)} each`,
			pass: received.mails === count && received.distinct === count && counted.ledger.sent === count
		},
		...pagesCompared.map((p) => ({
			what: `p99 while ${p.phase} / idle: ${p.name}`,
			measured: `${fmt.ms(p.sending.load.latencyMs.p99)} / ${fmt.ms(p.idle.load.latencyMs.p99)} = ${fmt.num(p.ratio, 2)}×`,
			target: `≤ ${MAIL.targets.p99Ratio}×`,
			pass: p.ratio <= MAIL.targets.p99Ratio
		})),
		{
			what: `fan-out of a status change to ${fmt.int(prepared.fanOut.supporters)} supporters`,
			measured: `${fmt.ms(prepared.fanOut.ms)} (${fmt.int(prepared.fanOut.notifications)} notifications)`,
			target: `≤ ${fmt.ms(MAIL.targets.fanOutMs)}`,
			pass: prepared.fanOut.ms <= MAIL.targets.fanOutMs
		}
	];
	const invalid = [];
	// A phase counts only when it was what it says: queueing still under way all through the measurement "while
	// queueing" (it starts at the press, before the first mail), and mail still arriving at the sink all through
	// the measurement "while delivering".
	if (queueing.queuedAfter)
		invalid.push(
			`everything was queued before the measurement "while queueing" ended: use a larger --mail-count`
		);
	if (!(delivering.atEnd < count && delivering.atEnd > delivering.atStart))
		invalid.push(
			`the pages' measurement while delivering was not all while mail was delivered (${fmt.int(delivering.atStart)} → ` +
				`${fmt.int(delivering.atEnd)} of ${fmt.int(count)} at the sink): use a larger --mail-count`
		);
	for (const p of pagesCompared)
		for (const [when, r] of [
			['idle', p.idle],
			[`while ${p.phase}`, p.sending]
		])
			if (r.load.failedShare > 0.01 || r.wrong > 0)
				invalid.push(
					`${p.path} ${when}: ${fmt.pct(r.load.failedShare)} not 2xx ${JSON.stringify(r.load.statusCodes)}, ${r.wrong} not the person's own page`
				);

	const args = process.argv.slice(2).map((a) => (a.startsWith('postgres') ? redactUrl(a) : a));
	const command = `npm run bench -- ${args.join(' ')}`;
	console.log('');
	console.log(
		`Mail (issue 18): a newsletter to ${fmt.int(count)} people${count === MAIL.count ? '' : ` (fewer than the issue's ${fmt.int(MAIL.count)}: --mail-count)`}, ` +
			`written and sent by Geel's communication officer in the back office; database: ` +
			`${database === 'postgres' ? 'PostgreSQL (--database-url)' : 'embedded PGlite'}; SMTP pool ${process.env.SMTP_POOL_SIZE ?? '5 (default)'}, ` +
			`rate ${process.env.MAIL_RATE_PER_SECOND || 'unlimited'}; ${os.cpus().length} cores, load average ` +
			`${loadAtStart.toFixed(2)} at the start, ${os.loadavg()[0].toFixed(2)} at the end`
	);
	console.log(
		table(
			['list + queued', 'first mail', 'last mail', 'mails/s (first → last)', 'mails/s ("Versturen" → last)'],
			[
				[
					fmt.ms(enqueueMs),
					fmt.ms(received.first - pressed),
					fmt.ms(received.last - pressed),
					fmt.int(perSecond),
					fmt.int(endToEnd)
				]
			],
			{ align: ['right', 'right', 'right', 'right', 'right'] }
		)
	);
	console.log('');
	console.log(
		`Citizen pages, ${MAIL.connections} connections, ${opts.duration} s after ${opts.warmup} s warm-up: idle, then ` +
			`while the mails are queued (${fmt.int(queueing.atStart)} → ${fmt.int(queueing.atEnd)} at the sink during it), then ` +
			`once all are queued while they are delivered (${fmt.int(delivering.atStart)} → ${fmt.int(delivering.atEnd)}); ` +
			`signed in: each request another of ${MAIL.people} people`
	);
	console.log(
		table(
			['page', 'phase', 'idle req/s', 'idle p50', 'idle p99', 'req/s', 'p50', 'p99', 'p99 ratio'],
			pagesCompared.map((p) => [
				`${p.name} ${p.path}`,
				p.phase,
				fmt.num(p.idle.load.reqPerSec),
				fmt.ms(p.idle.load.latencyMs.p50),
				fmt.ms(p.idle.load.latencyMs.p99),
				fmt.num(p.sending.load.reqPerSec),
				fmt.ms(p.sending.load.latencyMs.p50),
				fmt.ms(p.sending.load.latencyMs.p99),
				`${fmt.num(p.ratio, 2)}×`
			]),
			{ align: [null, null, 'right', 'right', 'right', 'right', 'right', 'right', 'right'] }
		)
	);
	// Whether each page's window met the queueing (its transactions) or only the delivery.
	for (const p of pagesCompared) {
		const [from, to] = p.sending.window;
		const what =
			enqueueMs > from ? `queueing until ${fmt.ms(Math.min(enqueueMs, to))}, then delivery` : 'delivery only';
		console.log(
			`  ${p.name}, ${p.phase}: measured ${fmt.ms(from)} → ${fmt.ms(to)} after "Versturen" (${what})`
		);
	}
	console.log('');
	console.log(
		`Fan-out: a moderator changes the status of a suggestion with ${fmt.int(prepared.fanOut.supporters)} supporters ` +
			`(suggestions service), then one pass of the app's event dispatcher writes ${fmt.int(prepared.fanOut.notifications)} ` +
			`notifications: ${fmt.ms(prepared.fanOut.ms)}`
	);
	console.log(
		`Ledger afterwards (newsletter:${newsletterId}): ${JSON.stringify(counted.ledger)}; recipient list ${fmt.int(counted.recipients)}, ` +
			`queued ${fmt.int(counted.queued)}, status ${counted.status}; other mails at the sink: ${await sink.others()}`
	);
	console.log('');
	console.log(
		table(
			['target', 'measured', 'target', 'result'],
			checks.map((c) => [c.what, c.measured, c.target, c.pass ? 'PASS' : 'FAIL']),
			{ align: [null, 'right', 'right'] }
		)
	);
	for (const line of invalid) console.log(`INVALID: ${line}`);
	const results = {
		when: new Date().toISOString(),
		commit: gitCommit(),
		command,
		machine: {
			cores: os.cpus().length,
			cpu: os.cpus()[0]?.model ?? null,
			node: process.version,
			loadAverageAtStart: loadAtStart,
			loadAverageAtEnd: os.loadavg()[0]
		},
		database,
		buildMs,
		mail: { ...MAIL, count },
		result: {
			newsletterId,
			enqueueMs: Math.round(enqueueMs),
			firstMailMs: Math.round(received.first - pressed),
			lastMailMs: Math.round(received.last - pressed),
			perSecond: Math.round(perSecond),
			endToEndPerSecond: Math.round(endToEnd),
			smtpPoolSize: process.env.SMTP_POOL_SIZE ?? null,
			ratePerSecond: process.env.MAIL_RATE_PER_SECOND ?? null,
			appRssBytes: memory?.rssBytes ?? null
		},
		received,
		ledger: counted,
		fanOut: prepared.fanOut,
		pages: pagesCompared.map((p) => ({
			phase: p.phase,
			name: p.name,
			path: p.path,
			idle: p.idle.load,
			sending: p.sending.load,
			sendingWindowMs: p.sending.window,
			ratio: p.ratio
		})),
		measuredWhileSending: Object.fromEntries(
			phases.map((ph) => [ph.name, { atStart: ph.atStart, atEnd: ph.atEnd, queuedBefore: ph.queuedBefore }])
		),
		checks,
		invalid,
		pass: checks.every((c) => c.pass) && invalid.length === 0
	};
	const traced = path.join(root, 'docs', 'bench', `mail-${database}.json`);
	mkdirSync(path.dirname(traced), { recursive: true });
	writeFileSync(traced, JSON.stringify(results, null, '\t') + '\n');
	console.log('');
	console.log(`Results written to ${path.relative(root, traced)}.`);
	console.log(`Repeat with: ${command}`);
	// Anything but exactly one mail per person is a broken product, never a figure to report only.
	if (!checks[2].pass || invalid.length > 0) return 1;
	if (opts.fail && checks.some((c) => !c.pass)) return 1;
	return 0;
}
