// The child process of the data-folder lock test (db/datadir-lock.test.ts), run with vite-node: starts the
// platform as the server does on the embedded database in HOLDER_DATA_DIR, says "ready <pid>", and stops
// when its stdin closes (or is killed by the test).
import { loadConfig } from '$lib/server/platform/config';
import { createLogger } from '$lib/server/platform/log';
import { startApp, stopApp } from '$lib/server/platform/app';
import { features } from '$lib/server/features';

const config = loadConfig({
	DATA_DIR: process.env.HOLDER_DATA_DIR,
	DEMO: '0',
	JOBS: '0',
	NODE_ENV: 'test',
	LOG_LEVEL: 'silent'
});
const app = await startApp(config, createLogger('silent'), { features });
process.stdout.write(`ready ${process.pid}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
	await stopApp(app);
	process.exit(0);
});
