import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, migrateDatabase } from '$lib/server/db/migrate';
import { executeRows } from '$lib/server/db/rows';
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { getTenant, buildUser } from '$lib/server/testing/factories';
import type { Tenant } from './context';
import {
	countFollowers,
	deletePersonSubscriptions,
	follow,
	isFollowing,
	listFollowers,
	listPersonSubscriptions,
	moveFollowers,
	unfollow
} from './subscriptions';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	mol = await getTenant(database.db, 'mol');
});
afterAll(async () => {
	await database?.destroy();
});

describe('subscriptions', () => {
	it('follows once, answers isFollowing and the followers, and unfollows', async () => {
		const db = database.db;
		const [an, bob] = [(await buildUser(db)).id, (await buildUser(db)).id];
		const action = { municipalityId: geel.id, subject: { kind: 'action', id: 7 } } as const;
		await follow(db, { ...action, userId: an });
		await follow(db, { ...action, userId: an });
		await follow(db, { ...action, userId: bob });
		// The same id of another kind is another subject.
		await follow(db, { municipalityId: geel.id, subject: { kind: 'suggestion', id: 7 }, userId: an });
		expect(await isFollowing(db, { ...action, userId: an })).toBe(true);
		expect(await countFollowers(db, action)).toBe(2);
		expect((await listFollowers(db, action)).sort()).toEqual([an, bob].sort());

		await unfollow(db, { ...action, userId: an });
		await unfollow(db, { ...action, userId: an });
		expect(await isFollowing(db, { ...action, userId: an })).toBe(false);
		expect(await listFollowers(db, action)).toEqual([bob]);
		expect(
			await isFollowing(db, { municipalityId: geel.id, subject: { kind: 'suggestion', id: 7 }, userId: an })
		).toBe(true);
	});

	it('shows another municipality nothing', async () => {
		const db = database.db;
		const an = (await buildUser(db)).id;
		await follow(db, { municipalityId: geel.id, subject: { kind: 'action', id: 8 }, userId: an });
		const inMol = { municipalityId: mol.id, subject: { kind: 'action', id: 8 } } as const;
		expect(await isFollowing(db, { ...inMol, userId: an })).toBe(false);
		expect(await countFollowers(db, inMol)).toBe(0);
		expect(await listFollowers(db, inMol)).toEqual([]);
		await unfollow(db, { ...inMol, userId: an });
		await moveFollowers(db, { municipalityId: mol.id, kind: 'action', fromId: 8, intoId: 9 });
		expect(
			await isFollowing(db, { municipalityId: geel.id, subject: { kind: 'action', id: 8 }, userId: an })
		).toBe(true);
	});

	it('moves followers to the kept subject once, and lists, exports and deletes a person’s follows', async () => {
		const db = database.db;
		const [an, bob] = [(await buildUser(db)).id, (await buildUser(db)).id];
		const of = (id: number) => ({ municipalityId: geel.id, subject: { kind: 'suggestion', id } }) as const;
		await follow(db, { ...of(100), userId: an });
		await follow(db, { ...of(101), userId: an });
		await follow(db, { ...of(100), userId: bob });
		await moveFollowers(db, { municipalityId: geel.id, kind: 'suggestion', fromId: 100, intoId: 101 });
		expect(await listFollowers(db, of(100))).toEqual([]);
		expect((await listFollowers(db, of(101))).sort()).toEqual([an, bob].sort());

		await follow(db, { municipalityId: mol.id, subject: { kind: 'theme', id: 'klimaat' }, userId: an });
		const mine = await listPersonSubscriptions(db, { userId: an });
		expect(mine.map((s) => [s.municipalitySlug, s.subjectKind, s.subjectId]).sort()).toEqual(
			[
				['geel', 'suggestion', '101'],
				['mol', 'theme', 'klimaat']
			].sort()
		);
		await deletePersonSubscriptions(db, { userId: an });
		expect(await listPersonSubscriptions(db, { userId: an })).toEqual([]);
		expect(await listFollowers(db, of(101))).toEqual([bob]);
	});
});

describe('the migration to one subscriptions table', () => {
	it(
		'keeps every follow of action_follows and suggestion_follows, and drops them',
		{ timeout: 180_000 },
		async () => {
			// The migrations before this one, in a folder of their own, build the old shape.
			const folder = await mkdtemp(path.join(tmpdir(), 'meedoen-migrations-'));
			const empty = await createEmptyTestDatabase();
			try {
				const journal = JSON.parse(
					await readFile(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')
				);
				const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith('_subscriptions'));
				expect(upTo).toBeGreaterThan(0);
				const before = journal.entries.slice(0, upTo);
				await mkdir(path.join(folder, 'meta'));
				await writeFile(
					path.join(folder, 'meta', '_journal.json'),
					JSON.stringify({ ...journal, entries: before })
				);
				for (const entry of before)
					await copyFile(
						path.join(MIGRATIONS_DIR, `${entry.tag}.sql`),
						path.join(folder, `${entry.tag}.sql`)
					);
				await migrateDatabase(empty, folder);

				await empty.executeSql(`
				INSERT INTO regions (id, slug, name) VALUES ('00000000-0000-4000-8000-000000000001', 'r', 'Regio');
				INSERT INTO municipalities (id, region_id, slug, name, nis_code, province, arrondissement, inhabitants,
					main_postcode, center_lat, center_lng)
				VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'g', 'G',
					'99999', 'Antwerpen', 'Turnhout', 1, '2440', 51.16, 4.99);
				INSERT INTO users (id, display_name) VALUES
					('00000000-0000-4000-8000-000000000003', 'An'), ('00000000-0000-4000-8000-000000000004', 'Bob');
				INSERT INTO actions (id, municipality_id, slug, title)
				VALUES (41, '00000000-0000-4000-8000-000000000002', 'a', 'Actie');
				INSERT INTO opportunities (id, municipality_id, action_id, title, rung, kind)
				VALUES (42, '00000000-0000-4000-8000-000000000002', 41, 'Kans', 'consult', 'mapSuggestions');
				INSERT INTO suggestions (id, municipality_id, opportunity_id, slug, title)
				VALUES (43, '00000000-0000-4000-8000-000000000002', 42, 's', 'Suggestie');
				INSERT INTO action_follows (municipality_id, action_id, user_id, created_at) VALUES
					('00000000-0000-4000-8000-000000000002', 41, '00000000-0000-4000-8000-000000000003', '2026-01-02T10:00:00Z'),
					('00000000-0000-4000-8000-000000000002', 41, '00000000-0000-4000-8000-000000000004', '2026-01-03T10:00:00Z');
				INSERT INTO suggestion_follows (municipality_id, suggestion_id, user_id, created_at) VALUES
					('00000000-0000-4000-8000-000000000002', 43, '00000000-0000-4000-8000-000000000003', '2026-01-04T10:00:00Z');
			`);

				await migrateDatabase(empty);

				const rows = await executeRows<{
					user_id: string;
					subject_kind: string;
					subject_id: string;
					at: string;
				}>(
					empty.db,
					sql`SELECT user_id, subject_kind, subject_id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS at
					FROM subscriptions WHERE municipality_id = '00000000-0000-4000-8000-000000000002'
					ORDER BY created_at`
				);
				expect(rows).toEqual([
					{
						user_id: '00000000-0000-4000-8000-000000000003',
						subject_kind: 'action',
						subject_id: '41',
						at: '2026-01-02'
					},
					{
						user_id: '00000000-0000-4000-8000-000000000004',
						subject_kind: 'action',
						subject_id: '41',
						at: '2026-01-03'
					},
					{
						user_id: '00000000-0000-4000-8000-000000000003',
						subject_kind: 'suggestion',
						subject_id: '43',
						at: '2026-01-04'
					}
				]);
				const [gone] = await executeRows<{ actions: string | null; suggestions: string | null }>(
					empty.db,
					sql`SELECT to_regclass('action_follows')::text AS actions, to_regclass('suggestion_follows')::text AS suggestions`
				);
				expect(gone).toEqual({ actions: null, suggestions: null });
			} finally {
				await empty.destroy();
				await rm(folder, { recursive: true, force: true });
			}
		}
	);
});
