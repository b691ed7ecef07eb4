import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { media, municipalities, themes } from '$lib/server/db/schema';
import { executeRows } from '$lib/server/db/rows';
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

	it('lets the neighbours who took part answer whether to join the pool: two in five yes, one no', async () => {
		const [row] = await executeRows<{
			neighbours: number;
			joined: number;
			declined: number;
			unanswered: number;
			answered_without_contribution: number;
			joined_with_both_consents: number;
		}>(
			database.db,
			sql`WITH n AS (
					SELECT u.* FROM users u
					WHERE u.first_channel = 'demo'
						AND NOT EXISTS (SELECT 1 FROM user_identities i WHERE i.user_id = u.id))
				SELECT count(*)::int AS neighbours,
					count(*) FILTER (WHERE pool_answered_at IS NOT NULL AND wants_to_help)::int AS joined,
					count(*) FILTER (WHERE pool_answered_at IS NOT NULL AND NOT wants_to_help)::int AS declined,
					count(*) FILTER (WHERE pool_answered_at IS NULL)::int AS unanswered,
					count(*) FILTER (WHERE pool_answered_at IS NOT NULL AND NOT (
						EXISTS (SELECT 1 FROM suggestion_votes v WHERE v.user_id = n.id)
						OR EXISTS (SELECT 1 FROM suggestion_comments c WHERE c.author_id = n.id)
						OR EXISTS (SELECT 1 FROM suggestions s WHERE s.author_id = n.id)))::int
						AS answered_without_contribution,
					count(*) FILTER (WHERE wants_to_help AND (
						SELECT count(DISTINCT kind) FROM consents c
						WHERE c.user_id = n.id AND c.withdrawn_at IS NULL AND c.kind IN ('pool', 'updates')) = 2)::int
						AS joined_with_both_consents
				FROM n`
		);
		console.log(`demo pool question: ${JSON.stringify(row)}`);
		expect(row!.neighbours).toBeGreaterThan(0);
		expect(row!.joined + row!.declined + row!.unanswered).toBe(row!.neighbours);
		// The README says so: 76 of the 190 neighbours said yes, 38 no.
		expect(row).toMatchObject({ neighbours: 190, joined: 76, declined: 38 });
		expect(row!.joined_with_both_consents).toBe(row!.joined);
		expect(row!.answered_without_contribution).toBe(0);
	});
});
