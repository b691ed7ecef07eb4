// Backups and restores. The embedded database is copied as PGlite's own dump of its files (a gzipped tar,
// taken between two statements, so it is consistent), by the running server when one runs on the folder
// (the command asks it with SIGUSR2) or by the command itself when none does. PostgreSQL is copied with
// pg_dump (one snapshot, consistent under writes) and brought back with pg_restore. Media are rows of the
// database (bytea), so a backup holds them.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { translate } from '$lib/i18n';
import type { Database } from '$lib/server/db/client';
import { lockDataDir } from '$lib/server/db/datadir-lock';

/** Where backups go unless the command is told otherwise: `DATA_DIR/backups`. */
export const backupFolder = (dataDir: string) => path.resolve(dataDir, 'backups');

/** `meedoen-2026-12-05T06-01-02-345Z.tar.gz`: sorts by time, safe on every file system. */
export function backupFileName(kind: 'pglite' | 'postgres', now = new Date()): string {
	return `meedoen-${now.toISOString().replace(/[:.]/g, '-')}${kind === 'pglite' ? '.tar.gz' : '.dump'}`;
}

/** The finished backups in a folder (a file being written ends in `.part` and is not one yet). */
export function backupsIn(folder: string): string[] {
	if (!existsSync(folder)) return [];
	return readdirSync(folder)
		.filter((name) => /^meedoen-.*\.(tar\.gz|dump)$/.test(name))
		.sort();
}

/** Writes the file whole or not at all: under a `.part` name first, renamed when complete. */
async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(`${file}.part`, bytes);
	await rename(`${file}.part`, file);
}

/** Copies an open embedded database to `file` (by default a new file in `DATA_DIR/backups`); returns its path. */
export async function backupEmbedded(database: Database, dataDir: string, file?: string): Promise<string> {
	if (!database.dumpDataDir) throw new Error(translate('nl', 'backup.noPgDump'));
	const target = file ?? path.join(backupFolder(dataDir), backupFileName('pglite'));
	await writeWhole(target, await database.dumpDataDir());
	return target;
}

export class RestoreRefusedError extends Error {
	override name = 'RestoreRefusedError';
}

/**
 * Brings an embedded backup back into `dataDir`. A folder that already holds a database is left alone
 * unless `replace` is given; then the old database is moved aside (`pglite.before-restore-…`), never deleted.
 * Takes the folder's lock, so it refuses while a server runs on it.
 */
export async function restoreEmbedded(
	file: string,
	dataDir: string,
	options: { replace?: boolean } = {}
): Promise<{ movedAside: string | null }> {
	const bytes = await readFile(file);
	await mkdir(dataDir, { recursive: true });
	const lock = await lockDataDir(dataDir);
	try {
		const location = path.resolve(dataDir, 'pglite');
		let movedAside: string | null = null;
		if (existsSync(location) && readdirSync(location).length > 0) {
			if (!options.replace) throw new RestoreRefusedError(translate('nl', 'backup.occupied', { location }));
			movedAside = `${location}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
			await rename(location, movedAside);
		}
		const db = await PGlite.create(location, {
			loadDataDir: new Blob([bytes]),
			extensions: { pg_trgm, unaccent }
		});
		await db.query('select 1');
		await db.close();
		return { movedAside };
	} finally {
		lock.release();
	}
}

/** Runs a PostgreSQL client program, with its own error text when it fails. */
function run(program: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'pipe'] });
		let errors = '';
		child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
		child.on('error', (err: NodeJS.ErrnoException) =>
			reject(
				new Error(err.code === 'ENOENT' ? translate('nl', 'backup.missingProgram', { program }) : err.message)
			)
		);
		child.on('exit', (code) =>
			code === 0
				? resolve()
				: reject(
						new Error(
							translate('nl', 'backup.programFailed', { program, code: String(code), errors: errors.trim() })
						)
					)
		);
	});
}

/** pg_dump in its custom format: one snapshot of the whole database (the job queue too). */
export async function backupPostgres(url: string, file: string): Promise<string> {
	await mkdir(path.dirname(file), { recursive: true });
	await run('pg_dump', ['--format=custom', `--file=${file}.part`, url]);
	await rename(`${file}.part`, file);
	return file;
}

/** pg_restore into the database of `url`, replacing what is there of the same objects. */
export async function restorePostgres(url: string, file: string): Promise<void> {
	await run('pg_restore', [
		'--clean',
		'--if-exists',
		'--no-owner',
		'--exit-on-error',
		`--dbname=${url}`,
		file
	]);
}
