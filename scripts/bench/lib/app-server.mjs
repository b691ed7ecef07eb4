// The real app: the built adapter-node server (`node build/index.js`) on 127.0.0.1, with its own data.
import { spawn } from 'node:child_process';
import path from 'node:path';
import {
	captureOutput,
	freePorts,
	hasExited,
	processMemory,
	stopProcess,
	waitForExit
} from './processes.mjs';

const READY_TIMEOUT_MS = 90_000;

/** Configuration the app reads (src/lib/server/platform/config.ts) and adapter-node's own variables. */
const APP_VARIABLES = [
	'DATABASE_URL',
	'SMTP_URL',
	'MAIL_FROM',
	'DEMO',
	'JOBS',
	'FRAME_ANCESTORS',
	'PROTOCOL_HEADER',
	'HOST_HEADER',
	'PORT_HEADER',
	'ADDRESS_HEADER',
	'XFF_DEPTH',
	'BODY_SIZE_LIMIT',
	'IDLE_TIMEOUT',
	'API_READ_LIMIT'
];

/**
 * Starts the app on a free port with DATA_DIR = `dataDir` and resolves once GET /healthz answers 200.
 * `onSpawn(server)` is called as soon as the process exists, so the caller can stop it on Ctrl-C even
 * while it is still starting. `readyTimeoutMs`: how long the first boot (migrations, demo content) may take.
 *
 * The environment is the caller's minus the app's own variables, so the app runs with its defaults on a
 * fresh embedded database whatever the shell has set (no PostgreSQL server, no SMTP relay, no real
 * identity provider). The demo installation starts the bundled development identity provider on
 * PORT+1 by default; DEV_IDP_PORT=0 gives it any free port, so a busy PORT+1 cannot make the start fail.
 */
export async function startAppServer({
	root,
	dataDir,
	env: extraEnv = {},
	onSpawn,
	readyTimeoutMs = READY_TIMEOUT_MS
}) {
	const env = { ...process.env };
	for (const name of Object.keys(env))
		if (APP_VARIABLES.includes(name) || /^(OIDC|SESSION|DEV_IDP)_?/.test(name)) delete env[name];
	const [port] = await freePorts(1);
	const baseUrl = `http://127.0.0.1:${port}`;
	Object.assign(env, {
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: baseUrl,
		LOG_LEVEL: 'warn',
		NODE_ENV: 'production',
		SHUTDOWN_TIMEOUT: '5',
		DEV_IDP_PORT: '0',
		// The load comes from one address: the API's per-address read limit would measure itself, not the app.
		API_READ_LIMIT: '0',
		// Only what the run asks for itself, e.g. DATABASE_URL for --database-url.
		...extraEnv
	});

	const started = performance.now();
	const child = spawn(process.execPath, [path.join(root, 'build', 'index.js')], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output = captureOutput(child);
	const server = {
		child,
		pid: child.pid,
		baseUrl,
		output,
		startMs: 0,
		memory: () => processMemory(child.pid),
		stop: () => stopProcess(child)
	};
	onSpawn?.(server);

	try {
		await waitUntilHealthy(server, readyTimeoutMs);
	} catch (error) {
		await server.stop();
		error.message += `\n--- last lines of the app ---\n${output.tail()}`;
		throw error;
	}
	server.startMs = Math.round(performance.now() - started);
	return server;
}

async function waitUntilHealthy(server, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer yet';
	while (Date.now() < deadline) {
		if (hasExited(server.child))
			throw new Error(`the app stopped during start-up (exit code ${server.child.exitCode})`);
		try {
			const response = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
			await response.arrayBuffer();
			if (response.status === 200) return;
			last = `status ${response.status}`;
		} catch (error) {
			last = error.cause?.code ?? error.message;
		}
		await waitForExit(server.child, 250);
	}
	throw new Error(`the app did not answer /healthz with 200 within ${timeoutMs / 1000} s (${last})`);
}
