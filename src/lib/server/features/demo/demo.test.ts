import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { media, municipalities, themes } from '$lib/server/db/schema';
import { contrastRatio, readableTextOn } from '$lib/domain/colors';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { isDemoLoaded } from '$lib/server/platform/demo';
import { seedDemo } from '$lib/server/testing/demo';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database?.destroy();
});

describe('demo content', () => {
	it('makes fifteen municipalities take part, each readable in its own colours', async () => {
		expect(await isDemoLoaded(database.db)).toBe(false);
		await seedDemo(database.db);
		expect(await isDemoLoaded(database.db)).toBe(true);
		const rows = await database.db
			.select({
				slug: municipalities.slug,
				primary: municipalities.primaryColor,
				accent: municipalities.accentColor
			})
			.from(municipalities)
			.where(eq(municipalities.participating, true));
		expect(rows).toHaveLength(15);
		expect(rows.map((r) => r.slug)).toEqual(expect.arrayContaining(['geel', 'mol', 'olen']));
		for (const row of rows) {
			expect(contrastRatio(row.primary, readableTextOn(row.primary))).toBeGreaterThanOrEqual(4.5);
			expect(contrastRatio(row.accent, readableTextOn(row.accent))).toBeGreaterThanOrEqual(4.5);
		}
	});

	it('adds a theme outside climate, to show the platform serves other policy themes too', async () => {
		const rows = await database.db
			.select({ name: themes.name })
			.from(themes)
			.where(eq(themes.climate, false));
		expect(rows.map((r) => r.name)).toContain('Zorgzame buurten');
	});

	it('gives Geel, Mol and Olen a drawn logo through the logo mechanism, the others keep their emblem', async () => {
		const rows = await database.db
			.select({ slug: municipalities.slug, logoUrl: municipalities.logoUrl })
			.from(municipalities)
			.where(eq(municipalities.participating, true));
		for (const row of rows) {
			if (['geel', 'mol', 'olen'].includes(row.slug))
				expect(row.logoUrl, row.slug).toMatch(/^\/media\/[0-9a-f-]{36}$/);
			else expect(row.logoUrl, row.slug).toBeNull();
		}
		const logos = await database.db
			.select({ contentType: media.contentType, bytes: media.bytes })
			.from(media)
			.where(eq(media.kind, 'logo'));
		expect(logos).toHaveLength(3);
		for (const logo of logos) {
			expect(logo.contentType).toBe('image/svg+xml');
			expect(Buffer.from(logo.bytes).toString('utf8')).toMatch(
				/<title id="t">(Geel|Mol|Olen) \(voorbeeldlogo\)<\/title>/
			);
		}
	});
});
