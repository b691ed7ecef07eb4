// The page cache for visitors: pages and their client-side data are kept apart, and a change made in the
// back office shows at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logInOverHttp, removeDataDir, startServer, type RunningServer } from './support';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
	if (server) removeDataDir(server.dataDir);
});

describe('page cache', () => {
	it('serves a page again from the cache, and never the page where its data was asked for', async () => {
		await fetch(`${server.url}/olen`);
		const second = await fetch(`${server.url}/olen`);
		expect(second.headers.get('x-cache')).toBe('hit');
		expect(second.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		const data = await fetch(`${server.url}/olen/__data.json`);
		expect(data.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await data.json()).toHaveProperty('type', 'data');
	});

	it('never shares a page with a logged-in person', async () => {
		const jar = await logInOverHttp(server, 'dev-citizen-geel');
		await fetch(`${server.url}/olen`);
		const personal = await jar.fetch(new URL(`${server.url}/olen`));
		expect(personal.headers.get('x-cache')).toBeNull();
		expect(await personal.text()).toContain('Mijn profiel');
	});

	it('shows a change from the back office to the next visitor at once', async () => {
		// The page is in the cache before the write: the second visitor gets the kept copy.
		const before = await (await fetch(`${server.url}/geel`)).text();
		expect(before).not.toContain('Nieuwe intro voor Geel');
		const cached = await fetch(`${server.url}/geel`);
		expect(cached.headers.get('x-cache')).toBe('hit');
		expect(await cached.text()).toBe(before);
		const admin = await logInOverHttp(server, 'dev-admin-geel');
		const saved = await admin.fetch(new URL(`${server.url}/geel/beheer/instellingen?/branding`), {
			method: 'POST',
			form: {
				primaryColor: '#8a1538',
				accentColor: '#f2c94c',
				websiteUrl: 'https://www.geel.be',
				intro: 'Nieuwe intro voor Geel'
			}
		});
		expect(saved.status).toBe(303);
		const next = await fetch(`${server.url}/geel`);
		expect(next.headers.get('x-cache')).not.toBe('hit');
		expect(await next.text()).toContain('Nieuwe intro voor Geel');
	});
});
