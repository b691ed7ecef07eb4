import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { municipalities } from '$lib/server/db/schema';
import { createEmptyTestDatabase, testDbKind, type TestDatabase } from '$lib/server/testing/db';
import { silentLog } from '$lib/server/testing/context';
import { startSmtpCatcher, type SmtpCatcher } from '$lib/server/testing/smtp';
import { isDemoLoaded } from './demo';
import { features } from '$lib/server/features';
import { migrateDatabase } from '$lib/server/db/migrate';
import { loadConfig } from './config';
import { startApp, stopApp, type App } from './app';
import { setApp } from './runtime';
import { GET as health } from '../../../routes/healthz/+server';

describe('the platform with SMTP', () => {
	let database: TestDatabase;
	let smtp: SmtpCatcher;
	let app: App;
	let dataDir: string;

	beforeAll(async () => {
		dataDir = await mkdtemp(path.join(tmpdir(), 'meedoen-app-'));
		smtp = await startSmtpCatcher();
		database = await createEmptyTestDatabase();
		app = await startApp(
			loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SMTP_URL: smtp.url, DEV_IDP_PORT: '0' }),
			silentLog,
			{
				database,
				features
			}
		);
	});
	afterAll(async () => {
		if (app) await stopApp(app);
		await database?.destroy();
		await smtp?.close();
		await rm(dataDir, { recursive: true, force: true });
	});

	it('creates the schema and loads the region on first start', async () => {
		const [row] = await database.db.select({ n: count() }).from(municipalities);
		expect(row?.n).toBe(29);
	});

	it('loads the demo content by default only on the embedded database', async () => {
		expect(await isDemoLoaded(database.db)).toBe(testDbKind() === 'pglite');
	});

	it('runs the development identity provider only on a demo installation without a real one', async () => {
		if (testDbKind() === 'pglite') {
			expect(app.oidc?.label).toBe('Mijn Burgerprofiel (testomgeving)');
			const response = await fetch(`${app.oidc?.issuer}/.well-known/openid-configuration`);
			expect((await response.json()).code_challenge_methods_supported).toEqual(['S256']);
		} else {
			expect(app.oidc).toBeNull();
		}
	});

	it('delivers a queued mail through the job queue to the SMTP server', async () => {
		await app.queueMail({ to: 'an@example.be', subject: 'Welkom bij Meedoen', text: 'Hallo An' });
		const mail = await smtp.waitFor((m) => m.to.includes('an@example.be'));
		expect(mail.raw).toContain('Subject: Welkom bij Meedoen');
		expect(mail.raw).toContain('Hallo An');
		expect(mail.from).toBe('noreply@meedoen.localhost');
	});

	it('answers the health check while the database is up', async () => {
		setApp(app);
		const response = await health({} as never);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', database: 'up', process: 1 });
	});
});

describe('the platform without SMTP', () => {
	it('writes mail as .eml files in the data folder, and forgets those to an address', async () => {
		const dataDir = await mkdtemp(path.join(tmpdir(), 'meedoen-eml-'));
		const database = await createEmptyTestDatabase();
		const app = await startApp(
			loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, JOBS: '0', DEMO: '0' }),
			silentLog,
			{
				database,
				features
			}
		);
		try {
			await app.queueMail({ to: 'jan@example.be', subject: 'Uitnodiging werkgroep', text: 'Tot dan!' });
			const files = await readdir(path.join(dataDir, 'mail'));
			expect(files).toHaveLength(1);
			const eml = await readFile(path.join(dataDir, 'mail', files[0]!), 'utf8');
			expect(eml).toContain('To: jan@example.be');
			expect(eml).toContain('Subject: Uitnodiging werkgroep');

			// Deleting an account forgets the files to its addresses (in any case), and only those.
			await app.queueMail({ to: 'piet@example.be', subject: 'Uitnodiging werkgroep', text: 'Tot dan!' });
			expect(await app.mailer.forget(['JAN@example.be'])).toBe(1);
			const left = await readdir(path.join(dataDir, 'mail'));
			expect(left).toHaveLength(1);
			expect(await readFile(path.join(dataDir, 'mail', left[0]!), 'utf8')).toContain('To: piet@example.be');
		} finally {
			await stopApp(app);
			await database.destroy();
			await rm(dataDir, { recursive: true, force: true });
		}
	});

	it('says the database is down with 503 once it is closed', async () => {
		const database = await createEmptyTestDatabase();
		const app = await startApp(
			loadConfig({ NODE_ENV: 'test', DATA_DIR: tmpdir(), JOBS: '0', DEMO: '0' }),
			silentLog,
			{
				database,
				features
			}
		);
		setApp(app);
		await database.close();
		const response = await health({} as never);
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({ status: 'unavailable', database: 'down', process: 1 });
		setApp(undefined);
		await database.destroy();
	});
});

describe.runIf(testDbKind() === 'postgres')('migrations on PostgreSQL', () => {
	it('lets two instances start at the same time on one database', async () => {
		const database = await createEmptyTestDatabase();
		try {
			await Promise.all([migrateDatabase(database), migrateDatabase(database)]);
			const rows = await database.executeSql('select count(*)::int as n from drizzle.__drizzle_migrations');
			expect(rows.rows[0]?.n).toBeGreaterThan(0);
		} finally {
			await database.destroy();
		}
	});
});
