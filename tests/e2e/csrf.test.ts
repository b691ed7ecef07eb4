// Cross-site request forgery, over real HTTP against the built server: every form action and every API
// write of the platform, read from the route tree (a new one is covered without editing this test), is
// posted with the victim's session cookie from another site (`Origin: https://evil.example`), from an
// opaque origin (`Origin: null`: sandboxed frames, data: URLs, some redirects) and without an Origin, in
// every content type a page can send without a CORS preflight and as JSON. Each is refused with 403, and
// the database (every table) is the same afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from '../../src/lib/server/testing/http-client';
import {
	addressOf,
	changedTables,
	freePort,
	logInOverHttp,
	nameOf,
	removeDataDir,
	routeValuesOfGeel,
	startServer,
	tablesOf,
	withDataFolder,
	writesOfRouteTree,
	type RunningServer
} from './support';

/** Every table of the public schema, rows in a stable order, as JSON text. */
const snapshot = (dataDir: string) => withDataFolder(dataDir, (db) => tablesOf(db));

const ORIGINS: [label: string, origin: string | undefined][] = [
	['another site', 'https://evil.example'],
	['an opaque origin', 'null'],
	['no origin', undefined]
];

/** What a hostile page can send without a preflight (a form or a no-cors fetch), and JSON. */
function bodies(): [label: string, type: string, body: () => BodyInit][] {
	return [
		['urlencoded', 'application/x-www-form-urlencoded', () => 'title=Ingebroken&body=Overgenomen&confirm=on'],
		[
			'multipart',
			'',
			() => {
				const form = new FormData();
				form.set('title', 'Ingebroken');
				form.set('confirm', 'on');
				return form;
			}
		],
		['text/plain', 'text/plain', () => 'title=Ingebroken'],
		[
			'json',
			'application/json',
			() => JSON.stringify({ title: 'Ingebroken', body: 'Overgenomen', lat: 51.16, lng: 4.99 })
		]
	];
}

let server: RunningServer;
let dataDir: string;
let victims: { geel: CookieJar; region: CookieJar };
let values: Record<string, string>;
let before: Record<string, string>;
let env: Record<string, string>;
const writes = writesOfRouteTree();

beforeAll(async () => {
	// Jobs off: nothing in the background changes the database between the two snapshots. The identity
	// provider keeps its port: the demo personas' identities name it, and are updated when it moves.
	env = { JOBS: '0', DEV_IDP_PORT: String(await freePort()) };
	server = await startServer({ env });
	dataDir = server.dataDir;
	victims = {
		geel: await logInOverHttp(server, 'dev-admin-geel'),
		region: await logInOverHttp(server, 'dev-regional-admin-kempen')
	};
	await server.stop();
	values = await routeValuesOfGeel(dataDir);
	before = await snapshot(dataDir);
	server = await startServer({ dataDir, env });
}, 240_000);

afterAll(async () => {
	await server?.stop();
	if (dataDir) removeDataDir(dataDir);
});

describe('cross-site writes', () => {
	it('finds the form actions and API writes in the route tree', () => {
		const names = writes.map(nameOf);
		// A few known ones, so a reader that finds nothing cannot pass.
		expect(names).toEqual(
			expect.arrayContaining([
				'PUT /api/v1/suggestions/[id=slugged]/vote',
				'DELETE /api/v1/suggestions/[id=slugged]/vote',
				'POST /api/v1/opportunities/[id=id]/suggestions',
				'POST /[municipality=slug]/beheer/medewerkers ?/invite',
				'POST /profiel/verwijderen ?/default',
				'POST /afmelden ?/default',
				'POST /beheer/deelname ?/default'
			])
		);
		expect(writes.length).toBeGreaterThan(40);
	});

	it('refuses every form action and API write from another origin, an opaque one or none', async () => {
		const accepted: string[] = [];
		for (const write of writes) {
			const url = new URL(server.url + addressOf(write, values));
			const jar = url.pathname.startsWith('/beheer') ? victims.region : victims.geel;
			for (const [originLabel, origin] of ORIGINS) {
				for (const [bodyLabel, type, body] of bodies()) {
					const headers: Record<string, string> = { cookie: jar.header(url), accept: '*/*' };
					if (type) headers['content-type'] = type;
					if (origin !== undefined) headers.origin = origin;
					const response = await fetch(url, {
						method: write.method,
						headers,
						body: body(),
						redirect: 'manual'
					});
					const label = `${write.method} ${url.pathname}${url.search} from ${originLabel} as ${bodyLabel}`;
					if (response.status !== 403) {
						accepted.push(`${label}: ${response.status}`);
						continue;
					}
					if (url.pathname.startsWith('/api/')) {
						// The API answers in its own language: a Dutch problem document.
						const type = response.headers.get('content-type') ?? '';
						const problem = type.startsWith('application/problem+json')
							? ((await response.json()) as { status: number; title: string; code: string })
							: null;
						if (!problem || problem.code !== 'forbidden' || !/andere website/.test(problem.title))
							accepted.push(`${label}: 403 but not the API's Dutch problem document (${type})`);
					} else {
						const text = await response.text();
						if (!/andere website/.test(text)) accepted.push(`${label}: 403 without the Dutch refusal`);
					}
				}
			}
		}
		expect(accepted).toEqual([]);
	}, 240_000);

	it('left the database as it was', async () => {
		await server.stop();
		const after = await snapshot(dataDir);
		server = await startServer({ dataDir, env });
		expect(changedTables(before, after)).toEqual([]);
	}, 120_000);

	it('still accepts the same writes from the platform itself', async () => {
		// The refusals above are about the origin, not the session or the ids: with our own origin the
		// victim's vote goes through.
		const url = new URL(`${server.url}/api/v1/suggestions/${values.suggestion}/vote`);
		const response = await fetch(url, {
			method: 'PUT',
			headers: { cookie: victims.geel.header(url), origin: server.url, accept: 'application/json' }
		});
		expect(response.status).toBe(200);
	});
});
