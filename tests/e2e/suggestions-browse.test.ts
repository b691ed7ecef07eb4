// A citizen browses the suggestions of an opportunity in Geel: the list (complete without JavaScript, filtered
// with the GET form, read with the keyboard) and, with JavaScript, the map beside it drawing the clusters the
// server computes for the visible box, on a plain background since the shared server has no base map
// (TILE_URL=none). Axe checks every page on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import {
	blockPageScripts,
	checkA11y,
	launchBrowser,
	sveltekitRan,
	shown,
	visit,
	watchProblems
} from './support';

const OPPORTUNITY = 'Plekken om te ontharden en te vergroenen';

async function geelOpportunity(baseURL: string): Promise<{ id: number; actionUrl: string }> {
	const response = await fetch(`${baseURL}/api/v1/municipalities/geel/actions?limit=100`);
	const list = (await response.json()) as { data: { id: number; url: string }[] };
	for (const action of list.data) {
		const detail = await fetch(`${baseURL}/api/v1/actions/${action.id}`);
		const body = (await detail.json()) as {
			data: { opportunities: { id: number; title: string; kind: string }[] };
		};
		const found = body.data.opportunities.find((o) => o.kind === 'mapSuggestions' && o.title === OPPORTUNITY);
		if (found) return { id: found.id, actionUrl: action.url };
	}
	throw new Error(`no opportunity "${OPPORTUNITY}" in the demo of Geel`);
}

describe('browsing the suggestions of an opportunity', () => {
	const baseURL = inject('baseURL');
	let browser: Browser;
	let context: BrowserContext | undefined;
	let opportunity: { id: number; actionUrl: string };
	let path: string;

	beforeAll(async () => {
		browser = await launchBrowser();
		opportunity = await geelOpportunity(baseURL);
		path = `/geel/kansen/${opportunity.id}`;
	});
	afterAll(async () => {
		await browser?.close();
	});
	afterEach(async () => {
		await context?.close();
		context = undefined;
	});

	async function open(
		options: { javaScript?: boolean; blockScripts?: boolean; phone?: boolean } = {}
	): Promise<Page> {
		context = await browser.newContext({
			baseURL,
			locale: 'nl-BE',
			javaScriptEnabled: options.javaScript ?? true,
			...(options.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {})
		});
		if (options.blockScripts) await blockPageScripts(context);
		return context.newPage();
	}

	it('the action page links to its suggestions; the list page passes axe and shows the state', async () => {
		const page = await open();
		const problems = watchProblems(page);
		await visit(page, new URL(opportunity.actionUrl).pathname);
		// The opportunity's next step (its name ends in the opportunity's title).
		const link = page.getByRole('link', { name: new RegExp(`^Naar de kaart: .*: ${OPPORTUNITY}$`) });
		expect(await link.getAttribute('href')).toBe(path);
		await link.click();
		await page.waitForURL((url) => url.pathname === path);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe(OPPORTUNITY);
		expect(await page.locator('h1').count()).toBe(1);
		expect(await page.getByRole('link', { name: 'Suggestie toevoegen' }).getAttribute('href')).toBe(
			`${path}/nieuw`
		);
		// This opportunity lets a person support three suggestions.
		expect(await page.getByText('Je kan hoogstens 3 suggesties steunen.').count()).toBe(1);
		const count = await page.locator('.suggestion-list .count').textContent();
		expect(count).toMatch(/^\d+ suggesties$/);
		expect(await page.locator('.suggestion-list article').count()).toBeGreaterThan(5);
		await checkA11y(page, 'suggestions of an opportunity');
		expect(problems).toEqual([]);
	});

	it('with JavaScript the map draws the clusters from the API and says the base map is unavailable', async () => {
		const page = await open();
		const problems = watchProblems(page);
		const asked: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/clusters?')) asked.push(request.url());
		});
		await visit(page, path);
		expect(await sveltekitRan(page)).toBe(true);
		const map = page.locator('.suggestion-map .leaflet-container');
		await expect.poll(() => map.count()).toBe(1);
		const markers = map.locator('.suggestion-cluster, .suggestion-point');
		await expect.poll(() => markers.count(), { timeout: 10_000 }).toBeGreaterThan(0);
		expect(asked.length).toBeGreaterThan(0);
		const first = new URL(asked[0]!);
		expect(first.pathname).toBe(`/api/v1/opportunities/${opportunity.id}/clusters`);
		expect(first.searchParams.get('bbox')).toMatch(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/);
		expect(first.searchParams.get('zoom')).toBe('12');
		expect(await page.getByText('De basiskaart is niet beschikbaar').isVisible()).toBe(true);
		expect(await page.getByText('De lijst naast de kaart bevat alle suggesties').isVisible()).toBe(true);
		// The numbers on the map add up to what the map says it shows.
		const shown = await page.locator('.suggestion-map .summary').textContent();
		const total = Number(/(\d+) suggesties? in dit deel/.exec(shown ?? '')?.[1]);
		const numbers = await map.locator('.suggestion-cluster span').allTextContents();
		const points = await map.locator('.suggestion-point').count();
		expect(numbers.reduce((n, s) => n + Number(s), 0) + points).toBe(total);
		// Every marker is named and reachable with the keyboard.
		for (const marker of await markers.all()) {
			expect(await marker.getAttribute('aria-label')).toBeTruthy();
			expect(await marker.getAttribute('tabindex')).toBe('0');
		}
		// Every marker is a target of at least 24 by 24 CSS pixels that no other covers (WCAG 2.5.8), here and
		// (below) closer in, where the server's cells and points come apart.
		await checkA11y(page, 'suggestions with the map', { targetSize: true });

		// Activating a cluster zooms in and asks again for the smaller box (30 suggestions within 2 km of
		// Geel's centre always make clusters at zoom 12).
		const cluster = map.locator('.suggestion-cluster').first();
		expect(await cluster.count()).toBe(1);
		const before = asked.length;
		await cluster.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => asked.length).toBeGreaterThan(before);
		expect(Number(new URL(asked.at(-1)!).searchParams.get('zoom'))).toBeGreaterThan(12);
		// A single point opens a popup with its title and a link to its page.
		await expect.poll(() => map.locator('.suggestion-point').count(), { timeout: 10_000 }).toBeGreaterThan(0);
		const point = map.locator('.suggestion-point').first();
		await point.focus();
		await page.keyboard.press('Enter');
		const popup = page.locator('.suggestion-popup');
		await expect.poll(() => popup.count()).toBe(1);
		expect(await popup.locator('a').getAttribute('href')).toMatch(/^\/geel\/suggesties\/\d+-/);

		// A click on the map proposes "near this place" in the filter form; sending it lists what is near.
		await page.keyboard.press('Escape');
		const frame = (await map.boundingBox())!;
		await page.mouse.click(frame.x + frame.width * 0.85, frame.y + frame.height * 0.15);
		const chosen = page.getByRole('group', { name: 'Gekozen plek op de kaart' });
		await expect.poll(() => chosen.count()).toBe(1);
		await page.getByRole('button', { name: 'Toon suggesties' }).click();
		await page.waitForURL(/lat=[\d.]+&lng=[\d.]+/);
		await expect
			.poll(() => page.getByText('Binnen 1 km van de gekozen plek op de kaart, dichtstbij eerst.').count())
			.toBe(1);
		expect(await page.getByLabel('Sorteren').inputValue()).toBe('afstand');
		await checkA11y(page, 'suggestions near a place on the map', { targetSize: true });
		for (const zoom of [1, 2]) {
			const before = asked.length;
			await map.locator('.leaflet-control-zoom-in').click();
			await expect.poll(() => asked.length).toBeGreaterThan(before);
			await page.waitForLoadState('networkidle');
			// Measured once the markers of the new box are drawn (a redraw replaces them all).
			const smallest = () =>
				markers.evaluateAll((els) =>
					Math.min(...(els as HTMLElement[]).map((el) => Math.min(el.offsetWidth, el.offsetHeight)))
				);
			await expect.poll(smallest, { message: `markers at zoom +${zoom}` }).toBeGreaterThanOrEqual(24);
			await checkA11y(page, `suggestions with the map, zoomed in ${zoom}`, { targetSize: true });
		}
		expect(problems).toEqual([]);
	});

	it('on a phone a list/map switch at the top brings the map up, the list still after it', async () => {
		// Bug: at 390 px the map came after the whole list, some 7,000 px down.
		const page = await open({ phone: true });
		const problems = watchProblems(page);
		const asked: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/clusters?')) asked.push(request.url());
		});
		await visit(page, path);
		// Issue 15: with the list first, the map far below is not drawn, nor its clusters asked for, while the
		// page loads; the phone's main thread is the list's.
		expect(await page.locator('#kaart .leaflet-container').count()).toBe(0);
		expect(asked).toEqual([]);
		const views = page.getByRole('navigation', { name: 'Weergave' });
		expect(await views.isVisible()).toBe(true);
		const list = page.locator('#lijst');
		const top = (locator: ReturnType<Page['locator']>) =>
			locator.evaluate((el) => el.getBoundingClientRect().top + scrollY);
		expect(await top(views)).toBeLessThan(await top(list));
		expect(await views.getByRole('link', { name: 'Lijst' }).getAttribute('aria-current')).toBe('page');
		await checkA11y(page, 'suggestions on a phone, list');

		await views.getByRole('link', { name: 'Kaart' }).click();
		await page.waitForURL(/weergave=kaart/);
		const map = page.locator('#kaart .leaflet-container');
		await expect.poll(() => map.count()).toBe(1);
		expect(await views.getByRole('link', { name: 'Kaart' }).getAttribute('aria-current')).toBe('page');
		// The map comes first, near the top, and the list (its alternative) still follows it.
		expect(await top(page.locator('#kaart'))).toBeLessThan(await top(list));
		expect(await top(page.locator('#kaart'))).toBeLessThan(1_500);
		expect(await list.locator('article').count()).toBeGreaterThan(5);
		const box = (await map.boundingBox())!;
		expect(box.width).toBeLessThanOrEqual(390);
		await checkA11y(page, 'suggestions on a phone, map', { targetSize: true });

		await views.getByRole('link', { name: 'Lijst' }).click();
		await page.waitForURL((url) => !url.search.includes('weergave'));
		expect(await top(list)).toBeLessThan(await top(page.locator('#kaart')));
		expect(problems).toEqual([]);
		await page.context().close();

		// Without JavaScript the switch is links too; the map view says the map needs JavaScript and keeps the list.
		const still = await open({ javaScript: false, phone: true });
		await visit(still, `${path}?weergave=kaart`);
		expect(await still.getByRole('navigation', { name: 'Weergave' }).getByRole('link').count()).toBe(2);
		expect(await still.getByText('De kaart heeft JavaScript nodig').isVisible()).toBe(true);
		expect(await still.locator('#lijst article').count()).toBeGreaterThan(5);
	});

	it('without JavaScript: filters by status with the GET form, no map, the list complete', async () => {
		const page = await open({ javaScript: false });
		await visit(page, path);
		expect(await page.locator('.suggestion-map').count()).toBe(0);
		const total = Number(
			/^(\d+)/.exec((await page.locator('.suggestion-list .count').textContent()) ?? '')?.[1]
		);
		expect(total).toBeGreaterThan(5);
		await page.getByLabel('Status').selectOption('chosen');
		await page.getByRole('button', { name: 'Toon suggesties' }).click();
		await page.waitForURL(/status=chosen/);
		const statuses = await page.locator('.suggestion-list .status').allTextContents();
		expect(statuses.length).toBeGreaterThan(0);
		expect(new Set(statuses.map((s) => s.trim()))).toEqual(new Set(['Gekozen']));
		expect(await page.getByLabel('Status').inputValue()).toBe('chosen');
		// Every vote button is a real form posting to the suggestion page and coming back here.
		const form = page.locator('.suggestion-list form').first();
		expect(await form.getAttribute('method')).toMatch(/post/i);
		expect(await form.getAttribute('action')).toMatch(/^\/geel\/suggesties\/\d+-[^?]*\?\/vote$/);
		expect(await form.locator('input[name="terug"]').inputValue()).toBe(`${path}?status=chosen`);

		// A typed address without a geolocation service: said beside the field, the list unfiltered.
		await page.getByLabel('In de buurt van een adres').fill('Markt 1, Geel');
		await page.getByLabel('Status').selectOption('');
		await page.getByRole('button', { name: 'Toon suggesties' }).click();
		await page.waitForURL(/bij=/);
		const near = page.getByLabel('In de buurt van een adres');
		expect(await near.inputValue()).toBe('Markt 1, Geel');
		expect(await near.getAttribute('aria-describedby')).toContain('filter-near-problem');
		expect(await page.locator('#filter-near-problem').textContent()).toContain(
			'Zoeken op adres is op dit moment niet beschikbaar'
		);
		expect(await page.locator('.suggestion-list .count').textContent()).toBe(`${total} suggesties`);

		// Hostile query strings are harmless.
		const hostile = await visit(
			page,
			`${path}?q=${encodeURIComponent('<script>alert(1)</script>')}${'x'.repeat(5_000)}&lat=NaN&lng=1e999&pagina=-1&sorteer=%00`
		);
		expect(hostile.status()).toBe(200);
		expect(await page.getByText('Geen suggesties gevonden met deze filters.').count()).toBe(1);
	});

	it('without page scripts the list passes axe; with the keyboard a suggestion is reached and opened', async () => {
		const page = await open({ blockScripts: true });
		await visit(page, `${path}?sorteer=nieuw`);
		expect(await sveltekitRan(page)).toBe(false);
		await checkA11y(page, 'suggestions without scripts');

		const firstLink = page.locator('.suggestion-list article h3 a').first();
		const title = (await firstLink.textContent())!.trim();
		const href = await firstLink.getAttribute('href');
		// Tab from the top of the page until the first suggestion's link has the focus.
		let reached = false;
		for (let i = 0; i < 80 && !reached; i++) {
			await page.keyboard.press('Tab');
			reached = await page.evaluate(
				(h) =>
					document.activeElement?.getAttribute('href') === h && !!document.activeElement?.closest('article'),
				href
			);
		}
		expect(reached).toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === href);
		expect((await page.locator('h1').textContent())?.trim()).toBe(title);
	});

	it('logged in: supports a suggestion from the list and comes back to it, the remaining votes counted', async () => {
		const page = await open();
		const problems = watchProblems(page);
		const listPath = `${path}?sorteer=nieuw`;
		await visit(page, `/aanmelden?terug=${encodeURIComponent(listPath)}`);
		await page
			.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' })
			.press('Enter');
		await shown(page, 'h1:text("Aanmelden bij de ontwikkel-identiteitsprovider")');
		await page.getByRole('button', { name: /Lotte Peeters/ }).press('Enter');
		await page.waitForURL((url) => `${url.pathname}${url.search}` === listPath);
		await page.waitForLoadState('networkidle');
		await checkA11y(page, 'suggestions, logged in');

		const remaining = async () => {
			const text = (await page.locator('.state strong').textContent()) ?? '';
			if (/Je steunt al 3 suggesties/.test(text)) return 0;
			const match = /Je kan nog (\d+) suggesties? steunen/.exec(text);
			if (!match) throw new Error(`no remaining votes in "${text}"`);
			return Number(match[1]);
		};
		const backHere = () => page.waitForURL((url) => `${url.pathname}${url.search}` === listPath);
		// With all three votes used, take one back first (that, too, comes back to the list).
		if ((await remaining()) === 0) {
			await page.locator('.suggestion-list form button', { hasText: 'Trek je steun in' }).first().click();
			await backHere();
		}
		const before = await remaining();
		const card = page.locator('.suggestion-list article', {
			has: page.locator('button', { hasText: 'Steun deze suggestie' })
		});
		const target = card.first();
		const title = (await target.locator('h3 a').textContent())!.trim();
		const votes = Number(/(\d+) steun/.exec((await target.locator('.counts').textContent()) ?? '')?.[1]);
		await target.locator('button', { hasText: 'Steun deze suggestie' }).click();
		await backHere();
		const same = page.locator('.suggestion-list article', {
			has: page.getByRole('link', { name: title, exact: true })
		});
		expect(await same.locator('.supported').textContent()).toBe('Je steunt deze suggestie.');
		expect(await same.locator('.counts').textContent()).toContain(
			votes + 1 === 1 ? '1 steun' : `${votes + 1} steunen`
		);
		expect(await remaining()).toBe(before - 1);

		// And back: the count and the remaining votes are what they were.
		await same.locator('button', { hasText: 'Trek je steun in' }).click();
		await backHere();
		expect(await remaining()).toBe(before);
		expect(await same.locator('.supported').count()).toBe(0);
		expect(problems).toEqual([]);
	});

	it('the API answers problems in Dutch for a bad box and GeoJSON with its media type', async () => {
		const bad = await fetch(
			`${baseURL}/api/v1/opportunities/${opportunity.id}/clusters?bbox=5,51,4,52&zoom=99`
		);
		expect(bad.status).toBe(400);
		expect(bad.headers.get('content-type')).toContain('application/problem+json');
		const body = (await bad.json()) as { title: string; errors: Record<string, string[]> };
		expect(body.title).toBe('De vraag bevat ongeldige parameters.');
		expect(Object.keys(body.errors).sort()).toEqual(['bbox', 'zoom']);

		const geo = await fetch(`${baseURL}/api/v1/opportunities/${opportunity.id}/suggestions.geojson`);
		expect(geo.status).toBe(200);
		expect(geo.headers.get('content-type')).toContain('application/geo+json');
		const collection = (await geo.json()) as { type: string; features: unknown[] };
		expect(collection.type).toBe('FeatureCollection');
		expect(collection.features.length).toBeGreaterThan(5);

		const list = await fetch(`${baseURL}/api/v1/opportunities/${opportunity.id}/suggestions?limit=5`);
		const page = (await list.json()) as { data: { votes: number }[]; nextCursor: string | null };
		expect(page.data).toHaveLength(5);
		expect(page.nextCursor).toBeTruthy();
		const openapi = (await (await fetch(`${baseURL}/api/v1/openapi.json`)).json()) as {
			paths: Record<string, Record<string, unknown>>;
		};
		expect(Object.keys(openapi.paths['/opportunities/{id}/suggestions'] ?? {})).toContain('get');
		expect(openapi.paths['/opportunities/{id}/suggestions.geojson']?.get).toBeDefined();
		expect(openapi.paths['/opportunities/{id}/clusters']?.get).toBeDefined();
		const missing = await fetch(`${baseURL}/api/v1/opportunities/999999/suggestions`);
		expect(missing.status).toBe(404);
	});
});
