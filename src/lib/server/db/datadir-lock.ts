// One process at a time on a data folder. PGlite keeps its own copy of the database in memory and writes
// it back to the folder; two processes on one folder each write their own copy and lose the other's writes.
// The lock is a file created exclusively (O_EXCL) that names its process; it lives as long as the database
// is open. A lock whose process is gone (killed, crashed, a container restarted under the same pid) is
// taken over: a process counts as the holder only when it runs on this machine with that pid and, where
// Linux tells, started at the moment the lock records.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { translate } from '$lib/i18n';

export const LOCK_FILE = 'pglite.lock';

interface LockOwner {
	pid: number;
	host?: string;
	/** The process's start time as /proc/<pid>/stat tells it (clock ticks since boot), with the boot id. */
	started?: string;
}

export class DataDirInUseError extends Error {
	constructor(
		readonly dataDir: string,
		readonly pid: number,
		readonly host: string | undefined
	) {
		super(
			translate('nl', 'config.dataDirInUse', {
				dataDir,
				pid: String(pid),
				host: host && host !== hostname() ? ` op ${host}` : ''
			})
		);
		this.name = 'DataDirInUseError';
	}
}

/** When a process started, as Linux tells it; undefined elsewhere or when the process is gone. */
function startedAt(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
		return `${boot}:${fields[19]}`; // field 22 of the whole line
	} catch {
		return undefined;
	}
}

function running(owner: LockOwner): boolean {
	// Another machine's process (a shared network folder) cannot be checked: it counts as running.
	if (owner.host !== undefined && owner.host !== hostname()) return true;
	if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
	try {
		process.kill(owner.pid, 0);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
	}
	if (owner.started === undefined) return true;
	const now = startedAt(owner.pid);
	return now === undefined || now === owner.started;
}

/** Who holds the lock file; null when there is none, 'writing' when it was created a moment ago and is still empty. */
function readOwner(file: string): LockOwner | null | 'writing' {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw err;
	}
	try {
		const owner = JSON.parse(text) as LockOwner;
		if (typeof owner?.pid === 'number') return owner;
	} catch {
		// below
	}
	// Between its exclusive create and its write a lock is empty for a moment; older than that, whoever
	// wrote it died half-way and nobody holds it.
	try {
		if (Date.now() - statSync(file).mtimeMs < 5_000) return 'writing';
	} catch {
		return null;
	}
	return { pid: 0 };
}

function tryCreate(file: string, content: string): boolean {
	let fd: number;
	try {
		fd = openSync(file, 'wx');
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw err;
	}
	try {
		writeSync(fd, content);
	} finally {
		closeSync(fd);
	}
	return true;
}

const same = (a: LockOwner | null | 'writing', b: LockOwner | null) =>
	JSON.stringify(a) === JSON.stringify(b);

/** The running process that holds the lock of `dataDir`, or null when none does (no lock, or a stale one). */
export function lockHolder(dataDir: string): { pid: number; host: string } | null {
	const owner = readOwner(path.join(path.resolve(dataDir), LOCK_FILE));
	if (!owner || owner === 'writing' || !running(owner)) return null;
	return { pid: owner.pid, host: owner.host ?? hostname() };
}

/**
 * Takes the lock of `dataDir` (which must exist) for this process, or throws DataDirInUseError naming the
 * process that holds it. `release` removes it; it is also removed when the process exits.
 */
export async function lockDataDir(dataDir: string): Promise<{ release(): void }> {
	const folder = path.resolve(dataDir);
	const file = path.join(folder, LOCK_FILE);
	const guard = `${file}.takeover`;
	const content = JSON.stringify({ pid: process.pid, host: hostname(), started: startedAt(process.pid) });
	const deadline = Date.now() + 10_000;
	while (!tryCreate(file, content)) {
		const owner = readOwner(file);
		if (owner === 'writing') {
			await new Promise((resolve) => setTimeout(resolve, 50));
			continue;
		}
		if (owner && running(owner)) throw new DataDirInUseError(folder, owner.pid, owner.host);
		if (Date.now() > deadline) throw new DataDirInUseError(folder, owner?.pid ?? 0, owner?.host);
		if (!owner) continue; // removed meanwhile
		// Stale. Two starts that both find it stale must not both remove it: the second would remove the
		// lock the first has just made. Only the one that holds the takeover guard removes it, and only
		// when it still is the stale lock it judged.
		if (tryCreate(guard, content)) {
			try {
				if (same(readOwner(file), owner)) unlinkSync(file);
			} finally {
				removeIfOurs(guard, content);
			}
		} else {
			const taker = readOwner(guard);
			if (taker && taker !== 'writing' && !running(taker)) removeIfOurs(guard, readFileSafe(guard));
			else await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}
	const onExit = () => removeIfOurs(file, content);
	process.once('exit', onExit);
	return {
		release() {
			process.off('exit', onExit);
			removeIfOurs(file, content);
		}
	};
}

function readFileSafe(file: string): string {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function removeIfOurs(file: string, content: string) {
	try {
		if (content && readFileSync(file, 'utf8') === content) unlinkSync(file);
	} catch {
		// already gone
	}
}
