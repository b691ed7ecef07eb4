// Real Dutch queries on the demo and the actions they must find: parts of compounds, plurals, verbs and
// nouns (platform/search.ts), on the public list of a municipality and of the region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { getTenant } from '$lib/server/testing/factories';
import { seedDemo } from '$lib/server/testing/demo';
import { listActions, listRegionActions } from './actions.service';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
	await seedDemo(database.db);
});
afterAll(async () => {
	await database?.destroy();
});

async function titlesIn(slug: string, q: string) {
	const tenant = await getTenant(database.db, slug);
	const page = await listActions(buildCtx(database.db, tenant), {
		filters: { q, page: 1 },
		participating: true
	});
	return page.items.map((a) => a.title);
}

describe('searching the actions of a municipality in Dutch', () => {
	it.each([
		// [municipality, query, titles it must find (the first one first when marked)]
		['geel', 'fiets', ['Veilige fietsroute naar school langs de Nieuwstraat']],
		['geel', 'fietsroute', ['Veilige fietsroute naar school langs de Nieuwstraat']],
		['geel', 'Fietsroute school', ['Veilige fietsroute naar school langs de Nieuwstraat']],
		['geel', 'boom', ['Een voedselbos aan de Kleinhoefstraat']],
		['geel', 'bomen', ['Een voedselbos aan de Kleinhoefstraat']],
		['geel', 'zon', ['Zonnepanelen op daken in Geel: zoek mee geschikte daken']],
		['geel', 'zonnepaneel', ['Zonnepanelen op daken in Geel: zoek mee geschikte daken']],
		['geel', 'isoleren', ['Samen renoveren in Ten Aard']],
		['geel', 'isolatie', ['Samen renoveren in Ten Aard']],
		['geel', 'renovatie', ['Samen renoveren in Ten Aard']],
		['geel', 'regenton', ['Regentonnen en infiltratie in je tuin']],
		['geel', 'tuinen', ['Regentonnen en infiltratie in je tuin']],
		['geel', 'tegels', ['Ontharden en vergroenen: van tegels naar planten']],
		['geel', 'vergroening', ['Ontharden en vergroenen: van tegels naar planten']],
		['geel', 'deelauto', []],
		['geel', 'deelwagen', ['Elektrische deelwagens in Winkelomheide']],
		['geel', 'Repair café', ['Repair Café en deelkast in het ontmoetingscentrum']],
		['geel', 'repair cafe', ['Repair Café en deelkast in het ontmoetingscentrum']],
		['geel', 'voedselbossen', ['Een voedselbos aan de Kleinhoefstraat']],
		['geel', 'warmtenet', []], // a draft is never found
		['mol', 'scholen', ['Schoolstraten aan vijf scholen']],
		['mol', 'schoolstraat', ['Schoolstraten aan vijf scholen']],
		['mol', 'laadpaal', []], // a draft
		['mol', 'tegelwippen', ['Onthard Mol: tegels eruit, groen erin']],
		['mol', 'compost', ['Compostmeesters in elke wijk']],
		['mol', 'moestuin', ['Buurtmoestuin in Rauw']],
		['olen', 'fietsers', ['Fietsstraat naar Sint-Jozef-Olen']],
		['olen', 'zonnedak', ['Een zonnedak op het gemeentehuis, en daarna?']],
		['olen', 'regenwater', ['Regenwater opvangen aan de sporthal']]
	] as const)('%s: "%s" finds %j', async (slug, q, expected) => {
		const titles = await titlesIn(slug, q);
		for (const title of expected) expect(titles).toContain(title);
		if (expected.length === 0) expect(titles).toEqual([]);
	});

	it('ranks a whole word in the title before a part of a compound in the text', async () => {
		const titles = await titlesIn('geel', 'fiets');
		expect(titles[0]).toBe('Veilige fietsroute naar school langs de Nieuwstraat');
	});

	it('needs every word: "fiets zonnepanelen" finds no action about only one of them', async () => {
		expect(await titlesIn('geel', 'fiets zonnepanelen')).toEqual([]);
	});

	it('finds nothing, without failing, for hostile or empty words', async () => {
		for (const q of ["'; DROP TABLE actions; --", '%%%', '\u0000', '🌳🌳', 'x'.repeat(100), '_']) {
			await expect(titlesIn('geel', q)).resolves.toEqual([]);
		}
	});

	it('searches only the municipality asked for', async () => {
		expect(await titlesIn('mol', 'fietsroute')).toEqual([]);
		expect(await titlesIn('geel', 'zonnedak')).toEqual([]);
	});

	it("searches every participating municipality on the region's list", async () => {
		const page = await listRegionActions(buildCtx(database.db), { filters: { q: 'fiets', page: 1 } });
		const titles = page.items.map((a) => a.title);
		expect(titles).toContain('Veilige fietsroute naar school langs de Nieuwstraat');
		expect(titles).toContain('Fietsstraat naar Sint-Jozef-Olen');
	});
});
