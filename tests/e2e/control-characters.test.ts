// Control characters (U+0000 first: PostgreSQL refuses it in text) in what people send, over real HTTP
// against the built server: every form action and API write of the route tree gets every field name the
// platform's pages use, filled with text holding control characters, as a form (URL-encoded and multipart)
// and as JSON; none answers with a server error. A suggestion and a comment written with them are stored
// as typed without them, and a page's query holding one is redirected to the same query without it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from '../../src/lib/server/testing/http-client';
import {
	addressOf,
	freePort,
	freshDataDir,
	logInOverHttp,
	nameOf,
	projectRoot,
	removeDataDir,
	routeValuesOfGeel,
	startServer,
	writesOfRouteTree,
	type RunningServer
} from './support';

const DIRTY = 'Nul\u0000teken\u0001 en \u001fbel\u0007';
const CLEAN = 'Nulteken en bel';

/** Every field name written literally in the platform's Svelte pages and components. */
function fieldNames(): string[] {
	const names = new Set<string>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.svelte'))
				for (const match of readFileSync(full, 'utf8').matchAll(/\bname="([a-zA-Z][\w.-]*)"/g))
					names.add(match[1]!);
		}
	};
	walk(path.join(projectRoot, 'src', 'routes'));
	walk(path.join(projectRoot, 'src', 'lib', 'components'));
	for (const meta of ['robots', 'viewport', 'description', 'theme-color']) names.delete(meta);
	return [...names].sort();
}

/** Writes that would end the session the sweep runs with; each has its own tests elsewhere. */
const ENDS_SESSION = [
	/^POST \/afmelden /,
	/^POST \/profiel \?\/logoutEverywhere$/,
	/^POST \/profiel\/verwijderen /
];

let server: RunningServer;
let dataDir: string;
let people: { geel: CookieJar; region: CookieJar };
let values: Record<string, string>;
const names = fieldNames();

beforeAll(async () => {
	const env = { JOBS: '0', DEV_IDP_PORT: String(await freePort()) };
	dataDir = await freshDataDir(env);
	values = await routeValuesOfGeel(dataDir);
	server = await startServer({ dataDir, env });
	people = {
		geel: await logInOverHttp(server, 'dev-admin-geel'),
		region: await logInOverHttp(server, 'dev-regional-admin-kempen')
	};
}, 240_000);

afterAll(async () => {
	await server?.stop();
	if (dataDir) removeDataDir(dataDir);
});

/** A same-origin write as the person, the way a page of the platform would send it. */
function send(url: URL, method: string, jar: CookieJar, body: BodyInit, type?: string) {
	const headers: Record<string, string> = { cookie: jar.header(url), origin: server.url, accept: '*/*' };
	if (type) headers['content-type'] = type;
	return fetch(url, { method, headers, body, redirect: 'manual' });
}

describe('control characters in what people send', () => {
	it('reads the field names of the pages', () => {
		// A few known ones, so a reader that finds nothing cannot pass.
		expect(names).toEqual(expect.arrayContaining(['title', 'body', 'note', 'reason', 'displayName']));
	});

	it('answers every write of the route tree without a server error', async () => {
		const failures: string[] = [];
		const writes = writesOfRouteTree()
			.filter((w) => !ENDS_SESSION.some((pattern) => pattern.test(nameOf(w))))
			// The region's writes last: one of them may take Geel out of the platform.
			.sort((a, b) => Number(a.route.startsWith('/beheer')) - Number(b.route.startsWith('/beheer')));
		for (const write of writes) {
			const url = new URL(server.url + addressOf(write, values));
			const jar = url.pathname.startsWith('/beheer') ? people.region : people.geel;
			const fields = Object.fromEntries(names.map((name) => [name, DIRTY]));
			const multipart = new FormData();
			for (const [name, value] of Object.entries(fields)) multipart.set(name, value);
			const bodies: [string, () => Promise<Response>][] = [
				[
					'urlencoded',
					() => send(url, write.method, jar, new URLSearchParams(fields), 'application/x-www-form-urlencoded')
				],
				['multipart', () => send(url, write.method, jar, multipart)],
				['json', () => send(url, write.method, jar, JSON.stringify(fields), 'application/json')]
			];
			for (const [label, post] of bodies) {
				const response = await post();
				const text = await response.text();
				if (response.status >= 500 || /invalid byte sequence|0x00/.test(text))
					failures.push(`${nameOf(write)} as ${label}: ${response.status} ${text.slice(0, 120)}`);
			}
		}
		expect(failures).toEqual([]);
		expect(server.output()).not.toMatch(/invalid byte sequence/);
	}, 300_000);

	it('stores a suggestion sent over the API as typed, without the control characters', async () => {
		const url = new URL(`${server.url}/api/v1/opportunities/${values.kans}/suggestions`);
		const response = await send(
			url,
			'POST',
			people.geel,
			JSON.stringify({
				title: `Fietsstalling: ${DIRTY}`,
				body: `Graag hier. ${DIRTY}`,
				lat: 51.16,
				lng: 4.99
			}),
			'application/json'
		);
		expect(response.status).toBe(201);
		const created = ((await response.json()) as { data: { url: string } }).data;
		// Its page, which its author sees whether it is published yet or waits for moderation.
		const page = new URL(created.url);
		const html = await (await fetch(page, { headers: { cookie: people.geel.header(page) } })).text();
		expect(html).toContain(`Fietsstalling: ${CLEAN}`);
		expect(html).toContain(`Graag hier. ${CLEAN}`);
	});

	it('stores a comment posted by a form as typed, without the control characters', async () => {
		const page = new URL(`${server.url}/geel/suggesties/${values.suggestion}`);
		const response = await send(
			new URL(`${page.href}?/comment`),
			'POST',
			people.geel,
			new URLSearchParams({ body: `Goed idee! ${DIRTY}` }),
			'application/x-www-form-urlencoded'
		);
		expect(response.status).toBeLessThan(400);
		const html = await (await fetch(page, { headers: { cookie: people.geel.header(page) } })).text();
		expect(html).toContain(`Goed idee! ${CLEAN}`);
	});

	it('sends a page whose query holds a control character to the same query without it', async () => {
		const response = await fetch(`${server.url}/geel/acties?q=fiets%00&thema=`, { redirect: 'manual' });
		expect(response.status).toBe(308);
		expect(response.headers.get('location')).toBe('/geel/acties?q=fiets&thema=');
		const followed = await fetch(`${server.url}${response.headers.get('location')}`);
		expect(followed.status).toBe(200);
	});
});
