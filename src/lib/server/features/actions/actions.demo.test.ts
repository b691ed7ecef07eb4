import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import {
	actionThemes,
	actionUpdates,
	actions,
	media,
	municipalities,
	opportunities,
	themes
} from '$lib/server/db/schema';
import { DEFAULT_THEMES } from '$lib/domain/themes';
import { LADDER_RUNGS } from '$lib/domain/ladder';
import { ACTION_STATUSES } from '$lib/domain/actions';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { getTenant } from '$lib/server/testing/factories';
import { placeVerdict } from '$lib/server/platform/geo/area';
import { seedDemo } from '$lib/server/testing/demo';
import { getPublicLogo } from '$lib/server/features/settings/settings.queries';
import { brusselsTime, seedDemoActions } from './actions.demo';

let database: TestDatabase;
const seededAt = new Date();

beforeAll(async () => {
	database = await createTestDatabase();
	await seedDemo(database.db);
});
afterAll(async () => {
	await database?.destroy();
});

async function publishedActions(slug: string) {
	const tenant = await getTenant(database.db, slug);
	return database.db
		.select({ id: actions.id, status: actions.status, lat: actions.lat, lng: actions.lng })
		.from(actions)
		.where(and(eq(actions.municipalityId, tenant.id), isNotNull(actions.publishedAt)));
}

describe('demo actions', () => {
	for (const slug of ['geel', 'mol', 'olen']) {
		describe(slug, () => {
			it('has 6 to 10 actions, published ones on every default theme', async () => {
				const tenant = await getTenant(database.db, slug);
				const all = await database.db
					.select({ id: actions.id })
					.from(actions)
					.where(eq(actions.municipalityId, tenant.id));
				expect(all.length).toBeGreaterThanOrEqual(6);
				expect(all.length).toBeLessThanOrEqual(10);
				const rows = await database.db
					.selectDistinct({ key: themes.defaultKey })
					.from(actionThemes)
					.innerJoin(actions, eq(actions.id, actionThemes.actionId))
					.innerJoin(themes, eq(themes.id, actionThemes.themeId))
					.where(and(eq(actionThemes.municipalityId, tenant.id), isNotNull(actions.publishedAt)));
				expect(rows.map((r) => r.key).sort()).toEqual(DEFAULT_THEMES.map((t) => t.key).sort());
			});

			it('offers published opportunities on all six rungs of the ladder', async () => {
				const tenant = await getTenant(database.db, slug);
				const rows = await database.db
					.selectDistinct({ rung: opportunities.rung })
					.from(opportunities)
					.innerJoin(actions, eq(actions.id, opportunities.actionId))
					.where(and(eq(opportunities.municipalityId, tenant.id), isNotNull(actions.publishedAt)));
				expect(rows.map((r) => r.rung).sort()).toEqual([...LADDER_RUNGS].sort());
			});

			it('has opportunities open now, closed and still to come', async () => {
				const tenant = await getTenant(database.db, slug);
				const rows = await database.db
					.select({ opensAt: opportunities.opensAt, closesAt: opportunities.closesAt })
					.from(opportunities)
					.where(eq(opportunities.municipalityId, tenant.id));
				const now = Date.now();
				const open = rows.filter(
					(r) => (!r.opensAt || r.opensAt.getTime() <= now) && (!r.closesAt || r.closesAt.getTime() > now)
				);
				const closed = rows.filter((r) => r.closesAt && r.closesAt.getTime() <= now);
				const future = rows.filter((r) => r.opensAt && r.opensAt.getTime() > now);
				expect(open.length).toBeGreaterThan(0);
				expect(closed.length).toBeGreaterThan(0);
				expect(future.length).toBeGreaterThan(0);
			});

			it('has varied statuses, a place near the centre and 1 to 4 published updates per published action', async () => {
				const rows = await publishedActions(slug);
				expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(4);
				const tenant = await getTenant(database.db, slug);
				const [centre] = await database.db
					.select({ lat: municipalities.centerLat, lng: municipalities.centerLng })
					.from(municipalities)
					.where(eq(municipalities.id, tenant.id));
				for (const row of rows.filter((r) => r.lat !== null)) {
					expect(Math.abs(row.lat! - centre!.lat)).toBeLessThan(0.03);
					expect(Math.abs(row.lng! - centre!.lng)).toBeLessThan(0.05);
				}
				for (const row of rows) {
					const updates = await database.db
						.select({ id: actionUpdates.id })
						.from(actionUpdates)
						.where(
							and(
								eq(actionUpdates.municipalityId, tenant.id),
								eq(actionUpdates.actionId, row.id),
								isNotNull(actionUpdates.publishedAt)
							)
						);
					expect(updates.length).toBeGreaterThanOrEqual(1);
					expect(updates.length).toBeLessThanOrEqual(4);
				}
			});
		});
	}

	it('places every action where the place check accepts it for its municipality', async () => {
		const rows = await database.db
			.select({
				municipalityId: actions.municipalityId,
				title: actions.title,
				lat: actions.lat,
				lng: actions.lng
			})
			.from(actions)
			.where(isNotNull(actions.lat));
		expect(rows.length).toBeGreaterThan(10);
		for (const row of rows)
			expect(
				await placeVerdict({ db: database.db }, row.municipalityId, { lat: row.lat!, lng: row.lng! }),
				row.title
			).toBe('inside');
	});

	it('covers every status across Geel, Mol and Olen, with a draft or two left unpublished', async () => {
		const statuses = new Set<string>();
		for (const slug of ['geel', 'mol', 'olen'])
			for (const row of await publishedActions(slug)) statuses.add(row.status);
		expect([...statuses].sort()).toEqual([...ACTION_STATUSES].sort());
		const drafts = await database.db
			.select({ id: actions.id })
			.from(actions)
			.where(sql`${actions.publishedAt} is null`);
		expect(drafts.length).toBeGreaterThanOrEqual(1);
		expect(drafts.length).toBeLessThanOrEqual(2);
	});

	it('dates the working group and the plantdag a few weeks from now, and the howTo names the same moment', async () => {
		// Bug: the working group sat on the next 10 September, so in December the plantdag read "open van
		// 24 december 2026 tot 23 november 2027". Demo dates are believable relative to the day of seeding.
		const tenant = await getTenant(database.db, 'geel');
		const rows = await database.db
			.select({
				kind: opportunities.kind,
				opensAt: opportunities.opensAt,
				closesAt: opportunities.closesAt,
				howTo: opportunities.howTo
			})
			.from(opportunities)
			.where(
				and(
					eq(opportunities.municipalityId, tenant.id),
					inArray(opportunities.kind, ['workingGroup', 'actionDay'])
				)
			);
		const meeting = rows.find((r) => r.kind === 'workingGroup')!;
		const plantdag = rows.find((r) => r.kind === 'actionDay')!;
		const days = (d: Date) => (d.getTime() - seededAt.getTime()) / 86_400_000;
		const shown = (d: Date) =>
			new Intl.DateTimeFormat('nl-BE', {
				timeZone: 'Europe/Brussels',
				dateStyle: 'full'
			}).format(d) +
			' om ' +
			new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', timeStyle: 'short' }).format(d);
		expect(days(meeting.closesAt!)).toBeGreaterThan(7);
		expect(days(meeting.closesAt!)).toBeLessThan(35);
		expect(meeting.howTo).toContain(shown(meeting.closesAt!));
		expect(shown(meeting.closesAt!)).toMatch(/ om 19:30$/);
		expect(days(plantdag.closesAt!)).toBeGreaterThan(days(meeting.closesAt!));
		expect(days(plantdag.closesAt!)).toBeLessThan(70);
		expect(plantdag.opensAt!.getTime()).toBeLessThan(plantdag.closesAt!.getTime());
		expect(plantdag.howTo).toContain(
			new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', dateStyle: 'full' }).format(
				plantdag.closesAt!
			)
		);
	});

	it('keeps every municipality’s data to itself', async () => {
		const themeLinks = await database.db
			.select({ id: actionThemes.actionId })
			.from(actionThemes)
			.innerJoin(actions, eq(actions.id, actionThemes.actionId))
			.innerJoin(themes, eq(themes.id, actionThemes.themeId))
			.where(
				or(
					ne(actionThemes.municipalityId, actions.municipalityId),
					ne(themes.municipalityId, actions.municipalityId)
				)
			);
		const opportunityLinks = await database.db
			.select({ id: opportunities.id })
			.from(opportunities)
			.innerJoin(actions, eq(actions.id, opportunities.actionId))
			.where(ne(opportunities.municipalityId, actions.municipalityId));
		const updateLinks = await database.db
			.select({ id: actionUpdates.id })
			.from(actionUpdates)
			.innerJoin(actions, eq(actions.id, actionUpdates.actionId))
			.where(ne(actionUpdates.municipalityId, actions.municipalityId));
		expect([...themeLinks, ...opportunityLinks, ...updateLinks]).toEqual([]);

		const laakdal = await getTenant(database.db, 'laakdal');
		const none = await database.db
			.select({ id: actions.id })
			.from(actions)
			.where(eq(actions.municipalityId, laakdal.id));
		expect(none).toEqual([]);
	});

	it('gives every demo action a small drawing of its own municipality, with Dutch alt text, served publicly once published', async () => {
		const rows = await database.db
			.select({
				title: actions.title,
				publishedAt: actions.publishedAt,
				imageAlt: actions.imageAlt,
				mediaId: media.id,
				contentType: media.contentType,
				bytes: media.bytes,
				kind: media.kind,
				sameMunicipality: sql<boolean>`${media.municipalityId} = ${actions.municipalityId}`
			})
			.from(actions)
			.leftJoin(media, eq(media.id, actions.imageId));
		expect(rows.length).toBeGreaterThanOrEqual(30);
		for (const row of rows) {
			expect(row.mediaId, row.title).not.toBeNull();
			expect(row.kind, row.title).toBe('photo');
			expect(row.sameMunicipality, row.title).toBe(true);
			expect(row.contentType, row.title).toBe('image/svg+xml');
			expect(row.imageAlt, row.title).toMatch(/^Tekening van .{20,}\.$/);
			// A few KB: cards stay light.
			expect(row.bytes?.length, row.title).toBeLessThan(6 * 1024);
		}
		// The public /media route serves the drawing of a published action, not yet the one of a draft.
		const served = await Promise.all(
			rows.map(async (row) => ({
				published: row.publishedAt !== null,
				served: Boolean(await getPublicLogo(database.db, { id: row.mediaId ?? '' }))
			}))
		);
		expect(served.filter((s) => s.published !== s.served)).toEqual([]);
		expect(served.filter((s) => !s.published).length).toBeGreaterThan(0);
	});

	it('adds nothing when run again', async () => {
		const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(actions);
		expect(await seedDemoActions(database.db)).toEqual({ actions: 0 });
		const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(actions);
		expect(after).toEqual(before);
	});
});

describe('brusselsTime', () => {
	it('turns wall-clock time in Brussels into the right instant in summer and in winter', () => {
		expect(brusselsTime(2025, 9, 10, 19, 30).toISOString()).toBe('2025-09-10T17:30:00.000Z');
		expect(brusselsTime(2025, 11, 22, 9, 30).toISOString()).toBe('2025-11-22T08:30:00.000Z');
	});
});
