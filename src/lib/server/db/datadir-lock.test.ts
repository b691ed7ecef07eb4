// Two servers on one data folder would each keep their own copy of the embedded database and lose
// writes. The first start holds a lock for its life; a second start in another process is refused with a
// message naming the folder and the running process; a lock left by a process that died is taken over.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { loadConfig } from '$lib/server/platform/config';
import { createLogger } from '$lib/server/platform/log';
import { DataDirInUseError, startApp, stopApp } from '$lib/server/platform/app';
import { features } from '$lib/server/features';
import { openDatabase } from './client';
import { spawnTestChild } from '$lib/server/testing/child';

const folders: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function dataFolder(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'meedoen-lock-'));
	folders.push(folder);
	return folder;
}

/** Starts the platform in a child process on `dataDir`; resolves with the child once it says it is ready. */
function startHolder(dataDir: string): Promise<{ child: ChildProcess; pid: number }> {
	const { child, stderr } = spawnTestChild('src/lib/server/testing/datadir-holder-child.ts', {
		HOLDER_DATA_DIR: dataDir
	});
	children.push(child);
	return new Promise((resolve, reject) => {
		createInterface({ input: child.stdout! }).on('line', (line) => {
			const match = /^ready (\d+)$/.exec(line);
			if (match) resolve({ child, pid: Number(match[1]) });
		});
		child.on('exit', (code, signal) => reject(new Error(`holder ended with ${code ?? signal}: ${stderr()}`)));
	});
}

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

const config = (dataDir: string) =>
	loadConfig({ DATA_DIR: dataDir, DEMO: '0', JOBS: '0', NODE_ENV: 'test', LOG_LEVEL: 'silent' });

describe('the data folder of the embedded database', () => {
	it('refuses a second start while another process runs on the folder, naming the folder and that process', async () => {
		const dataDir = dataFolder();
		const holder = await startHolder(dataDir);

		const second = startApp(config(dataDir), createLogger('silent'), { features });
		await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
		const refusal = (await second.catch((err: unknown) => err)) as DataDirInUseError;
		expect(refusal.message).toContain(path.resolve(dataDir));
		expect(refusal.message).toContain(String(holder.pid));
		expect(refusal.pid).toBe(holder.pid);

		// The holder carries on and, stopped normally, leaves the folder free for the next start.
		holder.child.stdin!.end();
		await exited(holder.child);
		expect(holder.child.exitCode).toBe(0);
		const next = await startApp(config(dataDir), createLogger('silent'), { features });
		await stopApp(next);
	}, 120_000);

	it('takes over the lock of a process that was killed', async () => {
		const dataDir = dataFolder();
		const holder = await startHolder(dataDir);
		holder.child.kill('SIGKILL');
		await exited(holder.child);

		const app = await startApp(config(dataDir), createLogger('silent'), { features });
		await stopApp(app);
	}, 120_000);

	it('takes over a lock that names a process that is gone, or this process started earlier', async () => {
		const dataDir = dataFolder();
		const lockFile = path.join(dataDir, 'pglite.lock');
		// A pid far above any pid_max: no such process.
		writeFileSync(lockFile, JSON.stringify({ pid: 99_999_999 }));
		const database = await openDatabase({ kind: 'pglite', dataDir });
		await database.close();
		// A container restarted under the same pid: the lock's process started at another moment.
		writeFileSync(lockFile, JSON.stringify({ pid: process.pid, started: 'an earlier start' }));
		const again = await openDatabase({ kind: 'pglite', dataDir });
		await again.close();
		expect(existsSync(lockFile)).toBe(false);
	}, 60_000);

	it('counts a lock written on another host as held, naming that host, even when its pid is gone here', async () => {
		const dataDir = dataFolder();
		writeFileSync(
			path.join(dataDir, 'pglite.lock'),
			JSON.stringify({ pid: 99_999_999, host: 'andere-server' })
		);
		const refusal = await openDatabase({ kind: 'pglite', dataDir }).catch((err: unknown) => err);
		expect(refusal).toBeInstanceOf(DataDirInUseError);
		expect((refusal as DataDirInUseError).message).toContain('andere-server');
	}, 60_000);

	it('refuses to open the folder twice in one process', async () => {
		const dataDir = dataFolder();
		const database = await openDatabase({ kind: 'pglite', dataDir });
		try {
			await expect(openDatabase({ kind: 'pglite', dataDir })).rejects.toBeInstanceOf(DataDirInUseError);
		} finally {
			await database.close();
		}
		const reopened = await openDatabase({ kind: 'pglite', dataDir });
		await reopened.close();
	}, 60_000);
});
