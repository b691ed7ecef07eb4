import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import csv from '$lib/server/data/kempen-municipalities.csv?raw';
import { municipalities, themes } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { buildParticipatingMunicipality, buildTheme } from '$lib/server/testing/factories';
import { isAppError } from '$lib/server/platform/errors';
import { parseMunicipalitiesCsv, seedReferenceData } from './municipalities.seed';
import {
	getMunicipalityThemes,
	getRegionOverview,
	listMunicipalitiesForApi,
	resolveMunicipality
} from './municipalities.service';
import { slugify } from '$lib/server/platform/text';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database?.destroy();
});

describe('reference data', () => {
	it('reads the 29 Kempen municipalities with slugs people can type', () => {
		const records = parseMunicipalitiesCsv(csv);
		expect(records).toHaveLength(29);
		const slugs = records.map((r) => r.slug);
		expect(slugs).toEqual(
			expect.arrayContaining(['geel', 'oud-turnhout', 'heist-op-den-berg', 'baarle-hertog'])
		);
		expect(new Set(slugs).size).toBe(29);
		expect(slugify('Sint-Genesius-Rode')).toBe('sint-genesius-rode');
		expect(slugify("Zelzate 's Gravenwezel Écaussinnes")).toBe('zelzate-s-gravenwezel-ecaussinnes');
	});

	it('refuses a CSV whose columns moved, instead of loading wrong numbers', () => {
		expect(() => parseMunicipalitiesCsv('name,nis_code\nGeel,13008')).toThrow(/header/);
	});

	it('loads once: a second run adds nothing and keeps what a municipality changed', async () => {
		const { db } = database;
		await db.update(municipalities).set({ primaryColor: '#123456' }).where(eq(municipalities.slug, 'olen'));
		await seedReferenceData(db);
		const [m] = await db.select({ n: count() }).from(municipalities);
		const [t] = await db.select({ n: count() }).from(themes);
		expect(m?.n).toBe(29);
		expect(t?.n).toBe(29 * 6);
		const [olen] = await db
			.select({ color: municipalities.primaryColor })
			.from(municipalities)
			.where(eq(municipalities.slug, 'olen'));
		expect(olen?.color).toBe('#123456');
	});
});

describe('municipality pages', () => {
	it('resolves a municipality by slug and presents only public fields', async () => {
		const resolved = await resolveMunicipality(buildCtx(database.db), {
			unverifiedSlug: 'heist-op-den-berg'
		});
		expect(resolved?.municipality).toMatchObject({
			slug: 'heist-op-den-berg',
			name: 'Heist-op-den-Berg',
			nisCode: '12014',
			inhabitants: 42950,
			participating: false
		});
		expect(resolved?.municipality.branding.logoUrl).toBe('/heist-op-den-berg/logo.svg');
		expect(resolved?.municipality).not.toHaveProperty('id');
	});

	it.each(['bestaat-niet', 'GEEL', "geel' or 1=1--", 'a'.repeat(500), '../etc/passwd', '%00', ''])(
		'finds nothing for %j',
		async (slug) => {
			expect(await resolveMunicipality(buildCtx(database.db), { unverifiedSlug: slug })).toBeNull();
		}
	);

	it('shows themes only of the municipality asked for', async () => {
		const geel = await buildParticipatingMunicipality(database.db, 'geel');
		const mol = await buildParticipatingMunicipality(database.db, 'mol');
		await buildTheme(database.db, geel, { slug: 'zorg', name: 'Zorg in Geel' });
		await buildTheme(database.db, mol, { slug: 'jeugd', name: 'Jeugd in Mol' });

		const geelThemes = await getMunicipalityThemes(buildCtx(database.db, geel), { participating: true });
		const molThemes = await getMunicipalityThemes(buildCtx(database.db, mol), { participating: true });
		expect(geelThemes.map((t) => t.name)).toContain('Zorg in Geel');
		expect(geelThemes.map((t) => t.name)).not.toContain('Jeugd in Mol');
		expect(molThemes.map((t) => t.name)).not.toContain('Zorg in Geel');
		expect(geelThemes.filter((t) => t.defaultKey)).toHaveLength(6);
	});

	it('shows no themes for a municipality that does not take part', async () => {
		const resolved = await resolveMunicipality(buildCtx(database.db), { unverifiedSlug: 'arendonk' });
		const list = await getMunicipalityThemes(buildCtx(database.db, resolved!.tenant), {
			participating: false
		});
		expect(list).toEqual([]);
	});
});

describe('region overview', () => {
	it('counts the municipalities taking part and the inhabitants they reach', async () => {
		await buildParticipatingMunicipality(database.db, 'olen');
		const overview = await getRegionOverview(buildCtx(database.db));
		const slugs = overview.participating.map((m) => m.slug);
		expect(slugs).toEqual(expect.arrayContaining(['geel', 'mol', 'olen']));
		expect(overview.participating.length + overview.notParticipating.length).toBe(29);
		expect(overview.stats.participating).toBe(overview.participating.length);
		const sum = overview.participating.reduce((s, m) => s + m.inhabitants, 0);
		expect(overview.stats.inhabitantsReached).toBe(sum);
		// The six default themes once, not once per municipality; own themes stay local.
		expect(overview.themes.map((t) => t.defaultKey)).toEqual([
			'greening',
			'renewableEnergy',
			'renovation',
			'mobility',
			'water',
			'circular'
		]);
	});

	it('fails as unavailable, not with a crash, when there is no region yet', async () => {
		const empty = await createTestDatabase({ reference: false });
		try {
			await getRegionOverview(buildCtx(empty.db));
			expect.unreachable();
		} catch (err) {
			expect(isAppError(err) && err.code).toBe('unavailable');
		} finally {
			await empty.destroy();
		}
	});
});

describe('municipalities API', () => {
	it('gives every municipality with its centre and whether it takes part', async () => {
		const list = await listMunicipalitiesForApi(buildCtx(database.db), { origin: 'https://meedoen.test' });
		expect(list).toHaveLength(29);
		const geel = list.find((m) => m.slug === 'geel');
		expect(geel).toEqual({
			slug: 'geel',
			name: 'Geel',
			nisCode: '13008',
			inhabitants: 40709,
			participating: true,
			mainPostcode: '2440',
			province: 'Antwerpen',
			arrondissement: 'Turnhout',
			center: { lat: 51.1623, lng: 4.9909 },
			url: 'https://meedoen.test/geel',
			updatedAt: expect.any(String)
		});
	});
});
