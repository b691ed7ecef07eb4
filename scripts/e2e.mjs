// `npm run test:e2e`: the browser journeys. Makes sure Chromium is there, builds the current code (always,
// so the journeys never test a stale build), then runs vitest with vitest.e2e.config.ts.
// Extra arguments go to vitest: `npm run test:e2e -- tests/e2e/keyboard.test.ts`.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChromiumError, ensureChromium } from './ensure-chromium.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(args, env = {}) {
	const result = spawnSync(process.execPath, args, {
		cwd: root,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, ...env }
	});
	if (result.error) console.error(result.error);
	return result.status ?? 1;
}

/** `vite build` of the current code; returns the exit code. */
export function build() {
	console.log('Meedoen: bouwen voor de browsertests (vite build)…');
	return run([path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build']);
}

/**
 * `vite build` in the background, its output straight into `logFile` (not through this process, which may be
 * blocked in a spawnSync meanwhile): resolves with the exit code and the output, for `npm test` to print
 * when the journeys begin.
 */
export function buildQuietly(logFile) {
	const fd = openSync(logFile, 'w');
	const child = spawn(process.execPath, [path.join('node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: root,
		stdio: ['ignore', fd, fd]
	});
	closeSync(fd);
	return new Promise((resolve) => {
		let error = '';
		child.on('error', (err) => (error = `${err.stack ?? err}\n`));
		child.on('close', (status) => resolve({ code: status ?? 1, log: readFileSync(logFile, 'utf8') + error }));
	});
}

/** Runs vitest with the given arguments (after `run`); returns the exit code. */
export function vitest(args, env = {}) {
	return run([path.join('node_modules', 'vitest', 'vitest.mjs'), 'run', ...args], env);
}

export const E2E_CONFIG = ['--config', 'vitest.e2e.config.ts'];

const invokedDirectly =
	process.argv[1] && path.resolve(process.argv[1]) === path.resolve(fileURLToPath(import.meta.url));
if (invokedDirectly) {
	try {
		ensureChromium();
	} catch (err) {
		console.error(err instanceof ChromiumError ? err.message : err);
		process.exit(1);
	}
	const built = build();
	if (built !== 0) {
		console.error(`De build mislukte (exit ${built}); de browsertests lopen niet.`);
		process.exit(built);
	}
	process.exit(vitest([...E2E_CONFIG, ...process.argv.slice(2)]));
}
