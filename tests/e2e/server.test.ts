// The built server, started as `npm start` starts it, on an empty data folder; then again on the same folder.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDataDir, makeDataDir, removeDataDir, startServer, type RunningServer } from './support';

interface ApiMunicipality {
	slug: string;
	name: string;
	nisCode: string;
	inhabitants: number;
	participating: boolean;
	center: { lat: number; lng: number };
}

async function municipalities(server: RunningServer): Promise<ApiMunicipality[]> {
	const response = await fetch(`${server.url}/api/v1/municipalities`);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	const body = (await response.json()) as { data: (ApiMunicipality & { url: string })[] };
	// url carries the server's origin, which changes with the port on every start.
	return body.data.map(({ url, ...rest }) => {
		expect(url).toBe(`${server.url}/${rest.slug}`);
		return rest;
	});
}

/** The theme names shown on a municipality's home, in order. */
async function themeNames(server: RunningServer, slug: string): Promise<string[]> {
	const response = await fetch(`${server.url}/${slug}`);
	expect(response.status).toBe(200);
	const html = await response.text();
	// A card's heading holds its name, as text or as the link to the theme's actions.
	return [...html.matchAll(/<h3[^>]*>([\s\S]*?)<\/h3>/g)].map((m) => m[1]!.replace(/<[^>]*>/g, '').trim());
}

describe('the built server on an empty data folder', () => {
	let dataDir: string;
	let server: RunningServer | undefined;

	beforeAll(async () => {
		dataDir = makeDataDir();
		expect(readdirSync(dataDir)).toEqual([]);
		server = await startServer({ dataDir });
	});

	afterAll(async () => {
		await server?.stop();
		removeDataDir(dataDir);
	});

	it('answers /healthz with 200 {status: "ok"}', async () => {
		const response = await fetch(`${server!.url}/healthz`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await response.json()).toMatchObject({ status: 'ok' });
	});

	it('lists the 29 municipalities of the Kempen in /api/v1/municipalities', async () => {
		const list = await municipalities(server!);
		expect(list).toHaveLength(29);
		for (const m of list) {
			expect(m, JSON.stringify(m)).toMatchObject({
				slug: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
				name: expect.any(String),
				nisCode: expect.stringMatching(/^\d{5}$/),
				inhabitants: expect.any(Number),
				participating: expect.any(Boolean),
				center: { lat: expect.any(Number), lng: expect.any(Number) }
			});
			expect(m.inhabitants).toBeGreaterThan(0);
			// The Kempen lies roughly between 51.0–51.5 N and 4.6–5.2 E.
			expect(m.center.lat).toBeGreaterThan(50.9);
			expect(m.center.lat).toBeLessThan(51.6);
			expect(m.center.lng).toBeGreaterThan(4.5);
			expect(m.center.lng).toBeLessThan(5.3);
		}
		expect(new Set(list.map((m) => m.slug)).size).toBe(29);
		expect(list.map((m) => m.slug)).toEqual(
			expect.arrayContaining(['geel', 'oud-turnhout', 'heist-op-den-berg', 'arendonk'])
		);
		// The demo content makes some of them take part.
		expect(list.find((m) => m.slug === 'geel')?.participating).toBe(true);
		expect(list.find((m) => m.slug === 'arendonk')?.participating).toBe(false);
	});

	it('describes its API in /api/v1/openapi.json as OpenAPI 3.1', async () => {
		const response = await fetch(`${server!.url}/api/v1/openapi.json`);
		expect(response.status).toBe(200);
		const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
		expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
		expect(Object.keys(doc.paths)).toContain('/municipalities');
	});

	it('answers an unknown API path with a 404 problem document', async () => {
		const response = await fetch(`${server!.url}/api/v1/bestaat-niet`);
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
		const body = (await response.json()) as { status: number; title: string };
		expect(body).toMatchObject({ status: 404, title: expect.any(String) });
	});

	it('sends the security headers on /', async () => {
		const response = await fetch(`${server!.url}/`);
		expect(response.status).toBe(200);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("script-src 'self'");
		expect(csp).toContain('frame-ancestors');
		// One well-formed policy: a comma would make it several policies (the header's list syntax), and a
		// directive named twice is ignored after its first occurrence.
		expect(csp).not.toContain(',');
		const directives = csp
			.split(';')
			.map((part) => part.trim())
			.filter(Boolean)
			.map((part) => part.split(/\s+/));
		const names = directives.map(([name]) => name!.toLowerCase());
		for (const name of names) expect(name).toMatch(/^[a-z-]+$/);
		expect(new Set(names).size, csp).toBe(names.length);
		const policy = Object.fromEntries(directives.map(([name, ...values]) => [name!.toLowerCase(), values]));
		expect(policy['frame-ancestors']).toEqual(["'none'"]);
		expect(policy['form-action']?.[0]).toBe("'self'");
		expect(policy['base-uri']).toEqual(["'self'"]);
		expect(policy['script-src']?.[0]).toBe("'self'");
		expect(policy['object-src']).toEqual(["'none'"]);
		expect(policy['default-src']).toEqual(["'self'"]);
		// A JSON answer carries the run-time part as its one policy too.
		const api = await fetch(`${server!.url}/api/v1/municipalities`);
		const apiPolicy = api.headers.get('content-security-policy') ?? '';
		expect(apiPolicy).not.toContain(',');
		expect(apiPolicy).toContain("frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBeTruthy();
	});

	it('reuses its data folder on a second start', async () => {
		const before = await municipalities(server!);
		const geelThemes = await themeNames(server!, 'geel');
		expect(geelThemes.length).toBeGreaterThan(0);
		expect(readdirSync(dataDir).length).toBeGreaterThan(0);

		const code = await server!.stop();
		server = undefined;
		expect(code).toBe(0);

		server = await startServer({ dataDir });
		const after = await municipalities(server);
		expect(after).toHaveLength(29);
		expect(after).toEqual(before);
		expect(after.filter((m) => m.participating).length).toBeGreaterThan(0);
		// The demo is still there, and was not loaded a second time.
		expect(await themeNames(server, 'geel')).toEqual(geelThemes);
	});
});

describe('two servers on one data folder', () => {
	let dataDir: string;
	const servers: RunningServer[] = [];

	beforeAll(async () => {
		// A copy of the demo folder: what is proven here is the folder's lock, not a first start (above).
		dataDir = await freshDataDir();
	});
	afterAll(async () => {
		for (const server of servers) await server.stop();
		removeDataDir(dataDir);
	});

	it('refuses the second start with the folder and the running process, and starts after a crash', async () => {
		const first = await startServer({ dataDir });
		servers.push(first);
		const second = await startServer({ dataDir }).then(
			(server) => {
				servers.push(server);
				return new Error(`a second server started on ${dataDir}`);
			},
			(err: Error) => err
		);
		expect(second.message).toContain('(exit 75)');
		expect(second.message).toContain(`De datamap ${path.resolve(dataDir)} is al in gebruik`);
		expect(second.message).toContain(`proces ${first.pid}`);
		// The first carries on.
		expect((await fetch(`${first.url}/healthz`)).status).toBe(200);

		// Killed, it leaves its lock behind; the next start takes it over.
		await first.kill();
		const next = await startServer({ dataDir });
		servers.push(next);
		expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
	});
});
