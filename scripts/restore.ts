// `npm run restore -- <bestand> [--vervang]`: brings a backup of `npm run backup` back.
// Embedded (no DATA_DIR database yet, or with --vervang the current one moved aside, never deleted; refused
// while a server runs on the folder). PostgreSQL (DATABASE_URL): pg_restore of a `.dump` into that database.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { translate } from '$lib/i18n';
import { loadConfig } from '$lib/server/platform/config';
import { restoreEmbedded, restorePostgres } from '$lib/server/platform/backup';

async function main(): Promise<void> {
	const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
	if (!file) throw new Error(translate('nl', 'backup.usageRestore'));
	const source = path.resolve(file);
	if (!existsSync(source)) throw new Error(translate('nl', 'backup.notFound', { file: source }));
	const config = loadConfig({ NODE_ENV: 'development', ...process.env });
	if (config.databaseUrl) {
		await restorePostgres(config.databaseUrl, source);
		console.log(
			translate('nl', 'backup.restored', {
				file: source,
				target: new URL(config.databaseUrl).pathname.slice(1)
			})
		);
		return;
	}
	const { movedAside } = await restoreEmbedded(source, config.dataDir, {
		replace: process.argv.includes('--vervang')
	});
	console.log(translate('nl', 'backup.restored', { file: source, target: path.resolve(config.dataDir) }));
	if (movedAside) console.log(translate('nl', 'backup.movedAside', { folder: movedAside }));
}

try {
	await main();
} catch (err) {
	console.error(
		translate('nl', 'backup.failed', { message: err instanceof Error ? err.message : String(err) })
	);
	process.exit(1);
}
