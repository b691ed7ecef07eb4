// Region home, municipality homes, a municipality that does not take part and the 404 pages, each axe-clean.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	checkA11y,
	geelOpportunity,
	listedSuggestionPath,
	projectRoot,
	sharedServerJourney,
	visit
} from './support';

const PLATFORM_BRAND = '#1f5f3f';
const SCREENSHOT_DIR = path.join(projectRoot, 'test-results', 'e2e');

function hexToRgb(hex: string): string {
	const n = parseInt(hex.trim().slice(1), 16);
	return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** Every image in the page has loaded and has a size (a broken image has naturalWidth 0). */
async function brokenImages(page: Page): Promise<string[]> {
	// Lazy images (a story's photo low on the home) load only near the view: bring each in and let them settle.
	for (const img of await page.locator('img').all()) await img.scrollIntoViewIfNeeded();
	await page
		.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 10_000 })
		.catch(() => undefined);
	return page.$$eval('img', (images) =>
		images
			.filter((img) => !img.complete || img.naturalWidth === 0)
			.map((img) => img.getAttribute('src') ?? '(no src)')
	);
}

describe('pages', () => {
	const journey = sharedServerJourney();
	const baseURL = journey.baseURL;
	let page: Page;
	let problems: string[];
	beforeEach(() => {
		({ page, problems } = journey);
	});

	it('region home: lists the municipalities taking part and leads to Geel', async () => {
		const response = await visit(page, '/');
		expect(response.status()).toBe(200);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl-BE');
		const h1 = page.locator('h1');
		expect(await h1.count()).toBe(1);
		expect(await h1.isVisible()).toBe(true);
		expect(await h1.textContent()).toMatch(/^Klimaatacties in de \S/);

		const api = (await (await page.request.get('/api/v1/municipalities')).json()) as {
			data: { slug: string; name: string; participating: boolean }[];
		};
		const participating = api.data.filter((m) => m.participating);
		expect(participating.length).toBeGreaterThan(0);
		const list = page.locator('section[aria-labelledby="participating-heading"]');
		expect(await list.locator('h2').textContent()).toBe('Gemeenten die meedoen');
		const links = await list
			.getByRole('link')
			.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), name: a.textContent?.trim() })));
		expect(links.toSorted((a, b) => a.href!.localeCompare(b.href!))).toEqual(
			participating
				.map((m) => ({ href: `/${m.slug}`, name: m.name }))
				.toSorted((a, b) => a.href.localeCompare(b.href))
		);
		await checkA11y(page);

		// The ladder and the themes lead to what is open on each rung and to the actions of each theme.
		const rungs = await page
			.locator('section[aria-labelledby="ladder-heading"] a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(rungs).toEqual([1, 2, 3, 4, 5, 6].map((n) => `/acties/trede/${n}`));
		const themes = page.locator('section[aria-labelledby="themes-heading"] li');
		expect(await themes.count()).toBeGreaterThan(0);
		expect(await themes.locator('a[href^="/acties?thema="]').count()).toBe(await themes.count());
		await list.getByRole('link', { name: 'Geel', exact: true }).click();
		await page.waitForURL(`${baseURL}/geel`);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Welkom op Meedoen Geel');
		await checkA11y(page);
		expect(problems).toEqual([]);
	});

	it('municipality home /geel: its name, its colours and its logo', async () => {
		const response = await visit(page, '/geel');
		expect(response.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Welkom op Meedoen Geel');
		expect(await page.title()).toContain('Geel');

		// The page declares the municipality's colour as --brand; header and hero wear it.
		const colours = await page.evaluate(() => {
			const wrapper = document.querySelector('#inhoud')!.parentElement!;
			return {
				declared: wrapper.style.getPropertyValue('--brand').trim(),
				computed: getComputedStyle(wrapper).getPropertyValue('--brand').trim(),
				header: getComputedStyle(document.querySelector('header')!).backgroundColor,
				hero: getComputedStyle(document.querySelector('main section')!).backgroundColor
			};
		});
		expect(colours.declared).toMatch(/^#[0-9a-f]{6}$/i);
		expect(colours.declared.toLowerCase()).not.toBe(PLATFORM_BRAND);
		expect(colours.computed.toLowerCase()).toBe(colours.declared.toLowerCase());
		expect(colours.header).toBe(hexToRgb(colours.declared));
		expect(colours.hero).toBe(hexToRgb(colours.declared));
		expect(colours.header).not.toBe(hexToRgb(PLATFORM_BRAND));

		// The header says "Startpagina", in Dutch; the theme cards lead to their actions.
		expect(await page.locator('header nav').getByRole('link', { name: 'Startpagina' }).count()).toBe(1);
		expect(await page.locator('header').getByText('Home', { exact: true }).count()).toBe(0);
		const themes = page.locator('section[aria-labelledby="themes-heading"] li');
		expect(await themes.count()).toBeGreaterThan(0);
		expect(await themes.locator('a[href^="/geel/acties?thema="]').count()).toBe(await themes.count());

		// Its logo: in the hero with a meaningful alt text, and in the header.
		const logo = page.getByRole('img', { name: 'Logo van Geel' });
		expect(await logo.count()).toBe(1);
		expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
		expect(await page.locator('header img').getAttribute('src')).toBe(await logo.getAttribute('src'));
		expect(await brokenImages(page)).toEqual([]);
		const logoResponse = await page.request.get((await logo.getAttribute('src'))!);
		expect(logoResponse.status()).toBe(200);
		expect(logoResponse.headers()['content-type']).toMatch(/^image\//);

		await checkA11y(page);
		mkdirSync(SCREENSHOT_DIR, { recursive: true });
		await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'geel.png'), fullPage: true });
		expect(problems).toEqual([]);
	});

	it.each([
		['geel', 'Geel'],
		['mol', 'Mol'],
		['olen', 'Olen']
	])('the demo home /%s wears its drawn logo, not the letter placeholder', async (slug, name) => {
		await visit(page, `/${slug}`);
		const logo = page.getByRole('img', { name: `Logo van ${name}` });
		expect(await logo.count()).toBe(1);
		const src = (await logo.getAttribute('src'))!;
		expect(src).toMatch(/^\/media\//);
		expect(await page.locator('header img').getAttribute('src')).toBe(src);
		const response = await page.request.get(src);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
		expect(await response.text()).toContain(`<title id="t">${name} (voorbeeldlogo)</title>`);
		expect(await brokenImages(page)).toEqual([]);
		await checkA11y(page);
		expect(problems).toEqual([]);
	});

	it.each(['/', '/geel'])(
		'the theme cards on %s each show the drawing of their default theme',
		async (url) => {
			await visit(page, url);
			const cards = page.locator('section[aria-labelledby="themes-heading"] li');
			const drawn = await cards.evaluateAll((lis) =>
				lis.map((li) => {
					const img = li.querySelector('img');
					return {
						name: li.querySelector('h3')!.textContent!.trim(),
						src: img?.getAttribute('src') ?? null,
						alt: img?.getAttribute('alt') ?? null,
						loaded: img ? img.complete && img.naturalWidth > 0 : false
					};
				})
			);
			const defaults = [
				'Vergroening en ontharding',
				'Hernieuwbare energie',
				'Renovatie en energiebesparing',
				'Mobiliteit',
				'Water en klimaatadaptatie',
				'Circulaire economie en voedsel'
			];
			for (const name of defaults) {
				const card = drawn.find((d) => d.name === name);
				expect(card, name).toBeDefined();
				// Decorative: the name says what the theme is, so the drawing is skipped by a screen reader.
				expect(card, name).toMatchObject({ alt: '', loaded: true });
			}
			// Six different drawings; a theme of the municipality's own (Geel's "Zorgzame buurten") has none.
			expect(new Set(drawn.filter((d) => defaults.includes(d.name)).map((d) => d.src)).size).toBe(6);
			for (const card of drawn.filter((d) => !defaults.includes(d.name)))
				expect(card.src, card.name).toBeNull();
			expect(await brokenImages(page)).toEqual([]);
			await checkA11y(page);
			expect(problems).toEqual([]);
		}
	);

	it('the citizen pages speak plainly about the ladder: no "trede" or its jargon', async () => {
		// A citizen reads what a way to take part asks of them ("Even lezen", "Je mening geven", …), not
		// "Meedoen op trede: 1 (Informeren)". The back office keeps the ladder's own words for officials.
		await visit(page, '/geel/acties');
		const actionPath = (await page
			.locator('article.action h2 a, article.action h3 a')
			.first()
			.getAttribute('href'))!;
		const jargon = /trede|informeren|raadplegen|adviseren|coproduceren|meebeslissen|zelfbeheer/i;
		for (const url of [
			'/',
			'/geel',
			'/acties',
			'/geel/acties',
			'/acties/trede/1',
			'/geel/acties/trede/4',
			actionPath
		]) {
			await visit(page, url);
			const text = await page.locator('body').innerText();
			expect(text, url).not.toMatch(jargon);
		}
		await visit(page, '/geel');
		expect(await page.locator('#ladder-heading').textContent()).toBe('Hoeveel tijd wil je erin steken?');
		expect(
			await page
				.locator('section[aria-labelledby="ladder-heading"] a')
				.evaluateAll((as) => as.map((a) => a.textContent?.trim()))
		).toEqual([
			'Even lezen',
			'Je mening geven',
			'Meedenken en advies geven',
			'Mee aan de slag',
			'Mee beslissen',
			'Zelf iets opstarten',
			// Rung 6 made real: the municipality's citizen groups (features/groups).
			'Burgergroepen met een eigen werkingsbudget in Geel'
		]);
		await checkA11y(page);
		expect(problems).toEqual([]);
	});

	it.each([
		['/oud-turnhout', 'Oud-Turnhout'],
		['/heist-op-den-berg', 'Heist-op-den-Berg']
	])('municipality home %s loads', async (url, name) => {
		const response = await visit(page, url);
		expect(response.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe(`Welkom op Meedoen ${name}`);
		expect(await brokenImages(page)).toEqual([]);
		await checkA11y(page);
		expect(problems).toEqual([]);
	});

	it('a municipality that does not take part gets a friendly page with a way back', async () => {
		const response = await visit(page, '/arendonk');
		expect(response.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Arendonk doet nog niet mee');
		expect(await page.locator('main').textContent()).toContain('Arendonk gebruikt Meedoen nog niet.');
		const back = page.getByRole('link', { name: 'Bekijk de gemeenten die meedoen' });
		expect(await back.getAttribute('href')).toBe('/');
		expect(await brokenImages(page)).toEqual([]);
		await checkA11y(page);

		await back.click();
		await page.waitForURL(`${baseURL}/`);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toMatch(/^Klimaatacties in de /);
		await checkA11y(page);
		expect(problems).toEqual([]);
	});

	it.each(['/bestaat-niet', '/geel/bestaat-niet'])('%s is a Dutch 404 page with a link home', async (url) => {
		const response = await visit(page, url);
		expect(response.status()).toBe(404);
		expect(await page.locator('h1').textContent()).toBe('Pagina niet gevonden');
		const home = page.getByRole('link', { name: 'Terug naar de startpagina' });
		expect(await home.getAttribute('href')).toBe('/');
		// Body text as on every page, lined up with the header (it was red, bold and further in).
		const look = await page.evaluate(() => {
			const text = document.querySelector('main p')!;
			return {
				color: getComputedStyle(text).color,
				bodyColor: getComputedStyle(document.body).color,
				weight: Number(getComputedStyle(text).fontWeight),
				h1: document.querySelector('main h1')!.getBoundingClientRect().left,
				brand: document.querySelector('header .brand')!.getBoundingClientRect().left
			};
		});
		expect(look.color).toBe(look.bodyColor);
		expect(look.weight).toBeLessThan(600);
		expect(Math.abs(look.h1 - look.brand)).toBeLessThan(1);
		await checkA11y(page);
		// The browser logs the 404 of the document itself; anything else is a problem.
		expect(problems.filter((p) => !p.includes('status of 404'))).toEqual([]);
	});

	it('every labelled button and link on the citizen pages says its visible text (WCAG 2.5.3)', async () => {
		// Walks the demo's citizen pages from the region home, one page per kind of address (any municipality,
		// ids and the query left out), so a control added later is checked without editing this test.
		const kindOf = (path: string) =>
			path.replace(/^\/(?!acties|aanmelden|profiel|afgemeld)[^/]+/, '/*').replace(/\d+[^/]*/g, '#');
		const seen = new Set<string>();
		const opportunityId = await geelOpportunity(baseURL, 'Daken die geschikt zijn voor zonnepanelen');
		const queue = [
			'/',
			'/geel',
			'/geel/acties',
			'/acties',
			'/aanmelden',
			`/geel/kansen/${opportunityId}`,
			`/geel/kansen/${opportunityId}/nieuw`,
			await listedSuggestionPath(baseURL, opportunityId),
			'/geel/privacy',
			'/geel/toegankelijkheid'
		];
		const mismatches: string[] = [];
		let visited = 0;
		while (queue.length > 0 && visited < 40) {
			const path = queue.shift()!;
			if (seen.has(kindOf(path))) continue;
			seen.add(kindOf(path));
			const response = await visit(page, path);
			if (response.status() !== 200) continue;
			visited++;
			const found = await page.evaluate(() => {
				const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
				const out: { label: string; text: string }[] = [];
				for (const el of document.querySelectorAll<HTMLElement>(
					'a[aria-label], button[aria-label], [role="button"][aria-label], [role="link"][aria-label]'
				)) {
					const text = normal(el.innerText ?? '');
					// Symbols (a "+" or "×") are not a text label; only words must be part of the name.
					if (!/\p{L}/u.test(text)) continue;
					const label = normal(el.getAttribute('aria-label') ?? '');
					if (!label.includes(text)) out.push({ label, text });
				}
				const links = [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="/"]')]
					.map((a) => a.getAttribute('href')!)
					// Downloads (a poster, a calendar file) are not pages.
					.filter((href) => !/^\/(api|media|beheer)\b|\/beheer\b|\.pdf|\.ics|\/afmelden/.test(href));
				return { out, links };
			});
			for (const m of found.out) mismatches.push(`${path}: "${m.label}" does not contain "${m.text}"`);
			for (const href of found.links) {
				const next = href.split('#')[0]!.split('?')[0]!;
				if (!seen.has(kindOf(next))) queue.push(next);
			}
		}
		expect(visited).toBeGreaterThan(8);
		expect([...seen]).toEqual(expect.arrayContaining(['/*/kansen/#', '/*/suggesties/#']));
		expect(mismatches).toEqual([]);
	});
});
