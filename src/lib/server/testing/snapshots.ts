// The unit tests' global setup (vite.config.ts): once per test run, the starting points every test database
// is copied from (testing/db.ts). On PGlite: files of an initialised cluster ('empty'), of the same migrated
// ('migrated') and of that with the reference data of every feature ('reference'); on PostgreSQL
// (TEST_DB=postgres) template databases of the last two, dropped when the run ends. They are made with the
// very functions a test used to call itself, so a copy holds exactly what those made.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, type Database } from '$lib/server/db/client';
import { migrateDatabase } from '$lib/server/db/migrate';
import { features } from '$lib/server/features';

export type SnapshotStage = 'empty' | 'migrated' | 'reference';

export interface TestDatabaseSnapshots {
	/** Paths of PGlite dumps (dumpDataDir), per stage. */
	pglite?: Record<SnapshotStage, string>;
	/** Names of template databases next to TEST_DATABASE_URL's. */
	postgres?: Record<Exclude<SnapshotStage, 'empty'>, string>;
}

declare module 'vitest' {
	export interface ProvidedContext {
		testDatabaseSnapshots: TestDatabaseSnapshots;
	}
}

async function seedReference(database: Database): Promise<void> {
	for (const feature of features) await feature.seed?.(database.db);
}

async function pgliteSnapshots(): Promise<{ made: TestDatabaseSnapshots; remove: () => void }> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'meedoen-test-db-'));
	const database = await openDatabase({ kind: 'pglite', dataDir: null });
	const files = {} as Record<SnapshotStage, string>;
	const keep = async (stage: SnapshotStage) => {
		files[stage] = path.join(dir, `${stage}.tar.gz`);
		writeFileSync(files[stage], await database.dumpDataDir!());
	};
	try {
		await keep('empty');
		await migrateDatabase(database);
		await keep('migrated');
		await seedReference(database);
		await keep('reference');
	} finally {
		await database.close();
	}
	return { made: { pglite: files }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(sql);
	} finally {
		await client.end();
	}
}

async function postgresTemplates(
	adminUrl: string
): Promise<{ made: TestDatabaseSnapshots; remove: () => Promise<void> }> {
	const prefix = `meedoen_tpl_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
	const names = { migrated: `${prefix}_migrated`, reference: `${prefix}_reference` };
	const remove = async () => {
		for (const name of Object.values(names)) {
			await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
		}
	};
	const build = async (name: string, from: string | null, step: (database: Database) => Promise<void>) => {
		await adminQuery(adminUrl, `CREATE DATABASE ${name}${from ? ` TEMPLATE ${from}` : ''}`);
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		// Closed before it serves as a template: PostgreSQL copies a database nobody is connected to.
		const database = await openDatabase({ kind: 'postgres', url: url.href, poolSize: 1 });
		try {
			await step(database);
		} finally {
			await database.close();
		}
	};
	try {
		await build(names.migrated, null, migrateDatabase);
		await build(names.reference, names.migrated, seedReference);
	} catch (err) {
		await remove();
		throw err;
	}
	return { made: { postgres: names }, remove };
}

export default async function setup(project: TestProject) {
	const url = process.env.TEST_DB === 'postgres' ? process.env.TEST_DATABASE_URL?.trim() : undefined;
	if (process.env.TEST_DB === 'postgres' && !url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
	const { made, remove } = url ? await postgresTemplates(url) : await pgliteSnapshots();
	project.provide('testDatabaseSnapshots', made);
	return remove;
}
