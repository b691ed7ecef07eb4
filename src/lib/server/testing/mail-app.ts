// The platform started as a server starts it (jobs on, demo off) on a fresh test database, with its mail going
// to a real SMTP server caught here: the set-up of the integration tests that prove a mail arrives.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { features } from '$lib/server/features';
import { loadConfig } from '$lib/server/platform/config';
import { startApp, stopApp, type App } from '$lib/server/platform/app';
import { silentLog } from './context';
import { createEmptyTestDatabase, type TestDatabase } from './db';
import { startSmtpCatcher, type SmtpCatcher } from './smtp';

export interface MailApp {
	app: App;
	database: TestDatabase;
	smtp: SmtpCatcher;
	/** Stops the platform, drops the database, closes the SMTP server and removes the data folder. */
	stop(): Promise<void>;
}

/** `name` names the data folder; `env` adds settings (ORIGIN, …) to the test's own. */
export async function startMailApp(name: string, env: Record<string, string> = {}): Promise<MailApp> {
	const dataDir = await mkdtemp(path.join(tmpdir(), `meedoen-${name}-`));
	let smtp: SmtpCatcher | undefined;
	let database: TestDatabase | undefined;
	let app: App | undefined;
	const stop = async () => {
		if (app) await stopApp(app);
		await database?.destroy();
		await smtp?.close();
		await rm(dataDir, { recursive: true, force: true });
	};
	try {
		smtp = await startSmtpCatcher();
		database = await createEmptyTestDatabase();
		app = await startApp(
			loadConfig({
				NODE_ENV: 'test',
				DATA_DIR: dataDir,
				SMTP_URL: smtp.url,
				DEMO: 'false',
				DEV_IDP_PORT: '0',
				...env
			}),
			silentLog,
			{ database, features }
		);
		return { app, database, smtp, stop };
	} catch (err) {
		await stop();
		throw err;
	}
}
