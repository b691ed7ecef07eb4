// `npm start`: builds when there is no build yet, then serves Meedoen with the adapter-node server: on
// PostgreSQL in PROCESSES processes (node:cluster, one port; default the number of cores), on the embedded
// database in one. The first process (MEEDOEN_PROCESS=1) runs what must run once per start (the development
// identity provider); a process that dies is started again. SIGTERM stops them all, each finishing its requests.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import cluster from 'node:cluster';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const entry = path.join(root, 'build', 'index.js');

if (cluster.isWorker) {
	await import(pathToFileURL(entry).href);
} else {
	await startPrimary();
}

async function startPrimary() {
	if (!existsSync(entry)) {
		console.log('Meedoen: nog geen build gevonden, eerst bouwen (eenmalig, ± een halve minuut)…');
		const result = spawnSync(
			process.execPath,
			[path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
			{
				stdio: 'inherit'
			}
		);
		if (result.status !== 0) process.exit(result.status ?? 1);
	}

	// Without ORIGIN, adapter-node assumes https; form posts from http://localhost would then be refused.
	const port = process.env.PORT?.trim() || '3000';
	const host = process.env.HOST?.trim() || '0.0.0.0';
	if (!process.env.ORIGIN?.trim() && !process.env.PROTOCOL_HEADER) {
		process.env.ORIGIN = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
	}

	// Suggestion photos go up to 10 MB (action photos 2 MB, logos 1 MB) plus the form; adapter-node's default
	// body limit is 512 KB. Larger bodies get a calm Dutch 413 page.
	process.env.BODY_SIZE_LIMIT ??= '12M';

	const processes = processCount();
	if (processes === 1) {
		await import(pathToFileURL(entry).href);
		return;
	}
	await shareDevIdp(host);
	runProcesses(processes, port);
}

/** PROCESSES (or WEB_CONCURRENCY, as hosting platforms name it); the cores by default; 1 on the embedded database. */
function processCount() {
	const name = process.env.PROCESSES?.trim() ? 'PROCESSES' : 'WEB_CONCURRENCY';
	const raw = process.env[name]?.trim();
	if (raw && !/^[1-9]\d{0,2}$/.test(raw)) {
		console.error(`Meedoen: ${name} verwacht een aantal processen van 1 tot 999, niet "${raw}".`);
		process.exit(78);
	}
	if (!process.env.DATABASE_URL?.trim()) {
		if (raw && raw !== '1')
			console.log(
				`Meedoen: de ingebouwde databank draait in één proces; ${name}=${raw} geldt alleen met DATABASE_URL (PostgreSQL).`
			);
		return 1;
	}
	return raw ? Number(raw) : os.availableParallelism();
}

/**
 * The development identity provider runs in the first process only (it keeps its logins in memory); the others
 * need its port and the client secret, so both are fixed here when they would otherwise differ per process.
 */
async function shareDevIdp(host) {
	process.env.DEV_IDP_CLIENT_SECRET ??= randomBytes(24).toString('base64url');
	if (process.env.DEV_IDP_PORT?.trim() !== '0') return;
	process.env.DEV_IDP_PORT = String(
		await new Promise((resolve, reject) => {
			const probe = createServer();
			probe.on('error', reject);
			probe.listen(0, host === '0.0.0.0' ? undefined : host, () => {
				const address = probe.address();
				probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
			});
		})
	);
}

function runProcesses(count, port) {
	console.log(`Meedoen: ${count} processen op poort ${port}.`);
	// The processes accept connections from the shared port themselves (the kernel hands each to one of them)
	// instead of this process accepting and passing them round. Passed round, a connection that came in the
	// moment a process was killed went to the dead one and was never answered (start-processes.test.ts: a
	// /healthz right after kill -9 hung, 3 runs of 3); accepted by the processes, it goes to one that lives.
	cluster.schedulingPolicy = cluster.SCHED_NONE;
	const started = new Map();
	let stopping = false;
	let exitCode = 0;
	const fork = (number) => {
		const worker = cluster.fork({ MEEDOEN_PROCESS: String(number) });
		started.set(worker.id, { number, at: Date.now() });
	};
	for (let number = 1; number <= count; number++) fork(number);

	cluster.on('exit', (worker, code, signal) => {
		const { number, at } = started.get(worker.id) ?? { number: 0, at: 0 };
		started.delete(worker.id);
		if (stopping) {
			if (code) exitCode ||= code;
			if (started.size === 0) process.exit(exitCode);
			return;
		}
		// Refused at start (configuration, the database unreachable): starting again would only repeat it.
		if (Date.now() - at < 10_000 && code !== 0) {
			console.error(
				`Meedoen: proces ${number} stopte bij het starten (exit ${code ?? signal}); alles stopt.`
			);
			stopAll(code || 1);
			return;
		}
		console.error(`Meedoen: proces ${number} stopte (exit ${code ?? signal}); het start opnieuw.`);
		setTimeout(() => fork(number), 1_000);
	});

	function stopAll(code) {
		if (stopping) return;
		stopping = true;
		exitCode = code;
		if (started.size === 0) process.exit(exitCode);
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
	}
	process.on('SIGTERM', () => stopAll(0));
	process.on('SIGINT', () => stopAll(0));
}
