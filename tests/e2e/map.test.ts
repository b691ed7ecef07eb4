// The small map on an action page with a place: the text is there without JavaScript; with JavaScript
// Leaflet (loaded only on such pages, and only when the map nears the screen) shows one marker, and says so
// politely when the base map fails.
// The tile server is unreachable here on purpose (as the GRB service is from our machines): https on a
// closed port, so the tileerror path runs under the production policy.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	blockPageScripts,
	checkA11y,
	launchBrowser,
	removeDataDir,
	startServer,
	sveltekitRan,
	visit,
	watchProblems,
	type RunningServer
} from './support';

const TILE_URL = 'https://127.0.0.1:9/{z}/{x}/{y}.png';
const UNAVAILABLE = 'De basiskaart is niet beschikbaar';

describe('the map on an action page', () => {
	let server: RunningServer;
	let browser: Browser;
	let actionPath: string;
	let place: { name: string; lat: number; lng: number };

	beforeAll(async () => {
		server = await startServer({ env: { TILE_URL } });
		browser = await launchBrowser();
		const response = await fetch(`${server.url}/api/v1/municipalities/geel/actions`);
		const body = (await response.json()) as {
			data: { url: string; place: { name: string | null; lat: number | null; lng: number | null } | null }[];
		};
		const located = body.data.find((a) => a.place?.name && a.place.lat != null && a.place.lng != null);
		expect(located, 'a demo action of Geel with a named place and coordinates').toBeDefined();
		actionPath = new URL(located!.url).pathname;
		place = located!.place as typeof place;
	});
	afterAll(async () => {
		await browser?.close();
		const code = await server?.stop();
		if (server) removeDataDir(server.dataDir);
		expect(code === 0 || code === null).toBe(true);
	});

	async function newContext(): Promise<BrowserContext> {
		return browser.newContext({ baseURL: server.url, locale: 'nl-BE' });
	}
	const coordinates = () => `Coördinaten: ${place.lat.toFixed(5)}, ${place.lng.toFixed(5)}`;

	it('with JavaScript: Leaflet, one marker, the base map announced as unavailable, no axe violations', async () => {
		const context = await newContext();
		try {
			const page = await context.newPage();
			const problems = watchProblems(page);
			const scripts: string[] = [];
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.push(request.url());
			});

			await visit(page, '/geel');
			const homeScripts = new Set(scripts);
			expect(homeScripts.size).toBeGreaterThan(0);

			await visit(page, actionPath);
			const figure = page.locator('figure.place-map');
			// Leaflet comes when the map nears the screen (the phone test below proves it waits until then).
			await figure.scrollIntoViewIfNeeded();
			await expect.poll(() => figure.locator('.leaflet-container').count()).toBe(1);
			// Leaflet came in a chunk of its own, one the home page never loaded.
			const leafletChunks: string[] = [];
			for (const url of new Set(scripts))
				if ((await (await fetch(url)).text()).includes('leaflet-pane')) leafletChunks.push(url);
			expect(leafletChunks.length).toBeGreaterThan(0);
			expect(leafletChunks.filter((url) => homeScripts.has(url))).toEqual([]);
			expect(await figure.locator('.leaflet-marker-icon').count()).toBe(1);
			expect(await figure.locator('.leaflet-marker-icon.place-map-marker').count()).toBe(1);
			// The marker stands inside the visible map, near its middle.
			const box = (await figure.locator('.leaflet-container').boundingBox())!;
			const pin = (await figure.locator('.place-map-pin').boundingBox())!;
			expect(Math.abs(pin.x + pin.width / 2 - (box.x + box.width / 2))).toBeLessThan(20);
			expect(pin.y).toBeGreaterThan(box.y);
			expect(pin.y + pin.height).toBeLessThan(box.y + box.height);
			// Decoration: hidden from assistive technology and out of the tab order, with no controls.
			const map = figure.locator('.leaflet-container');
			expect(await map.getAttribute('aria-hidden')).toBe('true');
			expect(await map.getAttribute('tabindex')).toBe('-1');
			expect(await map.locator('a, button, [tabindex="0"]').count()).toBe(0);

			const status = figure.getByRole('status');
			expect(await status.getAttribute('aria-live')).toBe('polite');
			await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain(UNAVAILABLE);
			expect(await status.isVisible()).toBe(true);
			const caption = (await figure.locator('figcaption').textContent()) ?? '';
			expect(caption).toContain(place.name);
			expect(caption).toContain(coordinates());
			// No attribution for a base map that is not shown.
			expect(caption).not.toContain('Basiskaart:');

			await checkA11y(page, 'action page with a map', { targetSize: true });
			// The failing tiles are expected; nothing else may go wrong.
			expect(problems.filter((p) => !p.includes('127.0.0.1:9/'))).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('on a phone: Leaflet is not loaded until the map comes near the screen, then shows the place', async () => {
		// Issue 15: the map's script blocked a mid-range phone's main thread while the page loaded, for a map
		// below the text that the person may never scroll to.
		const context = await browser.newContext({
			baseURL: server.url,
			locale: 'nl-BE',
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		try {
			const page = await context.newPage();
			const problems = watchProblems(page);
			const leafletChunks: string[] = [];
			const read: Promise<void>[] = [];
			page.on('response', (response) => {
				if (response.request().resourceType() !== 'script') return;
				read.push(
					response
						.text()
						.then((body) => void (body.includes('leaflet-pane') && leafletChunks.push(response.url())))
						.catch(() => {})
				);
			});
			await visit(page, actionPath);
			expect(await sveltekitRan(page)).toBe(true);
			const figure = page.locator('figure.place-map');
			// The map is more than a screen below the first one: that is what lets the page load without it.
			const top = await figure.evaluate((el) => el.getBoundingClientRect().top);
			expect(top).toBeGreaterThan(2 * 844);
			await Promise.all(read);
			expect(leafletChunks).toEqual([]);
			expect(await figure.locator('.leaflet-container').count()).toBe(0);
			// Its frame is already there, so nothing moves when the map arrives; the place is text meanwhile.
			expect(await figure.locator('.map-frame').count()).toBe(1);
			expect((await figure.locator('figcaption').textContent()) ?? '').toContain(coordinates());

			await figure.scrollIntoViewIfNeeded();
			await expect
				.poll(() => figure.locator('.leaflet-marker-icon.place-map-marker').count(), { timeout: 15_000 })
				.toBe(1);
			await Promise.all(read);
			expect(leafletChunks.length).toBeGreaterThan(0);
			await expect
				.poll(() => figure.getByRole('status').textContent(), { timeout: 15_000 })
				.toContain(UNAVAILABLE);
			await checkA11y(page, 'action page on a phone, the map scrolled to', { targetSize: true });
			expect(problems.filter((p) => !p.includes('127.0.0.1:9/'))).toEqual([]);
		} finally {
			await context.close();
		}
	});

	it('without JavaScript: the place as text, no map', async () => {
		const context = await newContext();
		try {
			await blockPageScripts(context);
			const page = await context.newPage();
			const response = await page.goto(actionPath);
			expect(response?.status()).toBe(200);
			expect(await sveltekitRan(page)).toBe(false);
			const figure = page.locator('figure.place-map');
			const caption = (await figure.locator('figcaption').textContent()) ?? '';
			expect(caption).toContain(place.name);
			expect(caption).toContain(coordinates());
			expect(await figure.locator('.leaflet-container').count()).toBe(0);
			expect(await page.getByText(UNAVAILABLE).count()).toBe(0);
			await checkA11y(page, 'action page with a map, without JavaScript');
		} finally {
			await context.close();
		}
	});
});
