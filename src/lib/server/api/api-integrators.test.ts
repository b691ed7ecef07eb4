// What integrators rely on, through the real request path: hooks.server.ts's `handle` (CORS, the read limit,
// the page cache) around the real API routes on a started App (PGlite, or PostgreSQL with TEST_DB=postgres).
// Validators and 304 (a change gives 200 with a new ETag), CORS for reads and none for writes, the read limit
// with its RateLimit headers and 429 with Retry-After, and the platform's own pages' larger allowance.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { createEmptyTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { silentLog } from '$lib/server/testing/context';
import { buildAction, buildEvent, buildParticipatingMunicipality } from '$lib/server/testing/factories';
import { features } from '$lib/server/features';
import { loadConfig } from '$lib/server/platform/config';
import { startApp, stopApp, type App } from '$lib/server/platform/app';
import { setApp } from '$lib/server/platform/runtime';
import type { Tenant } from '$lib/server/platform/context';
import { updateAction } from '$lib/server/features/actions/actions.queries';
import { handle } from '../../../hooks.server';
import * as municipalityList from '../../../routes/api/v1/municipalities/+server';
import * as actionList from '../../../routes/api/v1/municipalities/[slug]/actions/+server';
import * as actionItem from '../../../routes/api/v1/actions/[id=slugged]/+server';
import * as eventItem from '../../../routes/api/v1/events/[id=id]/+server';
import * as vote from '../../../routes/api/v1/suggestions/[id=slugged]/vote/+server';

const ORIGIN = 'https://meedoen.test';
const READ_LIMIT = 8;

let database: TestDatabase;
let app: App;
let dataDir: string;
let geel: Tenant;
let actionId: number;
let eventId: number;

type Handler = (event: RequestEvent) => Response | Promise<Response>;

/** The route module and params SvelteKit would pick for a path (only the ones this test calls). */
function route(pathname: string): { handlers: Record<string, Handler>; params: Record<string, string> } {
	let m: RegExpMatchArray | null;
	if (pathname === '/api/v1/municipalities') return { handlers: municipalityList as never, params: {} };
	if ((m = pathname.match(/^\/api\/v1\/municipalities\/([^/]+)\/actions$/)))
		return { handlers: actionList as never, params: { slug: m[1]! } };
	if ((m = pathname.match(/^\/api\/v1\/actions\/([^/]+)$/)))
		return { handlers: actionItem as never, params: { id: m[1]! } };
	if ((m = pathname.match(/^\/api\/v1\/events\/([^/]+)$/)))
		return { handlers: eventItem as never, params: { id: m[1]! } };
	if ((m = pathname.match(/^\/api\/v1\/suggestions\/([^/]+)\/vote$/)))
		return { handlers: vote as never, params: { id: m[1]! } };
	throw new Error(`no route for ${pathname} in this test`);
}

/** One request through `handle` and the route, as adapter-node hands it over from `address`. */
async function send(
	method: string,
	pathAndQuery: string,
	headers: Record<string, string> = {},
	address = '198.51.100.7'
): Promise<Response> {
	const url = new URL(pathAndQuery, ORIGIN);
	const { handlers, params } = route(url.pathname);
	const event = {
		url,
		request: new Request(url, { method, headers }),
		params,
		route: { id: null },
		locals: {},
		cookies: { get: () => undefined, getAll: () => [], set() {}, delete() {}, serialize: () => '' },
		getClientAddress: () => address,
		setHeaders() {},
		isDataRequest: false,
		isSubRequest: false,
		platform: undefined,
		fetch
	} as unknown as RequestEvent;
	return handle({
		event,
		resolve: async (e) => {
			const handler = handlers[e.request.method];
			if (!handler) return new Response(null, { status: 405 });
			return handler(e);
		}
	});
}

beforeAll(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'meedoen-api-'));
	database = await createEmptyTestDatabase();
	app = await startApp(
		loadConfig({
			NODE_ENV: 'test',
			DATA_DIR: dataDir,
			JOBS: '0',
			DEMO: '0',
			DEV_IDP: '0',
			API_READ_LIMIT: String(READ_LIMIT)
		}),
		silentLog,
		{ database, features }
	);
	setApp(app);
	const db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	actionId = (await buildAction(db, geel, { title: 'Ontharding van de Markt' })).id;
	eventId = (await buildEvent(db, geel, { title: 'Plantdag' })).id;
}, 120_000);

afterAll(async () => {
	setApp(undefined);
	if (app) await stopApp(app);
	await database?.destroy();
	if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// Each test reads from its own address, so the read limit of one never reaches another.
let next = 10;
const newAddress = () => `203.0.113.${next++}`;

describe('validators and 304', () => {
	it('answers a read with an ETag, and an item with Last-Modified', async () => {
		const address = newAddress();
		const list = await send('GET', '/api/v1/municipalities/geel/actions', {}, address);
		expect(list.status).toBe(200);
		expect(list.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
		const item = await send('GET', `/api/v1/actions/${actionId}`, {}, address);
		expect(item.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
		const modified = new Date(item.headers.get('last-modified')!);
		expect(Math.abs(modified.getTime() - Date.now())).toBeLessThan(120_000);
		const event = await send('GET', `/api/v1/events/${eventId}`, {}, address);
		expect(event.headers.get('last-modified')).not.toBeNull();
	});

	it('gives 304 without a body for If-None-Match, and 200 with a new ETag once the action changed', async () => {
		const address = newAddress();
		const first = await send('GET', `/api/v1/actions/${actionId}`, {}, address);
		const etag = first.headers.get('etag')!;
		const same = await send('GET', `/api/v1/actions/${actionId}`, { 'if-none-match': etag }, address);
		expect(same.status).toBe(304);
		expect(await same.text()).toBe('');
		expect(same.headers.get('etag')).toBe(etag);
		expect(same.headers.get('access-control-allow-origin')).toBe('*');
		// A list of tags, and the weak form of ours, match too.
		const listed = await send(
			'GET',
			`/api/v1/actions/${actionId}`,
			{ 'if-none-match': `"other", W/${etag}` },
			address
		);
		expect(listed.status).toBe(304);

		await updateAction(database.db, {
			municipalityId: geel.id,
			id: actionId,
			title: 'Ontharding van de Grote Markt'
		});
		// A write through the site clears the caches; this one went straight to the database.
		app.pageCache.clear();
		app.cache.clear();
		const changed = await send('GET', `/api/v1/actions/${actionId}`, { 'if-none-match': etag }, address);
		expect(changed.status).toBe(200);
		expect(changed.headers.get('etag')).not.toBe(etag);
		expect(((await changed.json()) as { data: { title: string } }).data.title).toBe(
			'Ontharding van de Grote Markt'
		);
	});

	it('gives 304 for If-Modified-Since at or after Last-Modified, and 200 before it', async () => {
		const address = newAddress();
		const first = await send('GET', `/api/v1/events/${eventId}`, {}, address);
		const lastModified = first.headers.get('last-modified')!;
		const same = await send(
			'GET',
			`/api/v1/events/${eventId}`,
			{ 'if-modified-since': lastModified },
			address
		);
		expect(same.status).toBe(304);
		const before = new Date(new Date(lastModified).getTime() - 1000).toUTCString();
		const older = await send('GET', `/api/v1/events/${eventId}`, { 'if-modified-since': before }, address);
		expect(older.status).toBe(200);
		// If-None-Match decides when both are sent (RFC 9110): a tag that does not match gives 200.
		const both = await send(
			'GET',
			`/api/v1/events/${eventId}`,
			{ 'if-modified-since': lastModified, 'if-none-match': '"nope"' },
			address
		);
		expect(both.status).toBe(200);
		// A date nobody can read is ignored.
		const garbage = await send(
			'GET',
			`/api/v1/events/${eventId}`,
			{ 'if-modified-since': 'gisteren' },
			address
		);
		expect(garbage.status).toBe(200);
	});

	it('gives 304 also when the answer comes from the page cache', async () => {
		const address = newAddress();
		const first = await send('GET', '/api/v1/municipalities', {}, address);
		const etag = first.headers.get('etag')!;
		const cached = await send('GET', '/api/v1/municipalities', { 'if-none-match': etag }, address);
		expect(cached.headers.get('x-cache')).toBe('hit');
		expect(cached.status).toBe(304);
	});
});

describe('CORS', () => {
	it('lets a script on any origin read, without credentials, and see the validators and limits', async () => {
		const response = await send(
			'GET',
			'/api/v1/municipalities',
			{ origin: 'https://example.org' },
			newAddress()
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-credentials')).toBeNull();
		const exposed = response.headers.get('access-control-expose-headers')!.split(', ');
		expect(exposed).toEqual(
			expect.arrayContaining(['etag', 'last-modified', 'ratelimit-remaining', 'retry-after'])
		);
	});

	it('answers the preflight for reads only', async () => {
		const response = await send(
			'OPTIONS',
			'/api/v1/municipalities/geel/actions',
			{
				origin: 'https://example.org',
				'access-control-request-method': 'GET',
				'access-control-request-headers': 'if-none-match'
			},
			newAddress()
		);
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
		expect(response.headers.get('access-control-allow-headers')).toContain('if-none-match');
		expect(response.headers.get('access-control-allow-credentials')).toBeNull();
	});

	it('gives a write from another origin no CORS at all: its preflight names no write method, the write is refused', async () => {
		const preflight = await send(
			'OPTIONS',
			`/api/v1/suggestions/1/vote`,
			{ origin: 'https://example.org', 'access-control-request-method': 'PUT' },
			newAddress()
		);
		expect(preflight.headers.get('access-control-allow-methods')).not.toMatch(/PUT|POST|DELETE|PATCH/);
		const write = await send(
			'PUT',
			`/api/v1/suggestions/1/vote`,
			{ origin: 'https://example.org', 'content-type': 'application/json' },
			newAddress()
		);
		expect(write.status).toBe(403);
		expect(write.headers.get('access-control-allow-origin')).toBeNull();
		expect(write.headers.get('ratelimit-limit')).toBeNull();
	});
});

describe('the read limit', () => {
	// The limit counts per minute of the clock (a fixed window): reads that straddle a minute's end are counted in
	// two windows, and the counts the test expects start again in the middle (the platform's pages' hundred reads
	// take most of a second; started 300 ms before a minute ended, the test failed). The clock stands still while
	// a test reads.
	beforeEach(() => {
		vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('counts reads per address with RateLimit headers, then refuses with 429, Retry-After and a Dutch problem', async () => {
		const address = newAddress();
		for (let i = 1; i <= READ_LIMIT; i++) {
			const response = await send('GET', '/api/v1/municipalities', {}, address);
			expect(response.status).toBe(200);
			expect(response.headers.get('ratelimit-limit')).toBe(String(READ_LIMIT));
			expect(response.headers.get('ratelimit-remaining')).toBe(String(READ_LIMIT - i));
			const reset = Number(response.headers.get('ratelimit-reset'));
			expect(reset).toBeGreaterThanOrEqual(1);
			expect(reset).toBeLessThanOrEqual(60);
			expect(response.headers.get('ratelimit-policy')).toBe(`${READ_LIMIT};w=60`);
		}
		const refused = await send('GET', '/api/v1/municipalities', {}, address);
		expect(refused.status).toBe(429);
		expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		expect(refused.headers.get('ratelimit-remaining')).toBe('0');
		const retryAfter = Number(refused.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);
		expect(refused.headers.get('access-control-allow-origin')).toBe('*');
		const body = (await refused.json()) as { status: number; code: string; title: string };
		expect(body).toMatchObject({ status: 429, code: 'rate_limited' });
		expect(body.title).toContain('Te veel verzoeken');
		// Another address still reads.
		expect((await send('GET', '/api/v1/municipalities', {}, newAddress())).status).toBe(200);
	});

	it("gives the platform's own pages (Sec-Fetch-Site: same-origin) ten times the reads, counted apart", async () => {
		const address = newAddress();
		const ownPage = { 'sec-fetch-site': 'same-origin' };
		const ownLimit = READ_LIMIT * 10;
		// An integrator on this address uses up its limit: refused at READ_LIMIT + 1.
		for (let i = 1; i <= READ_LIMIT; i++)
			expect((await send('GET', '/api/v1/municipalities', {}, address)).status).toBe(200);
		expect((await send('GET', '/api/v1/municipalities', {}, address)).status).toBe(429);
		// A citizen's browser on the same address, on the platform's map: far past READ_LIMIT, not refused.
		for (let i = 1; i <= ownLimit; i++) {
			const response = await send('GET', '/api/v1/municipalities', ownPage, address);
			expect(response.status, `read ${i}`).toBe(200);
			expect(response.headers.get('ratelimit-limit')).toBe(String(ownLimit));
			expect(response.headers.get('ratelimit-remaining')).toBe(String(ownLimit - i));
		}
		// Still a limit, not none.
		expect((await send('GET', '/api/v1/municipalities', ownPage, address)).status).toBe(429);
		// A read from another site's page is counted as an integrator's.
		const other = newAddress();
		const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://elders.example' };
		for (let i = 1; i <= READ_LIMIT; i++)
			expect((await send('GET', '/api/v1/municipalities', crossSite, other)).status).toBe(200);
		expect((await send('GET', '/api/v1/municipalities', crossSite, other)).status).toBe(429);
	});
});
