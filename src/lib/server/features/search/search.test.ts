// The site-wide search on the demo: real Dutch queries and what they must find in each kind, the tenant rule
// (a municipality's search shows its own public content, the region's only participating municipalities'),
// suggestions only as everyone sees them, and hostile queries answered without an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { municipalities } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	buildAction,
	buildEvent,
	buildSuggestion,
	buildSuggestionOpportunity,
	getTenant
} from '$lib/server/testing/factories';
import { seedDemo } from '$lib/server/testing/demo';
import type { SearchKind } from '$lib/server/platform/feature';
import { searchSite, type SiteSearch } from './search.service';

let database: TestDatabase;
let outsider: string;

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	await seedDemo(db);
	const [notTakingPart] = await db
		.select({ slug: municipalities.slug })
		.from(municipalities)
		.where(eq(municipalities.participating, false))
		.limit(1);
	outsider = notTakingPart!.slug;
	// A published action with its map in a municipality that does not take part: found nowhere.
	const other = await getTenant(db, outsider);
	await buildAction(db, other, { title: 'Kikkerpoel in de buitenwijk' });
	// Suggestions nobody else may see yet: waiting, rejected; and one on a draft action.
	const geel = await getTenant(db, 'geel');
	const map = await buildSuggestionOpportunity(db, geel, { title: 'Plekken voor een salamanderpoel' });
	await buildSuggestion(db, geel, map.opportunity.id, {
		title: 'Salamanderpoel wacht nog',
		moderation: 'pending'
	});
	await buildSuggestion(db, geel, map.opportunity.id, {
		title: 'Salamanderpoel afgewezen',
		moderation: 'rejected'
	});
	await buildSuggestion(db, geel, map.opportunity.id, { title: 'Salamanderpoel goedgekeurd' });
	const draft = await buildSuggestionOpportunity(db, geel, {
		title: 'Verborgen kaart',
		publishAction: false
	});
	await buildSuggestion(db, geel, draft.opportunity.id, { title: 'Salamanderpoel op een ontwerp' });
});
afterAll(async () => {
	await database?.destroy();
});

async function search(q: string | null, slug?: string): Promise<SiteSearch> {
	const tenant = slug ? await getTenant(database.db, slug) : undefined;
	return searchSite(buildCtx(database.db, tenant), { q });
}

const titles = (result: SiteSearch, kind: SearchKind) =>
	result.groups.find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];

describe('the site-wide search finds Dutch words in every kind', () => {
	it.each([
		// [scope (municipality or region), query, kind, a title it must find]
		['geel', 'fiets', 'actions', 'Veilige fietsroute naar school langs de Nieuwstraat'],
		['geel', 'fietsroute', 'opportunities', 'Klankbordgroep fietsroute Nieuwstraat'],
		['geel', 'zonnepaneel', 'opportunities', 'Daken die geschikt zijn voor zonnepanelen'],
		['geel', 'regentonnen', 'opportunities', 'Groepsaankoop regentonnen'],
		['geel', 'bomen', 'actions', 'Een voedselbos aan de Kleinhoefstraat'],
		['geel', 'isolatie', 'actions', 'Samen renoveren in Ten Aard'],
		['olen', 'boom', 'opportunities', 'Plantdag: 300 bomen en struiken voor Olen'],
		['olen', 'fietser', 'opportunities', 'Gevaarlijke punten voor fietsers'],
		['olen', 'fietspad', 'suggestions', null],
		['geel', 'pleintje', 'suggestions', null],
		['geel', 'zonnedak', 'suggestions', null],
		[null, 'Geel', 'municipalities', 'Geel'],
		[null, 'heist op den berg', 'municipalities', null],
		[null, 'oud turnhout', 'municipalities', 'Oud-Turnhout'],
		[null, 'fietsbib', 'actions', 'Een fietsbib aan het station'],
		[null, 'zon', 'actions', 'Zonnepanelen op de sporthal: beslis mee over de opbrengst'],
		['geel', 'tegel', 'events', 'Plantdag: samen tegels eruit en planten erin'],
		['geel', 'werkgroepen ontharding', 'events', 'Werkgroep ontharding: we kiezen samen drie plekken'],
		[null, 'plantdag', 'events', 'Plantdag: samen tegels eruit en planten erin']
	] as const)('%s: "%s" finds %s %s', async (slug, q, kind, title) => {
		const result = await search(q, slug ?? undefined);
		expect(result.searched).toBe(true);
		const found = titles(result, kind);
		expect(found.length).toBeGreaterThan(0);
		if (title) expect(found).toContain(title);
		// Every result links to its page in the municipality searched.
		for (const group of result.groups)
			for (const hit of group.hits) {
				expect(hit.href).toMatch(/^\/[a-z0-9-]+(\/(acties|kansen|suggesties|activiteiten)\/\d+[a-z0-9-]*)?$/);
				if (slug) expect(hit.href.startsWith(`/${slug}`)).toBe(true);
			}
	});

	it('gives the groups in a fixed order, with how many there are in all', async () => {
		const result = await search('fiets');
		const kinds = result.groups.map((g) => g.kind);
		expect(kinds).toEqual(
			(['actions', 'opportunities', 'events', 'suggestions', 'municipalities'] as const).filter((k) =>
				kinds.includes(k)
			)
		);
		for (const g of result.groups) expect(g.total).toBeGreaterThanOrEqual(g.hits.length);
		expect(result.total).toBe(result.groups.reduce((n, g) => n + g.total, 0));
	});

	it('shows suggestions only as everyone sees them: never waiting, rejected or on a draft action', async () => {
		const result = await search('salamanderpoel', 'geel');
		expect(titles(result, 'suggestions')).toEqual(['Salamanderpoel goedgekeurd']);
	});
});

describe('tenant rule', () => {
	it('finds published events only: never a draft or a cancelled one, nor another municipality’s', async () => {
		const geel = await getTenant(database.db, 'geel');
		const mol = await getTenant(database.db, 'mol');
		await buildEvent(database.db, geel, { title: 'Kikkerpoelwerkgroep ontwerp', status: 'draft' });
		await buildEvent(database.db, geel, { title: 'Kikkerpoelwerkgroep afgelast', status: 'cancelled' });
		await buildEvent(database.db, mol, { title: 'Kikkerpoelwerkgroep in Mol', status: 'published' });
		await buildEvent(database.db, geel, {
			title: 'Kikkerpoelwerkgroep',
			venueName: 'Zaal De Linde',
			status: 'published'
		});
		const result = await search('kikkerpoelwerkgroep', 'geel');
		expect(titles(result, 'events')).toEqual(['Kikkerpoelwerkgroep']);
		const hit = result.groups.find((g) => g.kind === 'events')!.hits[0]!;
		expect(hit.href).toMatch(/^\/geel\/activiteiten\/\d+-/);
		expect(hit.summary).toContain('Zaal De Linde');
		expect(titles(await search('linde kikkerpoelwerkgroep', 'geel'), 'events')).toEqual([
			'Kikkerpoelwerkgroep'
		]);
	});

	it("a municipality's search shows only its own content", async () => {
		const result = await search('fiets', 'mol');
		for (const group of result.groups)
			for (const hit of group.hits) expect(hit.href.startsWith('/mol')).toBe(true);
		expect(titles(result, 'actions')).not.toContain('Veilige fietsroute naar school langs de Nieuwstraat');
		expect(titles(result, 'municipalities')).toEqual([]);
	});

	it("the region's search leaves out municipalities that do not take part", async () => {
		const region = await search('kikkerpoel');
		expect(titles(region, 'actions')).toEqual([]);
		expect(titles(region, 'municipalities')).not.toContain(outsider);
		const there = await search('kikkerpoel', outsider);
		expect(there.scope).toMatchObject({ slug: outsider, participating: false });
		expect(there.total).toBe(0);
	});
});

describe('queries that are empty, too long or hostile', () => {
	it('searches nothing for an empty query', async () => {
		for (const q of [null, '', '   ']) {
			const result = await search(q);
			expect(result).toMatchObject({ searched: false, error: null, groups: [] });
		}
	});

	it('refuses a query longer than 100 characters, keeping what was typed', async () => {
		const result = await search('fiets'.repeat(2_000));
		expect(result).toMatchObject({ searched: false, error: 'search.errors.tooLong' });
		expect(result.q.startsWith('fietsfiets')).toBe(true);
		expect(result.q.length).toBeLessThanOrEqual(200);
	});

	it('refuses a query without letters or digits', async () => {
		for (const q of ['🌳🚲', '%_%', "''"]) {
			expect(await search(q, 'geel')).toMatchObject({ searched: false, error: 'search.errors.noWords' });
		}
	});

	it('answers SQL-ish input, NUL and emoji as words, without an error', async () => {
		for (const q of [
			"'; DROP TABLE actions; --",
			'fiets\u0000route',
			'fiets 🚲',
			"1' OR '1'='1",
			'x'.repeat(100)
		]) {
			const result = await search(q, 'geel');
			expect(result.error).toBeNull();
			expect(result.searched).toBe(true);
		}
		expect(titles(await search('fiets 🚲', 'geel'), 'actions')).toContain(
			'Veilige fietsroute naar school langs de Nieuwstraat'
		);
	});
});
