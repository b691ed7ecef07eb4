// A citizen finds a climate action: list → filter and search → action page → follow after logging in → share.
// Axe checks every page on the way; the JSON-LD block must not trip the content security policy.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { readPdf } from '../../src/lib/server/testing/pdf-inspect';
import { checkA11y, sharedServerJourney, shown, visit } from './support';

describe('climate actions', () => {
	const journey = sharedServerJourney();
	const baseURL = journey.baseURL;
	let page: Page;
	let problems: string[];
	beforeEach(() => {
		({ page, problems } = journey);
	});

	it('list → filter → action page → follow after login → share links with utm_source', async () => {
		const response = await visit(page, '/geel/acties');
		expect(response.status()).toBe(200);
		expect(await page.locator('h1').count()).toBe(1);
		expect(await page.locator('h1').textContent()).toBe('Klimaatacties in Geel');
		const all = await page.getByRole('status').first().textContent();
		expect(all).toMatch(/\d+ acties? gevonden/);
		await checkA11y(page, 'action list');

		// Filter with the GET form: the URL carries the filters, the count is announced.
		await page.getByLabel('Thema').selectOption('vergroening-en-ontharding');
		await page.getByLabel('Zoek in de acties').fill('ontharden');
		await page.getByRole('button', { name: 'Toon acties' }).click();
		await page.waitForURL(/thema=vergroening-en-ontharding/);
		expect(page.url()).toContain('q=ontharden');
		await page.waitForLoadState('networkidle');
		expect(await page.getByRole('status').first().textContent()).toMatch(/[1-9]\d* acties? gevonden/);
		await checkA11y(page, 'filtered list');

		// A search without results says so in Dutch.
		await visit(page, '/geel/acties?q=%22%27%3B+drop+table+actions%3B+--');
		expect(await page.getByText('Er zijn geen acties die aan je zoekopdracht voldoen').isVisible()).toBe(
			true
		);

		await visit(page, '/geel/acties?thema=vergroening-en-ontharding&q=ontharden');
		const first = page.locator('ul.grid h2 a').first();
		const title = (await first.textContent())!.trim();
		await first.click();
		await page.waitForURL(/\/geel\/acties\/\d+-/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe(title);
		expect(await page.locator('h1').count()).toBe(1);
		await checkA11y(page, 'action page');

		// Sharing: Open Graph, JSON-LD (a data block under the hash CSP), and links per channel.
		const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
		expect(canonical).toBe(page.url().split('?')[0]);
		expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(title);
		const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
		expect(jsonLd).toMatchObject({ '@type': 'Project', name: title, url: canonical });
		const channels: Record<string, string> = {};
		for (const channel of ['facebook', 'whatsapp', 'email'])
			channels[channel] = decodeURIComponent(
				(await page.locator(`a[data-channel="${channel}"]`).getAttribute('href'))!
			);
		expect(channels.facebook).toContain('utm_source=facebook');
		expect(channels.whatsapp).toContain('utm_source=whatsapp');
		expect(channels.email).toMatch(/^mailto:/);
		expect(channels.email).toContain('utm_source=email');
		expect(await page.getByLabel('Link naar deze actie').inputValue()).toContain('utm_source=link');
		expect(await page.getByRole('button', { name: 'Kopieer de link' }).count()).toBeLessThanOrEqual(1);

		// A poster to print, for the action and for each open way to take part.
		const actionUrl = page.url();
		const posterHref = await page.getByRole('link', { name: 'Affiche afdrukken (PDF)' }).getAttribute('href');
		expect(posterHref).toBe(`${new URL(actionUrl).pathname}/poster.pdf`);
		const poster = await page.request.get(posterHref!);
		expect(poster.status()).toBe(200);
		expect(poster.headers()['content-type']).toBe('application/pdf');
		// The built server embeds its font and tags the document: a reader finds the title in it.
		const posterPdf = await readPdf(new Uint8Array(await poster.body()));
		expect(posterPdf.tagged).toBe(true);
		expect(posterPdf.pages[0]!.text).toContain(title);
		// This action has open ways to take part, each with its own poster.
		const kans = page.getByRole('link', { name: /^Affiche voor deze kans/ });
		expect(await kans.count()).toBeGreaterThan(0);
		const href = (await kans.first().getAttribute('href'))!;
		expect(href).toMatch(/\/poster\.pdf\?kans=\d+$/);
		const one = await page.request.get(href);
		expect(one.status()).toBe(200);
		expect(one.headers()['content-type']).toBe('application/pdf');

		// A visitor presses "Volg deze actie", logs in, comes back and confirms with one more click.
		await page.getByRole('button', { name: 'Volg deze actie' }).click();
		await page.waitForURL(/\/aanmelden\?verzoek=[\w-]+&terug=/);
		await page.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' }).click();
		await shown(page, 'h1:text("Aanmelden bij de ontwikkel-identiteitsprovider")');
		await page.getByRole('button', { name: /Lotte Peeters/ }).click();
		await page.waitForURL((url) => url.href.startsWith(`${actionUrl}?concept=`));
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('Je wilde deze actie volgen. Bevestig:').isVisible()).toBe(true);
		await checkA11y(page, 'action page, confirm following');

		await page.getByRole('button', { name: 'Volg deze actie' }).click();
		await shown(page, 'text=Je volgt nu deze actie.');
		expect(await page.locator('[role="status"]', { hasText: 'Je volgt nu deze actie.' }).count()).toBe(1);
		// Post/redirect/get: a reload shows the message and posts nothing.
		expect(page.url()).not.toContain('?/');
		await checkA11y(page, 'action page, following');
		await page.getByRole('button', { name: 'Niet meer volgen' }).click();
		await shown(page, 'text=Je volgt deze actie niet meer.');
		expect(await page.getByRole('button', { name: 'Volg deze actie' }).isVisible()).toBe(true);

		expect(problems).toEqual([]);
	});

	it('news feeds: the home and an action page announce their Atom feed, which a feed reader can read', async () => {
		const parser = new Parser();
		await visit(page, '/geel');
		const href = await page
			.locator('head link[rel="alternate"][type="application/atom+xml"]')
			.getAttribute('href');
		expect(href).toBe('/geel/nieuws.atom');
		const response = await page.request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
		const feed = await parser.parseString(await response.text());
		expect(feed.title).toBe('Nieuws van Meedoen Geel');
		// The demo has action updates, a published report and a sent newsletter; each entry leads to a page.
		const links = feed.items.map((i) => i.link!);
		expect(links.some((l) => /\/geel\/acties\/\d+-[\w-]+#nieuws-\d+$/.test(l))).toBe(true);
		expect(links.some((l) => /\/geel\/activiteiten\/\d+-[\w-]+#report-heading$/.test(l))).toBe(true);
		expect(links.some((l) => /\/geel\/nieuwsbrieven\/\d+$/.test(l))).toBe(true);
		for (const link of links.slice(0, 3)) {
			const entry = await page.request.get(new URL(link).pathname);
			expect(entry.status()).toBe(200);
		}
		// A reader asking again with the ETag gets 304.
		const again = await page.request.get(href!, {
			headers: { 'if-none-match': response.headers()['etag']! }
		});
		expect(again.status()).toBe(304);

		// The action of the first update has a feed of its own, linked beside its news.
		const actionPath = new URL(links.find((l) => l.includes('#nieuws-'))!).pathname;
		await visit(page, actionPath);
		await page.getByRole('link', { name: 'Nieuws als feed (Atom)' }).focus();
		const own = await page.request.get(`${actionPath}/nieuws.atom`);
		expect(own.status()).toBe(200);
		const ownFeed = await parser.parseString(await own.text());
		expect(ownFeed.items.length).toBeGreaterThan(0);
		// Its own updates, its events' reports and the municipality's decisions on its maps' suggestions.
		expect(
			ownFeed.items.filter(
				(i) =>
					!i.link!.includes(actionPath) &&
					!i.link!.includes('/activiteiten/') &&
					!i.link!.includes('/suggesties/')
			)
		).toEqual([]);
		expect((await page.request.get('/geel/acties/999999-bestaat-niet/nieuws.atom')).status()).toBe(404);
		expect(problems).toEqual([]);
	});

	it('"Hoeveel tijd wil je erin steken?", the regional view and the API', async () => {
		await visit(page, '/geel');
		await page.getByRole('link', { name: /^Mee aan de slag/ }).click();
		await page.waitForURL(/\/geel\/acties\/trede\/4$/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Mee aan de slag');
		expect(await page.locator('a[aria-current="page"]').textContent()).toContain('Mee aan de slag');
		await checkA11y(page, 'rung 4 in Geel');

		await visit(page, '/acties?gemeente=mol');
		expect(await page.locator('h1').textContent()).toBe('Klimaatacties in de regio');
		await checkA11y(page, 'regional view');

		const list = await page.request.get('/api/v1/municipalities/geel/actions?limit=2');
		expect(list.status()).toBe(200);
		const body = (await list.json()) as { data: { id: number }[]; nextCursor: string | null };
		expect(body.data.length).toBeGreaterThan(0);
		const one = await page.request.get(`/api/v1/actions/${body.data[0]!.id}`);
		expect(one.status()).toBe(200);
		const detail = (await one.json()) as { data: { url: string } };
		// An old slug answers with a permanent redirect to the one canonical address.
		const old = await page.request.get(`/geel/acties/${body.data[0]!.id}-oude-titel?utm_source=link`, {
			maxRedirects: 0
		});
		expect(old.status()).toBe(301);
		expect(new URL(old.headers()['location']!, baseURL).href).toBe(`${detail.data.url}?utm_source=link`);
		const bad = await page.request.get('/api/v1/municipalities/geel/actions?status=kapot&cursor=xx!');
		expect(bad.status()).toBe(400);
		expect(bad.headers()['content-type']).toContain('application/problem+json');
		expect((await page.request.get('/api/v1/actions/999999')).status()).toBe(404);
		expect((await page.request.get('/geel/acties/999999-bestaat-niet')).status()).toBe(404);

		const openapi = (await (await page.request.get('/api/v1/openapi.json')).json()) as { paths: object };
		expect(Object.keys(openapi.paths)).toEqual(
			expect.arrayContaining(['/municipalities/{slug}/actions', '/actions/{id}'])
		);
		expect(problems).toEqual([]);
	});
});
