// Starts the BUILT server (`node build/index.js`, as `npm start` does with one process; or `npm start`'s own
// scripts/start.mjs, for several) on a free port and a data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const entry = path.join(projectRoot, 'build', 'index.js');
const startScript = path.join(projectRoot, 'scripts', 'start.mjs');

export interface RunningServer {
	/** http://127.0.0.1:<port>, without a trailing slash */
	url: string;
	port: number;
	dataDir: string;
	/** The server's process id. */
	pid: number;
	/** Everything the server wrote to stdout and stderr so far. */
	output(): string;
	/** SIGTERM, then waits for the process to exit (SIGKILL after `graceMs`). Returns the exit code. */
	stop(graceMs?: number): Promise<number | null>;
	/** SIGKILL, as a crash or an out-of-memory kill would end it; resolves once the process is gone. */
	kill(): Promise<void>;
}

/** A fresh, empty data folder under the system's temp folder. */
export function makeDataDir(): string {
	return mkdtempSync(path.join(os.tmpdir(), 'meedoen-e2e-'));
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** A data folder with the migrated database and the demo content (global-setup.ts), to copy. */
		demoDataDir?: string;
	}
}

/**
 * The setup's demo data folder, when this runs in a journey. Imported here, not at the top: vitest's test
 * API cannot load in the global setup, which imports this module too.
 */
async function demoTemplate(): Promise<string | undefined> {
	try {
		const { inject } = await import('vitest');
		return inject('demoDataDir');
	} catch {
		return undefined;
	}
}

/**
 * A fresh data folder for a server started with these settings: a copy of the demo data folder the global
 * setup made once (what a first start would write: migrations and demo content, no job run yet), which saves
 * each journey's server the database's creation and the demo's loading; an empty one when the settings
 * change what a first start writes (DEMO, DATABASE_URL) or there is no copy to take. A test that reads or
 * arranges the folder before its server starts (withDataFolder) takes one here instead of starting a server
 * only to stop it again.
 */
export async function freshDataDir(env: Record<string, string> = {}): Promise<string> {
	const template = await demoTemplate();
	const dataDir = makeDataDir();
	if (template && env.DEMO === undefined && env.DATABASE_URL === undefined) {
		cpSync(template, dataDir, { recursive: true });
	}
	return dataDir;
}

/**
 * Starts a server once on an empty folder with jobs off, so the folder holds what a first start writes
 * before any job runs, and stops it: the folder every journey's fresh server starts from (freshDataDir).
 */
export async function makeDemoDataDir(): Promise<string> {
	const server = await startServer({ dataDir: makeDataDir(), env: { JOBS: '0' }, timeoutMs: 180_000 });
	const code = await server.stop();
	if (code !== 0) throw new Error(`the demo data folder's server exited with ${code}:\n${server.output()}`);
	return server.dataDir;
}

export function removeDataDir(dataDir: string): void {
	rmSync(dataDir, { recursive: true, force: true });
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.unref();
		probe.on('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Starts `node build/index.js` with DATA_DIR, PORT, HOST=127.0.0.1, ORIGIN and LOG_LEVEL=warn and waits
 * until /healthz answers 200. Without `dataDir` a fresh folder is used (freshDataDir: a copy of the demo one).
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
	if (!existsSync(entry)) {
		throw new Error(`${entry} ontbreekt: bouw eerst (npm run test:e2e bouwt altijd vóór de journeys).`);
	}
	const dataDir = options.dataDir ?? (await freshDataDir(options.env));
	// A port found free may be taken by another process (another journey's server or identity provider)
	// before the server listens on it: then the server stops with EADDRINUSE and starts again on another.
	for (let attempt = 1; ; attempt++) {
		try {
			return await startOnce(options, dataDir);
		} catch (err) {
			if (attempt >= 3 || !(err instanceof Error) || !err.message.includes('EADDRINUSE')) throw err;
		}
	}
}

type StartOptions = {
	dataDir?: string;
	env?: Record<string, string>;
	timeoutMs?: number;
	/**
	 * Through scripts/start.mjs, exactly as `npm start` runs the build: on PostgreSQL with PROCESSES processes
	 * (node:cluster) under a first process that starts them again. The server's pid is that first process's.
	 */
	viaStartScript?: boolean;
};

async function startOnce(options: StartOptions, dataDir: string): Promise<RunningServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = { ...process.env };
	// The server must not pick up test or development settings of the shell that runs the tests.
	for (const name of [
		'DATABASE_URL',
		'DEMO',
		'SMTP_URL',
		'FRAME_ANCESTORS',
		'JOBS',
		'NODE_ENV',
		'TEST_DB',
		'PROCESSES',
		'WEB_CONCURRENCY',
		'API_READ_LIMIT'
	]) {
		delete env[name];
	}
	Object.assign(env, {
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		LOG_LEVEL: 'warn',
		// The development identity provider on any free port, so servers started side by side never clash.
		DEV_IDP_PORT: '0',
		// No base-map tiles from the internet: the journeys run offline (map.test.ts sets its own TILE_URL).
		TILE_URL: 'none',
		// Every journey reads from 127.0.0.1, the fuzzing thousands of times: no per-address API read limit
		// unless a test sets one (tests/e2e/api-integrators.test.ts).
		API_READ_LIMIT: '0',
		...options.env
	});

	const child = spawn(process.execPath, [options.viaStartScript ? startScript : entry], {
		cwd: projectRoot,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const exit = exited(child);

	// A minute: a fresh server still loading its demo content when stopped finishes that first, and on a loaded CI
	// machine (its journeys twice as slow as usual) that took longer than 15 s and the server was killed.
	const stop = async (graceMs = 60_000) => {
		if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		try {
			return await exit;
		} finally {
			clearTimeout(timer);
		}
	};

	// Two minutes: on a shared, loaded machine a journey's server took longer than one to answer its health check.
	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	let lastProblem = 'no answer yet';
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(
				`the server stopped during start-up (exit ${child.exitCode ?? child.signalCode}):\n${output}`
			);
		}
		try {
			const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
			if (response.status === 200) {
				const kill = async () => {
					child.kill('SIGKILL');
					await exit;
				};
				return { url, port, dataDir, pid: child.pid!, output: () => output, stop, kill };
			}
			lastProblem = `/healthz answered ${response.status}`;
		} catch (err) {
			lastProblem = err instanceof Error ? err.message : String(err);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await stop(2_000);
	throw new Error(`the server did not become healthy in time (${lastProblem}):\n${output}`);
}

/** The processes whose parent is `pid` (the processes of `npm start`, say), with their environment's MEEDOEN_PROCESS. */
export function childProcesses(pid: number): { pid: number; number: number | null }[] {
	const children: { pid: number; number: number | null }[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// /proc/<pid>/stat: "pid (command) state ppid …"; the command may hold spaces and parentheses.
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid !== pid) continue;
			const environ = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0');
			const number = environ.find((e) => e.startsWith('MEEDOEN_PROCESS='))?.slice('MEEDOEN_PROCESS='.length);
			children.push({ pid: Number(name), number: number ? Number(number) : null });
		} catch {
			// gone meanwhile
		}
	}
	return children;
}
