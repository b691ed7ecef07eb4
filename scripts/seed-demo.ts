// `npm run seed:demo`: loads the demo content into the configured database (DATABASE_URL or DATA_DIR), once.
import { loadConfig } from '$lib/server/platform/config';
import { createLogger } from '$lib/server/platform/log';
import { startApp, stopApp } from '$lib/server/platform/app';
import { features } from '$lib/server/features';

// A command-line task sends no links, so it needs no ORIGIN.
const config = {
	...loadConfig({ NODE_ENV: 'development', ...process.env }),
	demo: true,
	jobs: false,
	devIdp: false
};
const app = await startApp(config, createLogger(config.logLevel), { features });
await stopApp(app);
