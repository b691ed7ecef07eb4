// What the bench's commands (run.mjs, soak.mjs) share around their measurements: undoing what they started,
// building the app, and naming the code and database in their results.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Everything a command must undo (servers, data folders, databases), newest first. `cleanup()` runs it once,
 * on success, error, Ctrl-C, SIGTERM or SIGHUP (then the process exits with 128 + the signal's number); a
 * step's `sync` part is the last resort when the process exits without having cleaned up (an exit()
 * somewhere, a crash). `before` runs first (the bench stops its load there).
 */
export function cleanupOnExit(tag, { before } = {}) {
	const steps = [];
	let cleaning = null;
	const state = {
		/** The signal that stopped the run, if one did. */
		interrupted: null,
		add(name, run, sync) {
			steps.push({ name, run, sync });
		},
		/** A started app server: stopped at the end, killed if the process dies first. */
		trackServer(name, server) {
			state.add(
				`stop ${name}`,
				() => server.stop(),
				() => server.child.kill('SIGKILL')
			);
		},
		cleanup() {
			cleaning ??= (async () => {
				before?.();
				while (steps.length > 0) {
					const step = steps.pop();
					try {
						await step.run();
					} catch (error) {
						console.error(`[${tag}] cleanup (${step.name}) failed: ${error.message}`);
					}
				}
			})();
			return cleaning;
		}
	};
	process.on('exit', () => {
		for (const step of steps) step.sync?.();
	});
	for (const [signal, code] of [
		['SIGINT', 130],
		['SIGTERM', 143],
		['SIGHUP', 129]
	]) {
		process.on(signal, async () => {
			state.interrupted = signal;
			console.error(`\n[${tag}] ${signal}: stopping the servers and removing the data folder…`);
			await state.cleanup();
			process.exit(code);
		});
	}
	return state;
}

/** `vite build` when forced or when there is no build yet; its duration in ms, or null when it was skipped. */
export function buildApp(root, force, log) {
	if (!force && existsSync(path.join(root, 'build', 'index.js'))) {
		log('using the existing build (pass --build to rebuild)');
		return null;
	}
	log(force ? 'building (--build)…' : 'no build yet: building…');
	const started = performance.now();
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
		{ stdio: 'inherit', timeout: 10 * 60_000 }
	);
	if (result.status !== 0)
		throw new Error(`vite build failed (${result.error?.message ?? `exit ${result.status}`})`);
	return Math.round(performance.now() - started);
}

/** A connection URL without its password, for the results file. */
export function redactUrl(value) {
	try {
		const url = new URL(value);
		if (url.password) url.password = '***';
		return url.toString();
	} catch {
		return value;
	}
}

/** The commit of the code that runs, marked when src has changes that are not committed. */
export function gitCommit() {
	const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
	if (result.status !== 0) return null;
	const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).stdout?.trim();
	return result.stdout.trim() + (dirty ? ' (src modified)' : '');
}
