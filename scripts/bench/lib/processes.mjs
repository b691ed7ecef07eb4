// Child processes of the benchmark: start, watch, read memory, stop (SIGTERM, wait, SIGKILL when stuck).
import { readFileSync } from 'node:fs';
import net from 'node:net';

/** `count` distinct free TCP ports on 127.0.0.1 (held open together while the kernel picks, then released). */
export async function freePorts(count) {
	const servers = [];
	try {
		for (let i = 0; i < count; i++) {
			const server = net.createServer();
			server.unref();
			servers.push(server);
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', resolve);
			});
		}
		return servers.map((server) => server.address().port);
	} finally {
		await Promise.all(servers.map((server) => new Promise((resolve) => server.close(() => resolve()))));
	}
}

/** Keeps the last lines a child wrote, and counts pino lines by level (40 warn, 50 error, 60 fatal). */
export function captureOutput(child, { keep = 200 } = {}) {
	const lines = [];
	const counts = { warn: 0, error: 0, fatal: 0 };
	const notable = [];
	const onData = (chunk) => {
		for (const line of chunk.toString('utf8').split('\n')) {
			if (!line.trim()) continue;
			lines.push(line);
			if (lines.length > keep) lines.shift();
			let level;
			try {
				level = JSON.parse(line).level;
			} catch {
				continue;
			}
			const name = level >= 60 ? 'fatal' : level >= 50 ? 'error' : level >= 40 ? 'warn' : null;
			if (!name) continue;
			counts[name] += 1;
			if (notable.length < 20) notable.push(line);
		}
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	return { lines, counts, notable, tail: (n = 40) => lines.slice(-n).join('\n') };
}

export function hasExited(child) {
	return child.exitCode !== null || child.signalCode !== null;
}

export function waitForExit(child, ms) {
	if (hasExited(child)) return Promise.resolve(true);
	return new Promise((resolve) => {
		const timer = setTimeout(() => {
			child.off('exit', onExit);
			resolve(false);
		}, ms);
		const onExit = () => {
			clearTimeout(timer);
			resolve(true);
		};
		child.once('exit', onExit);
	});
}

/** SIGTERM, wait up to `graceMs`, then SIGKILL and wait again. Resolves once the process is gone. */
export async function stopProcess(child, { graceMs = 15_000 } = {}) {
	if (!child || hasExited(child)) return;
	child.kill('SIGTERM');
	if (await waitForExit(child, graceMs)) return;
	child.kill('SIGKILL');
	await waitForExit(child, 5_000);
}

/** VmRSS and VmHWM (peak) of a running process, in bytes; null where /proc is not there. */
export function processMemory(pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key) => {
			const match = status.match(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm'));
			return match ? Number(match[1]) * 1024 : null;
		};
		return { rssBytes: kb('VmRSS'), peakRssBytes: kb('VmHWM') };
	} catch {
		return null;
	}
}
