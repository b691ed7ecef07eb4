// Browsing suggestions: the page's filters, sorts and pages, near an address, the API's cursors, GeoJSON and
// grid clusters; only listed suggestions ever appear, another municipality sees nothing, hostile input is harmless.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { suggestions } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Geocoder } from '$lib/server/platform/geocode';
import { AppError } from '$lib/server/platform/errors';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { createCache } from '$lib/server/platform/cache';
import {
	buildParticipatingMunicipality,
	buildTheme,
	getTenant,
	actorOf,
	buildUser,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildVotes
} from '$lib/server/testing/factories';
import {
	browseOpportunity,
	clusterCellSize,
	clustersForApi,
	listSuggestionsForApi,
	suggestionsGeoJson
} from './suggestions.browse.service';
import {
	CLUSTER_CELLS_MAX,
	CLUSTER_GRID_MAX,
	decodeCursor,
	encodeCursor,
	parseApiListQuery,
	parseBbox,
	parseBrowseFilters,
	parseClustersQuery,
	parseGeoJsonQuery,
	ZOOM_MAX,
	type ApiListQuery
} from './suggestions.browse.schemas';
import { MAP_MAX_ZOOM } from '$lib/domain/suggestions';
import { refusal } from '$lib/server/testing/assertions';

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;
let voters: string[];

const GEEL = { lat: 51.162, lng: 4.99 };
const WHOLE_GEEL = { minLng: 4.8, minLat: 51.05, maxLng: 5.15, maxLat: 51.3 };
const bboxParam = (b: typeof WHOLE_GEEL) => `${b.minLng},${b.minLat},${b.maxLng},${b.maxLat}`;
const filters = (query: string) => parseBrowseFilters(new URLSearchParams(query));
const apiQuery = (query: string): ApiListQuery => parseApiListQuery(new URLSearchParams(query));

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	voters = [];
	for (let i = 0; i < 6; i++) voters.push((await buildUser(db)).id);
});

afterAll(async () => {
	await database.destroy();
});

/** An opportunity with listed suggestions and every kind that must never be listed. */
async function opportunityWithEveryState() {
	const { id } = await buildSuggestionOpportunity(db, geel);
	const listed = [];
	for (let i = 0; i < 3; i++)
		listed.push(await buildSuggestion(db, geel, id, { title: `Zichtbaar ${i}`, lat: GEEL.lat + i * 0.01 }));
	const pending = await buildSuggestion(db, geel, id, { title: 'Wacht nog', moderation: 'pending' });
	const rejected = await buildSuggestion(db, geel, id, {
		title: 'Afgewezen',
		moderation: 'rejected',
		status: 'published'
	});
	const merged = await buildSuggestion(db, geel, id, { title: 'Samengevoegd' });
	await db.update(suggestions).set({ mergedIntoId: listed[0]!.id }).where(eq(suggestions.id, merged.id));
	return { id, listed, hidden: [pending.id, rejected.id, merged.id] };
}

describe('browseOpportunity (the page)', () => {
	it('lists only listed suggestions: no pending, rejected or merged ones', async () => {
		const { id, listed, hidden } = await opportunityWithEveryState();
		const page = await browseOpportunity(buildCtx(db, geel), { opportunityId: id, filters: filters('') });
		expect(page.total).toBe(3);
		expect(page.items.map((i) => i.id).sort()).toEqual(listed.map((s) => s.id).sort());
		for (const h of hidden) expect(page.items.some((i) => i.id === h)).toBe(false);
		expect(page.items[0]!.path).toMatch(/^\/geel\/suggesties\/\d+-zichtbaar-\d$/);
		expect(page.opportunity.newPath).toBe(`/geel/kansen/${id}/nieuw`);
		expect(page.opportunity.acceptsSuggestions).toBe(true);
		expect(page.items[0]!.voted).toBeNull();
	});

	it('sorts by most support by default (ties by newest id) and by newest on request', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const a = await buildSuggestion(db, geel, id, {
			title: 'Eerste',
			publishedAt: new Date(Date.now() - 3e6)
		});
		const b = await buildSuggestion(db, geel, id, {
			title: 'Tweede',
			publishedAt: new Date(Date.now() - 2e6)
		});
		const c = await buildSuggestion(db, geel, id, {
			title: 'Derde',
			publishedAt: new Date(Date.now() - 1e6)
		});
		await buildVotes(db, geel, a, voters.slice(0, 3));
		await buildVotes(db, geel, b, voters.slice(0, 1));
		await buildVotes(db, geel, c, voters.slice(1, 2));
		const ctx = buildCtx(db, geel);
		const byVotes = await browseOpportunity(ctx, { opportunityId: id, filters: filters('') });
		expect(byVotes.sort).toBe('steun');
		expect(byVotes.items.map((i) => [i.id, i.votes])).toEqual([
			[a.id, 3],
			[c.id, 1],
			[b.id, 1]
		]);
		const newest = await browseOpportunity(ctx, { opportunityId: id, filters: filters('sorteer=nieuw') });
		expect(newest.items.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
	});

	it('filters by theme, status and search text, and pages by 20 with the total', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const theme = await buildTheme(db, geel, { slug: 'groen-plein', name: 'Groen plein' });
		const themed = await buildSuggestion(db, geel, id, { title: 'Bomen op de markt', themeId: theme.id });
		const chosen = await buildSuggestion(db, geel, id, { title: 'Fietsenstalling', status: 'chosen' });
		for (let i = 0; i < 23; i++) await buildSuggestion(db, geel, id, { title: `Bank ${i}` });
		const ctx = buildCtx(db, geel);

		const byTheme = await browseOpportunity(ctx, {
			opportunityId: id,
			filters: filters('thema=groen-plein')
		});
		expect(byTheme.items.map((i) => i.id)).toEqual([themed.id]);
		expect(byTheme.items[0]!.themeName).toBe('Groen plein');
		expect(byTheme.themes.some((t) => t.slug === 'groen-plein')).toBe(true);

		const byStatus = await browseOpportunity(ctx, { opportunityId: id, filters: filters('status=chosen') });
		expect(byStatus.items.map((i) => i.id)).toEqual([chosen.id]);

		const bySearch = await browseOpportunity(ctx, { opportunityId: id, filters: filters('q=bomen') });
		expect(bySearch.items.map((i) => i.id)).toEqual([themed.id]);

		const first = await browseOpportunity(ctx, { opportunityId: id, filters: filters('') });
		expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2 });
		expect(first.items).toHaveLength(20);
		const second = await browseOpportunity(ctx, { opportunityId: id, filters: filters('pagina=2') });
		expect(second.items).toHaveLength(5);
		const all = new Set([...first.items, ...second.items].map((i) => i.id));
		expect(all.size).toBe(25);
	});

	it('says which suggestions the person supports and how many votes they have left', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { voteLimit: 3 });
		const s1 = await buildSuggestion(db, geel, id);
		const s2 = await buildSuggestion(db, geel, id);
		const user = await buildUser(db);
		await buildVotes(db, geel, s1, [user.id]);
		const ctx = buildCtx(db, geel, { actor: await actorOf(db, user) });
		const page = await browseOpportunity(ctx, { opportunityId: id, filters: filters('') });
		expect(page.items.find((i) => i.id === s1.id)?.voted).toBe(true);
		expect(page.items.find((i) => i.id === s2.id)?.voted).toBe(false);
		expect(page.votes).toEqual({ limit: 3, used: 1, remaining: 2 });
		expect(page.loggedIn).toBe(true);
		// A page past the end has no rows to carry the total and the votes used: they are still right.
		const past = await browseOpportunity(ctx, { opportunityId: id, filters: filters('pagina=5') });
		expect(past).toMatchObject({ items: [], total: 2, pageCount: 1 });
		expect(past.votes).toEqual({ limit: 3, used: 1, remaining: 2 });
	});

	it('shares the ranked page between people, never their own support', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { voteLimit: 3 });
		const s1 = await buildSuggestion(db, geel, id);
		const s2 = await buildSuggestion(db, geel, id);
		const [supporter, other] = [await buildUser(db), await buildUser(db)];
		await buildVotes(db, geel, s1, [supporter.id]);
		// One read cache for both, as in a running server.
		const cache = createCache({ ttlMs: 60_000, maxEntries: 100 });
		const as = async (user: typeof supporter) => ({
			...buildCtx(db, geel, { actor: await actorOf(db, user) }),
			cache
		});
		const mine = await browseOpportunity(await as(supporter), { opportunityId: id, filters: filters('') });
		const theirs = await browseOpportunity(await as(other), { opportunityId: id, filters: filters('') });
		expect(mine.items.find((i) => i.id === s1.id)?.voted).toBe(true);
		expect(mine.votes).toEqual({ limit: 3, used: 1, remaining: 2 });
		expect(theirs.items.find((i) => i.id === s1.id)?.voted).toBe(false);
		expect(theirs.items.find((i) => i.id === s2.id)?.voted).toBe(false);
		expect(theirs.votes).toEqual({ limit: 3, used: 0, remaining: 3 });
		// The person's own support is read on every request, also while the shared page is kept.
		await buildVotes(db, geel, s2, [other.id]);
		const again = await browseOpportunity(await as(other), { opportunityId: id, filters: filters('') });
		expect(again.items.find((i) => i.id === s2.id)?.voted).toBe(true);
		expect(again.votes).toEqual({ limit: 3, used: 1, remaining: 2 });
		const visitor = await browseOpportunity(
			{ ...buildCtx(db, geel), cache },
			{ opportunityId: id, filters: filters('') }
		);
		expect(visitor.items.every((i) => i.voted === null)).toBe(true);
		expect(visitor.votes).toBeNull();
	});

	it('near an address: looks it up, keeps what lies within 1 km, nearest first, with the distance', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const far = await buildSuggestion(db, geel, id, {
			title: 'Ver weg',
			lat: GEEL.lat + 0.027,
			lng: GEEL.lng
		});
		const mid = await buildSuggestion(db, geel, id, {
			title: 'Halfweg',
			lat: GEEL.lat + 0.0045,
			lng: GEEL.lng
		});
		const close = await buildSuggestion(db, geel, id, {
			title: 'Dichtbij',
			lat: GEEL.lat + 0.0009,
			lng: GEEL.lng
		});
		await buildVotes(db, geel, mid, voters.slice(0, 4));
		const unplaced = await buildSuggestion(db, geel, id, { title: 'Zonder plek', lat: null, lng: null });
		const asked: string[] = [];
		const geocoder: Geocoder = {
			async lookup(address) {
				asked.push(address);
				return { ...GEEL, label: 'Markt 1, 2440 Geel' };
			}
		};
		const ctx = { ...buildCtx(db, geel), geocoder };
		const page = await browseOpportunity(ctx, { opportunityId: id, filters: filters('bij=Markt+1+Geel') });
		expect(asked).toEqual(['Markt 1 Geel']);
		expect(page.near).toMatchObject({ label: 'Markt 1, 2440 Geel', radiusMetres: 1000 });
		expect(page.sort).toBe('afstand');
		expect(page.items.map((i) => i.id)).toEqual([close.id, mid.id]);
		expect(page.items[0]!.distanceMetres).toBeGreaterThan(90);
		expect(page.items[0]!.distanceMetres).toBeLessThan(110);
		expect(page.items.some((i) => i.id === far.id || i.id === unplaced.id)).toBe(false);

		// Most support first within the radius, when asked.
		const byVotes = await browseOpportunity(ctx, {
			opportunityId: id,
			filters: filters('bij=Markt+1+Geel&sorteer=steun')
		});
		expect(byVotes.items.map((i) => i.id)).toEqual([mid.id, close.id]);

		// A place clicked on the map works the same without an address.
		const point = await browseOpportunity(buildCtx(db, geel), {
			opportunityId: id,
			filters: filters(`lat=${GEEL.lat}&lng=${GEEL.lng}`)
		});
		expect(point.near).toMatchObject({ label: null, lat: GEEL.lat, lng: GEEL.lng });
		expect(point.items.map((i) => i.id)).toEqual([close.id, mid.id]);
	});

	it('without a geolocation service a typed address is not used: it says so and shows the whole list', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		await buildSuggestion(db, geel, id, { lat: GEEL.lat + 0.027 });
		await buildSuggestion(db, geel, id, { lat: null, lng: null });
		const page = await browseOpportunity(buildCtx(db, geel), {
			opportunityId: id,
			filters: filters('bij=Markt+1+Geel')
		});
		expect(page.nearProblem).toBe('unavailable');
		expect(page.near).toBeNull();
		expect(page.sort).toBe('steun');
		expect(page.total).toBe(2);
		expect(page.items.find((i) => i.location === null)).toBeDefined();

		const nothing: Geocoder = { lookup: async () => null };
		const notFound = await browseOpportunity(
			{ ...buildCtx(db, geel), geocoder: nothing },
			{ opportunityId: id, filters: filters('bij=Nergensstraat') }
		);
		expect(notFound).toMatchObject({ nearProblem: 'notFound', near: null, total: 2 });
	});

	it('ignores bad filter values and survives hostile ones: HTML, 100,000 characters, NaN coordinates', async () => {
		const f = filters(
			new URLSearchParams({
				q: `<script>alert(1)</script>${'x'.repeat(100_000)}`,
				bij: 'y'.repeat(100_000),
				thema: '<b>groen</b>',
				status: 'submitted',
				sorteer: 'DROP TABLE',
				lat: 'NaN',
				lng: 'Infinity',
				pagina: '-3'
			}).toString()
		);
		expect(f.q!.length).toBeLessThanOrEqual(200);
		expect(f.near!.length).toBeLessThanOrEqual(200);
		expect(f).toMatchObject({
			theme: undefined,
			status: undefined,
			sort: 'afstand',
			page: 1,
			point: undefined
		});
		expect(filters('lat=NaN&lng=4.9').point).toBeUndefined();
		expect(filters('lat=40.7&lng=-74').point).toBeUndefined();
		expect(filters('lat=51.1&lng=4.9').point).toEqual({ lat: 51.1, lng: 4.9 });
		expect(filters('pagina=1.5').page).toBe(1);
		expect(filters('pagina=99999').page).toBe(1);

		const { id } = await buildSuggestionOpportunity(db, geel);
		await buildSuggestion(db, geel, id, { title: '<img src=x onerror=alert(1)> plein' });
		const ctx = buildCtx(db, geel);
		const page = await browseOpportunity(ctx, { opportunityId: id, filters: f });
		expect(page.total).toBe(0);
		const html = await browseOpportunity(ctx, {
			opportunityId: id,
			filters: filters(`q=${encodeURIComponent('<script>\'"&:*|!()')}`)
		});
		expect(html.items).toEqual([]);
	});

	it('another municipality sees nothing: Mol cannot open Geel’s opportunity', async () => {
		const { id } = await opportunityWithEveryState();
		await refusal(
			browseOpportunity(buildCtx(db, mol), { opportunityId: id, filters: filters('') }),
			'not_found'
		);
	});

	it('an opportunity whose action is not public is not found for visitors', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { publishAction: false });
		await refusal(
			browseOpportunity(buildCtx(db, geel), { opportunityId: id, filters: filters('') }),
			'not_found'
		);
	});
});

describe('listSuggestionsForApi', () => {
	it('walks every listed suggestion exactly once by cursor, also with many equal vote counts', async () => {
		const { id, listed } = await opportunityWithEveryState();
		const more = [];
		for (let i = 0; i < 22; i++) more.push(await buildSuggestion(db, geel, id, { title: `Gelijk ${i}` }));
		// Votes 0, 1 or 2: many ties, broken by id.
		for (const [i, s] of more.entries()) await buildVotes(db, geel, s, voters.slice(0, i % 3));
		const all = [...listed, ...more];
		const ctx = buildCtx(db, geel);
		for (const sort of ['votes', 'newest'] as const) {
			const seen: number[] = [];
			let cursor: string | null = null;
			let pages = 0;
			do {
				const query = apiQuery(`sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
				const result = await listSuggestionsForApi(ctx, { opportunityId: id, query, origin: 'https://x.be' });
				expect(result.data.length).toBeLessThanOrEqual(4);
				seen.push(...result.data.map((d) => d.id));
				cursor = result.nextCursor;
				pages++;
			} while (cursor && pages < 50);
			expect(seen).toHaveLength(all.length);
			expect(new Set(seen).size).toBe(all.length);
			expect([...seen].sort()).toEqual(all.map((s) => s.id).sort());
			if (sort === 'votes') {
				const first = await listSuggestionsForApi(ctx, {
					opportunityId: id,
					query: apiQuery('limit=100'),
					origin: 'https://x.be'
				});
				const votes = first.data.map((d) => d.votes);
				expect(votes).toEqual([...votes].sort((a, b) => b - a));
				expect(first.data.map((d) => d.id)).toEqual(seen);
			}
		}
	});

	it('presents only public fields, with absolute links', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const author = await buildUser(db);
		const s = await buildSuggestion(db, geel, id, {
			title: 'Speelplein',
			authorId: author.id,
			placeName: 'Markt'
		});
		const result = await listSuggestionsForApi(buildCtx(db, geel), {
			opportunityId: id,
			query: apiQuery(''),
			origin: 'https://meedoen.example'
		});
		expect(result).toEqual({
			data: [
				{
					id: s.id,
					title: 'Speelplein',
					status: 'published',
					votes: 0,
					comments: 0,
					placeName: 'Markt',
					location: { lat: 51.162, lng: 4.99 },
					theme: null,
					publishedAt: expect.any(String),
					updatedAt: expect.any(String),
					url: `https://meedoen.example/geel/suggesties/${s.id}-speelplein`,
					api: `https://meedoen.example/api/v1/suggestions/${s.id}`
				}
			],
			nextCursor: null
		});
		expect(JSON.stringify(result)).not.toContain(author.id);
	});

	it('refuses bad parameters with the fields named', () => {
		for (const [query, field] of [
			['limit=0', 'limit'],
			['limit=101', 'limit'],
			['sort=popular', 'sort'],
			['status=submitted', 'status'],
			['theme=<script>', 'theme'],
			[`q=${'x'.repeat(201)}`, 'q'],
			['cursor=bm9uc2Vuc2U', 'cursor']
		] as const) {
			try {
				apiQuery(query);
				expect.unreachable(query);
			} catch (err) {
				expect(err).toBeInstanceOf(AppError);
				expect((err as AppError).code).toBe('bad_request');
				expect(Object.keys((err as AppError).options.fields ?? {})).toEqual([field]);
			}
		}
		// A cursor of one sort does not serve another.
		const votesCursor = encodeCursor({ sort: 'votes', votes: 3, id: 9 });
		expect(decodeCursor(votesCursor)).toEqual({ sort: 'votes', votes: 3, id: 9 });
		expect(() => apiQuery(`sort=newest&cursor=${votesCursor}`)).toThrow(AppError);
	});

	it('answers not found for another id, a municipality that does not take part, or a non-public action', async () => {
		const ctx = buildCtx(db);
		await refusal(
			listSuggestionsForApi(ctx, { opportunityId: 999_999, query: apiQuery(''), origin: '' }),
			'not_found'
		);
		const hidden = await buildSuggestionOpportunity(db, geel, { publishAction: false });
		await refusal(
			listSuggestionsForApi(ctx, { opportunityId: hidden.id, query: apiQuery(''), origin: '' }),
			'not_found'
		);
		const olen = await getTenant(db, 'olen');
		const notParticipating = await buildSuggestionOpportunity(db, olen);
		await buildSuggestion(db, olen, notParticipating.id);
		await refusal(
			listSuggestionsForApi(ctx, { opportunityId: notParticipating.id, query: apiQuery(''), origin: '' }),
			'not_found'
		);
	});
});

describe('suggestionsGeoJson', () => {
	it('gives listed suggestions with a place as Point features, longitude first, optionally in a box', async () => {
		const { id, listed, hidden } = await opportunityWithEveryState();
		await buildSuggestion(db, geel, id, { title: 'Zonder plek', lat: null, lng: null });
		const ctx = buildCtx(db, geel);
		const all = await suggestionsGeoJson(ctx, {
			opportunityId: id,
			query: parseGeoJsonQuery(new URLSearchParams()),
			origin: 'https://x.be'
		});
		expect(all.type).toBe('FeatureCollection');
		expect(all.truncated).toBe(false);
		expect(all.features.map((f) => f.id).sort()).toEqual(listed.map((s) => s.id).sort());
		for (const h of hidden) expect(all.features.some((f) => f.id === h)).toBe(false);
		const first = all.features.find((f) => f.id === listed[0]!.id)!;
		expect(first.geometry).toEqual({ type: 'Point', coordinates: [4.99, 51.162] });
		expect(first.properties).toMatchObject({
			title: 'Zichtbaar 0',
			votes: 0,
			comments: 0,
			status: 'published'
		});
		expect(first.properties.url).toMatch(/^https:\/\/x\.be\/geel\/suggesties\//);

		const box = parseGeoJsonQuery(new URLSearchParams({ bbox: '4.98,51.16,5.0,51.165' }));
		const boxed = await suggestionsGeoJson(ctx, { opportunityId: id, query: box, origin: '' });
		expect(boxed.features.map((f) => f.id)).toEqual([listed[0]!.id]);
		expect(() => parseGeoJsonQuery(new URLSearchParams({ bbox: '5,51,4,52' }))).toThrow(AppError);
	});
});

describe('clustersForApi', () => {
	const clusters = (id: number, query: string, tenantCtx = buildCtx(db)) =>
		clustersForApi(tenantCtx, { opportunityId: id, query: parseClustersQuery(new URLSearchParams(query)) });

	it('groups the listed suggestions in the box: the counts add up, single points carry their id', async () => {
		const { id, listed, hidden } = await opportunityWithEveryState();
		// A tight group of 8 at the centre, 2 further out.
		const group = [];
		for (let i = 0; i < 8; i++)
			group.push(await buildSuggestion(db, geel, id, { lat: 51.2 + i * 0.0001, lng: 5.05 + i * 0.0001 }));
		const outer = await buildSuggestion(db, geel, id, { title: 'Buiten', lat: 51.1, lng: 4.85 });
		const total = listed.length + group.length + 1;

		const city = await clusters(id, `bbox=${bboxParam(WHOLE_GEEL)}&zoom=12`);
		expect(city.total).toBe(total);
		expect(city.truncated).toBe(false);
		expect(city.data.reduce((n, c) => n + c.count, 0)).toBe(total);
		const big = city.data.find((c) => c.count >= 8);
		expect(big?.type).toBe('cluster');
		const single = city.data.find((c) => c.type === 'point' && c.id === outer.id);
		expect(single).toMatchObject({ type: 'point', count: 1, title: 'Buiten', lat: 51.1, lng: 4.85 });
		expect(single && single.type === 'point' && single.path).toBe(`/geel/suggesties/${outer.id}-buiten`);
		const ids = city.data.flatMap((c) => (c.type === 'point' ? [c.id] : []));
		for (const h of hidden) expect(ids).not.toContain(h);

		// At the closest zoom every suggestion of the group is its own point.
		const street = await clusters(id, 'bbox=5.049,51.199,5.052,51.201&zoom=20');
		expect(street.data).toHaveLength(8);
		expect(street.data.every((c) => c.type === 'point')).toBe(true);
		expect(street.data.map((c) => (c.type === 'point' ? c.id : 0)).sort()).toEqual(
			group.map((g) => g.id).sort()
		);

		// Filters apply: a status nobody has gives nothing.
		const none = await clusters(id, `bbox=${bboxParam(WHOLE_GEEL)}&zoom=12&status=done`);
		expect(none).toMatchObject({ total: 0, data: [] });
	});

	it("opens a cluster into its suggestions at the map's maximum zoom, where zooming in no further helps", async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		// Four suggestions on the same spot (one square, four ideas) and one hidden among them: no zoom parts them.
		const spot = { lat: 51.2101, lng: 5.0601 };
		const same = [];
		for (const [i, title] of ['Bank', 'Boom', 'Fietsrek', 'Waterpunt'].entries()) {
			const s = await buildSuggestion(db, geel, id, { ...spot, title });
			await db.update(suggestions).set({ voteCount: i }).where(eq(suggestions.id, s.id));
			same.push({ ...s, voteCount: i });
		}
		const hidden = await buildSuggestion(db, geel, id, { ...spot, title: 'Wacht', moderation: 'pending' });
		const box = 'bbox=5.0595,51.2098,5.0607,51.2104';

		const closer = await clusters(id, `${box}&zoom=${MAP_MAX_ZOOM - 1}`);
		expect(closer.data).toEqual([{ type: 'cluster', count: 4, lat: spot.lat, lng: spot.lng }]);

		for (const zoom of [MAP_MAX_ZOOM, ZOOM_MAX]) {
			const closest = await clusters(id, `${box}&zoom=${zoom}`);
			expect(closest.data).toHaveLength(1);
			const cluster = closest.data[0]!;
			expect(cluster).toMatchObject({ type: 'cluster', count: 4 });
			const members = cluster.type === 'cluster' ? (cluster.members ?? []) : [];
			// Most support first, each with what its popup shows and where it leads; the hidden one is not there.
			expect(members).toEqual(
				[...same].reverse().map((s) => ({
					id: s.id,
					title: s.title,
					status: 'published',
					votes: s.voteCount,
					path: `/geel/suggesties/${s.id}-${s.slug}`
				}))
			);
			expect(members.map((m) => m.id)).not.toContain(hidden.id);
		}
	});

	it('keeps the grid bounded whatever box and zoom are asked', async () => {
		const world = { minX: 0, maxX: 1, minY: 0, maxY: 1 };
		const size = clusterCellSize(world, 20);
		expect(1 / size).toBeLessThanOrEqual(CLUSTER_GRID_MAX);
		// A city box at city zoom keeps about 64-pixel cells.
		expect(clusterCellSize({ minX: 0.5138, maxX: 0.5139, minY: 0.33, maxY: 0.3301 }, 13)).toBeCloseTo(
			64 / (256 * 2 ** 13)
		);
		const { id } = await buildSuggestionOpportunity(db, geel);
		for (let i = 0; i < 5; i++) await buildSuggestion(db, geel, id, { lat: 51 + i * 0.1, lng: 4.9 });
		const wide = await clusters(id, 'bbox=-180,-85,180,85&zoom=20');
		expect(wide.total).toBe(5);
		expect(wide.data.length).toBeLessThanOrEqual(5);
	});

	it('caps the answer at the fullest cells and says so, with the total of the box', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		// 30 × 20 suggestions on a regular lattice, each in a cell of its own at this zoom: 600 cells.
		const rows = [];
		for (let i = 0; i < 30; i++)
			for (let j = 0; j < 20; j++)
				rows.push({
					municipalityId: geel.id,
					opportunityId: id,
					slug: `rooster-${i}-${j}`,
					title: `Rooster ${i} ${j}`,
					lat: 51.1 + j * 0.005,
					lng: 4.85 + i * 0.008,
					status: 'published' as const,
					moderation: 'approved' as const,
					publishedAt: new Date()
				});
		await db.insert(suggestions).values(rows);
		const answer = await clusters(id, 'bbox=4.8,51.05,5.15,51.25&zoom=14');
		expect(answer.total).toBe(600);
		expect(answer.truncated).toBe(true);
		expect(answer.data).toHaveLength(CLUSTER_CELLS_MAX);
	});

	it('refuses a bad bbox or zoom with a Dutch problem naming the field', async () => {
		for (const [query, field] of [
			['zoom=12', 'bbox'],
			['bbox=4,51,5&zoom=12', 'bbox'],
			['bbox=NaN,51,5,52&zoom=12', 'bbox'],
			['bbox=4,51,Infinity,52&zoom=12', 'bbox'],
			['bbox=5,51,4,52&zoom=12', 'bbox'],
			['bbox=4,-91,5,52&zoom=12', 'bbox'],
			['bbox=4,51,181,52&zoom=12', 'bbox'],
			[`bbox=${'1'.repeat(100_000)}&zoom=12`, 'bbox'],
			['bbox=4,51,5,52', 'zoom'],
			['bbox=4,51,5,52&zoom=21', 'zoom'],
			['bbox=4,51,5,52&zoom=1.5', 'zoom'],
			['bbox=4,51,5,52&zoom=-1', 'zoom']
		] as const) {
			try {
				parseClustersQuery(new URLSearchParams(query));
				expect.unreachable(query.slice(0, 60));
			} catch (err) {
				expect((err as AppError).code).toBe('bad_request');
				expect(Object.keys((err as AppError).options.fields ?? {})).toEqual([field]);
			}
		}
		expect(parseBbox(' 4.8, 51.05,5.15,51.3')).toEqual({
			minLng: 4.8,
			minLat: 51.05,
			maxLng: 5.15,
			maxLat: 51.3
		});
	});

	it('another municipality’s unpublished or unknown opportunity is not found', async () => {
		const hidden = await buildSuggestionOpportunity(db, mol, { publishAction: false });
		await buildSuggestion(db, mol, hidden.id);
		await refusal(clusters(hidden.id, `bbox=${bboxParam(WHOLE_GEEL)}&zoom=12`), 'not_found');
		await refusal(clusters(2_000_000_000, `bbox=${bboxParam(WHOLE_GEEL)}&zoom=12`), 'not_found');
	});
});
