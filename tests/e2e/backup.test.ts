// Backups that restore, against the built server: while a staff member keeps writing (each write confirmed
// by the server's redirect), `npm run backup` copies the running platform; `npm run restore` brings the
// copy back on a fresh data folder (or a fresh PostgreSQL database), where every write confirmed before the
// backup started is found, and a server started on it serves the platform again.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { CookieJar } from '../../src/lib/server/testing/http-client';
import {
	freePort,
	logInOverHttp,
	makeDataDir,
	projectRoot,
	removeDataDir,
	routeValuesOfGeel,
	startServer,
	withDataFolder,
	type RunningServer
} from './support';

/** Runs an npm script of the project with extra environment; its exit code and output. */
function npmRun(script: string, args: string[], env: Record<string, string>) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const clean: NodeJS.ProcessEnv = { ...process.env };
		for (const name of ['DATABASE_URL', 'DATA_DIR', 'TEST_DB']) delete clean[name];
		const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
			cwd: projectRoot,
			env: { ...clean, LOG_LEVEL: 'warn', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) => resolve({ code, output }));
	});
}

/**
 * A staff member writing published updates on one of Geel's actions, one after another, until stopped;
 * `confirmed` holds the title of every update the server confirmed (its redirect after the post).
 */
function keepWriting(server: RunningServer, jar: CookieJar, actionId: string) {
	const confirmed: string[] = [];
	let running = true;
	const url = new URL(`${server.url}/geel/beheer/acties/${actionId}?/writeUpdate`);
	const done = (async () => {
		for (let n = 1; running; n++) {
			const title = `Reservekopie-update ${n}`;
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					cookie: jar.header(url),
					origin: server.url,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ title, body: 'Geschreven tijdens de reservekopie.', publish: 'on' }),
				redirect: 'manual'
			});
			await response.arrayBuffer();
			if (response.status === 303) confirmed.push(title);
			else throw new Error(`update ${n} refused: ${response.status}`);
		}
	})();
	let failure: unknown;
	done.catch((err: unknown) => (failure = err));
	return {
		confirmed,
		/** Waits until `count` writes are confirmed; throws what stopped the writer, if anything did. */
		async reach(count: number) {
			while (confirmed.length < count) {
				if (failure) throw failure;
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		},
		async stop() {
			running = false;
			await done;
		}
	};
}

/** Writes until a few are confirmed, backs up under writes, and returns what was confirmed before it began. */
async function backupUnderWrites(
	server: RunningServer,
	actionId: string,
	env: Record<string, string>,
	file: string
) {
	const jar = await logInOverHttp(server, 'dev-admin-geel');
	const writer = keepWriting(server, jar, actionId);
	await writer.reach(5);
	const before = [...writer.confirmed];
	const backup = await npmRun('backup', ['--naar', file], env);
	const during = writer.confirmed.length - before.length;
	await writer.stop();
	expect(backup.output).toContain(`Reservekopie geschreven: ${file}`);
	expect(backup.code).toBe(0);
	return { before, during };
}

describe('backups of the embedded database', () => {
	const folders: string[] = [];
	let server: RunningServer | undefined;
	afterAll(async () => {
		await server?.stop();
		for (const folder of folders) removeDataDir(folder);
	});

	it('backs up the running platform under writes and restores every confirmed write', async () => {
		const env = { JOBS: '0', DEV_IDP_PORT: String(await freePort()) };
		server = await startServer({ env });
		folders.push(server.dataDir);
		const source = server.dataDir;
		await server.stop();
		const { actie } = await routeValuesOfGeel(source);
		server = await startServer({ dataDir: source, env });

		const file = path.join(makeDataDir(), 'geel.tar.gz');
		folders.push(path.dirname(file));
		const { before, during } = await backupUnderWrites(server, actie!, { DATA_DIR: source }, file);
		// The copy was made while the platform kept accepting writes, not after it stopped.
		expect(during).toBeGreaterThan(0);
		await server.stop();
		// With no server on the folder, the command opens it and copies it by itself.
		const offline = await npmRun('backup', ['--naar', `${file}.offline.tar.gz`], { DATA_DIR: source });
		expect(offline.output).toContain(`Reservekopie geschreven: ${file}.offline.tar.gz`);
		expect(offline.code).toBe(0);

		const target = makeDataDir();
		folders.push(target);
		const restore = await npmRun('restore', [file], { DATA_DIR: target });
		expect(restore.output).toContain(`Teruggezet uit ${file}`);
		expect(restore.code).toBe(0);
		const restored = await withDataFolder(target, async (db) =>
			(
				await db.query<{ title: string }>(
					`SELECT title FROM action_updates WHERE title LIKE 'Reservekopie-update %' ORDER BY id`
				)
			).rows.map((r) => r.title)
		);
		expect(restored).toEqual(expect.arrayContaining(before));

		// The restored folder is a working platform: a server starts on it and shows the updates.
		server = await startServer({ dataDir: target, env });
		const page = await fetch(`${server.url}/geel/acties/${actie}`);
		expect(page.status).toBe(200);
		// The newest update in the copy (the action page shows the latest ones; writes confirmed while the
		// copy was taken may be in it too).
		expect(await page.text()).toContain(restored.at(-1)!);
		await server.stop();

		// A folder that holds a database is not overwritten without --vervang, and then only moved aside.
		const again = await npmRun('restore', [file], { DATA_DIR: target });
		expect(again.code).toBe(1);
		expect(again.output).toContain('staat al een databank');
		const replaced = await npmRun('restore', [file, '--vervang'], { DATA_DIR: target });
		expect(replaced.code).toBe(0);
		expect(replaced.output).toMatch(/De vorige databank staat nu in .*pglite\.before-restore-/);
	}, 300_000);
});

const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim();

describe.skipIf(!testDatabaseUrl)('backups of PostgreSQL (TEST_DATABASE_URL)', () => {
	const suffix = `${process.pid}_${Date.now()}`;
	const names = { source: `meedoen_backup_src_${suffix}`, target: `meedoen_backup_dst_${suffix}` };
	const urlOf = (name: string) => {
		const url = new URL(testDatabaseUrl!);
		url.pathname = `/${name}`;
		return url.href;
	};
	const admin = () => new pg.Client({ connectionString: testDatabaseUrl });
	let server: RunningServer | undefined;
	const folders: string[] = [];

	afterAll(async () => {
		await server?.stop();
		for (const folder of folders) removeDataDir(folder);
		const client = admin();
		await client.connect();
		for (const name of Object.values(names))
			await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await client.end();
	});

	it('backs up the running platform under writes with pg_dump and restores every confirmed write', async () => {
		const client = admin();
		await client.connect();
		for (const name of Object.values(names)) await client.query(`CREATE DATABASE ${name}`);
		await client.end();

		const env = {
			JOBS: '0',
			DEMO: '1',
			DATABASE_URL: urlOf(names.source),
			DEV_IDP_PORT: String(await freePort())
		};
		server = await startServer({ env });
		folders.push(server.dataDir);
		const source = new pg.Client({ connectionString: urlOf(names.source) });
		await source.connect();
		const actie = (
			await source.query<{ id: number }>(
				`SELECT a.id FROM actions a JOIN municipalities m ON m.id = a.municipality_id
				 WHERE m.slug = 'geel' ORDER BY a.id LIMIT 1`
			)
		).rows[0]!.id;
		await source.end();

		const file = path.join(makeDataDir(), 'geel.dump');
		folders.push(path.dirname(file));
		const { before } = await backupUnderWrites(
			server,
			String(actie),
			{ DATABASE_URL: urlOf(names.source) },
			file
		);
		await server.stop();

		const restore = await npmRun('restore', [file], { DATABASE_URL: urlOf(names.target) });
		expect(restore.output).toContain(`Teruggezet uit ${file}`);
		expect(restore.code).toBe(0);
		const target = new pg.Client({ connectionString: urlOf(names.target) });
		await target.connect();
		const restored = (
			await target.query<{ title: string }>(
				`SELECT title FROM action_updates WHERE title LIKE 'Reservekopie-update %' ORDER BY id`
			)
		).rows.map((r) => r.title);
		await target.end();
		expect(restored).toEqual(expect.arrayContaining(before));

		server = await startServer({ env: { ...env, DEMO: '0', DATABASE_URL: urlOf(names.target) } });
		const page = await fetch(`${server.url}/geel/acties/${actie}`);
		expect(page.status).toBe(200);
		// The newest update in the copy (the action page shows the latest ones; writes confirmed while the
		// copy was taken may be in it too).
		expect(await page.text()).toContain(restored.at(-1)!);
	}, 300_000);
});
