// `npm run backup [-- --naar <bestand>]`: a consistent copy of the configured database.
// Embedded (no DATABASE_URL): the server running on DATA_DIR writes it without stopping (asked with
// SIGUSR2); with no server running, this command opens the folder and writes it. PostgreSQL: pg_dump.
// By default the copy goes to DATA_DIR/backups/meedoen-<time>.tar.gz (or .dump).
import { copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { translate } from '$lib/i18n';
import { loadConfig } from '$lib/server/platform/config';
import { openDatabase } from '$lib/server/db/client';
import { lockHolder } from '$lib/server/db/datadir-lock';
import {
	backupEmbedded,
	backupFileName,
	backupFolder,
	backupPostgres,
	backupsIn
} from '$lib/server/platform/backup';

const WAIT_MINUTES = 10;

function outArgument(): string | undefined {
	const at = process.argv.findIndex((a) => a === '--naar' || a === '--out');
	return at >= 0 ? path.resolve(process.argv[at + 1] ?? '') : undefined;
}

async function fromRunningServer(dataDir: string, pid: number, out?: string): Promise<string> {
	const folder = backupFolder(dataDir);
	const before = new Set(backupsIn(folder));
	console.log(translate('nl', 'backup.askedServer', { pid: String(pid) }));
	process.kill(pid, 'SIGUSR2');
	const deadline = Date.now() + WAIT_MINUTES * 60_000;
	while (Date.now() < deadline) {
		const fresh = backupsIn(folder).find((name) => !before.has(name));
		if (fresh) {
			const file = path.join(folder, fresh);
			if (!out) return file;
			await copyFile(file, out);
			return out;
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(
		translate('nl', 'backup.serverSilent', { pid: String(pid), minutes: String(WAIT_MINUTES), folder })
	);
}

async function main(): Promise<string> {
	const config = loadConfig({ NODE_ENV: 'development', ...process.env });
	const out = outArgument();
	if (config.databaseUrl)
		return backupPostgres(
			config.databaseUrl,
			out ?? path.join(backupFolder(config.dataDir), backupFileName('postgres'))
		);
	const holder = lockHolder(config.dataDir);
	if (holder && holder.host !== hostname())
		throw new Error(translate('nl', 'backup.otherHost', { dataDir: config.dataDir, host: holder.host }));
	if (holder) return fromRunningServer(config.dataDir, holder.pid, out);
	if (!existsSync(path.join(config.dataDir, 'pglite')))
		throw new Error(translate('nl', 'backup.noDatabase', { dataDir: path.resolve(config.dataDir) }));
	const database = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
	try {
		return await backupEmbedded(database, config.dataDir, out);
	} finally {
		await database.close();
	}
}

try {
	console.log(translate('nl', 'backup.written', { file: await main() }));
} catch (err) {
	console.error(
		translate('nl', 'backup.failed', { message: err instanceof Error ? err.message : String(err) })
	);
	process.exit(1);
}
