// The mail bench (issue 18), `npm run bench -- --only mail [--mail-count N]`: a newsletter to 100,000 people
// (N) on a fresh database, sent by the app itself (scripts/bench/mail.ts in vite-node: startApp with jobs on,
// its SMTP pool and rate as configured) to a local SMTP sink (npm smtp-server, in this process, which only
// counts). Prints the time to build the recipient list and queue it (target ≤ 30 s) and the mails delivered per
// second (target ≥ 300/s on PostgreSQL; printed on the embedded database), and checks that the sink got exactly
// N mails to N distinct people and the ledger says N sent. Results in docs/bench/mail-<database>.json.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { createBenchDatabase } from './database.mjs';
import { fmt, table } from './report.mjs';
import { gitCommit, redactUrl } from './run-support.mjs';

export const MAIL = { count: 100_000, targets: { enqueueMs: 30_000, perSecond: 300 } };

/** An SMTP server that accepts everything and counts mails and distinct recipients. */
async function startSink() {
	const recipients = new Set();
	let mails = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			stream.on('data', () => {});
			stream.on('end', () => {
				mails++;
				for (const r of session.envelope.rcptTo) recipients.add(r.address.toLowerCase());
				callback();
			});
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `smtp://127.0.0.1:${server.server.address().port}`,
		counts: () => ({ mails, distinct: recipients.size }),
		close: () => new Promise((resolve) => server.close(resolve))
	};
}

function runWorker(root, env, onSpawn) {
	const child = spawn(
		process.execPath,
		[
			path.join(root, 'node_modules', 'vite-node', 'vite-node.mjs'),
			'--config',
			'vite.scripts.config.ts',
			'scripts/bench/mail.ts'
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
				reject(new Error(`scripts/bench/mail.ts failed (exit ${code}): ${stderr.slice(-1500)}`));
			else resolve(JSON.parse(line));
		});
	});
}

export async function runMailBench({ root, benchDir, opts, log, onCleanup }) {
	const loadAtStart = os.loadavg()[0];
	const count = opts.mailCount ?? MAIL.count;
	const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
	const dataDir = path.join(benchDir, `data-mail-${stamp}-${process.pid}`);
	mkdirSync(dataDir, { recursive: true });
	onCleanup('remove data folder', () => rm(dataDir, { recursive: true, force: true, maxRetries: 3 }));
	const sink = await startSink();
	onCleanup('stop the SMTP sink', () => sink.close());
	let env = { DATA_DIR: dataDir, SMTP_URL: sink.url, MAIL_BENCH_COUNT: String(count), DATABASE_URL: '' };
	if (opts.databaseUrl) {
		const database = await createBenchDatabase(
			opts.databaseUrl,
			`meedoen_bench_mail_${stamp.toLowerCase()}_${process.pid}`
		);
		onCleanup('drop the PostgreSQL database', () => database.drop());
		env = { ...env, DATABASE_URL: database.url };
	}
	const database = opts.databaseUrl ? 'postgres' : 'pglite';
	log(`mail: a newsletter to ${fmt.int(count)} people on ${database}, delivered to a local SMTP sink…`);
	const result = await runWorker(root, env, (child) =>
		onCleanup('stop the mail worker', () => {
			if (child.exitCode === null) child.kill('SIGKILL');
		})
	);
	// Let the sink take the last replies' mails (the worker exits after the ledger says sent).
	await new Promise((resolve) => setTimeout(resolve, 200));
	const received = sink.counts();

	const checks = [
		{
			what: `recipient list built and ${fmt.int(count)} mails queued`,
			measured: fmt.ms(result.enqueueMs),
			target: `≤ ${fmt.ms(MAIL.targets.enqueueMs)}`,
			pass: result.enqueueMs <= MAIL.targets.enqueueMs
		},
		{
			what: `delivered to the SMTP sink${database === 'postgres' ? '' : ' (target on PostgreSQL only)'}`,
			measured: `${fmt.int(result.perSecond)}/s`,
			target: `≥ ${MAIL.targets.perSecond}/s`,
			pass: database !== 'postgres' || result.perSecond >= MAIL.targets.perSecond
		},
		{
			what: 'mails at the sink, distinct recipients, ledger sent',
			measured: `${fmt.int(received.mails)}, ${fmt.int(received.distinct)}, ${fmt.int(result.ledger.sent ?? 0)}`,
			target: `exactly ${fmt.int(count)} each`,
			pass: received.mails === count && received.distinct === count && result.ledger.sent === count
		}
	];
	console.log('');
	console.log(
		`Mail (issue 18): a newsletter to ${fmt.int(count)} people${count === MAIL.count ? '' : ` (fewer than the issue's ${fmt.int(MAIL.count)}: --mail-count)`}; database: ` +
			`${database === 'postgres' ? 'PostgreSQL (--database-url)' : 'embedded PGlite'}; SMTP pool ${result.smtpPoolSize}, ` +
			`rate ${result.ratePerSecond || 'unlimited'}; ${os.cpus().length} cores, load average ${loadAtStart.toFixed(2)} at the start`
	);
	console.log(
		table(
			['list built', 'list + queued', 'delivered in', 'mails/s'],
			[
				[fmt.ms(result.listMs), fmt.ms(result.enqueueMs), fmt.ms(result.deliverMs), fmt.int(result.perSecond)]
			],
			{ align: ['right', 'right', 'right', 'right'] }
		)
	);
	console.log(
		table(
			['target', 'measured', 'target', 'result'],
			checks.map((c) => [c.what, c.measured, c.target, c.pass ? 'PASS' : 'FAIL']),
			{ align: [null, 'right', 'right'] }
		)
	);
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
		database,
		mail: { ...MAIL, count },
		result,
		received,
		checks,
		pass: checks.every((c) => c.pass)
	};
	const traced = path.join(root, 'docs', 'bench', `mail-${database}.json`);
	mkdirSync(path.dirname(traced), { recursive: true });
	writeFileSync(traced, JSON.stringify(results, null, '\t') + '\n');
	console.log('');
	console.log(`Results written to ${path.relative(root, traced)}.`);
	console.log(`Repeat with: ${results.command}`);
	// Anything but exactly one mail per person is a broken product, never a figure to report only.
	if (!checks[2].pass) return 1;
	if (opts.fail && checks.some((c) => !c.pass)) return 1;
	return 0;
}
