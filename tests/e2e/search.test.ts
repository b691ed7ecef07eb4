// Searching, as a citizen does it: from the header with the keyboard (a municipality's search, widened to all
// of them), without JavaScript, with axe on every page; and the action lists' filters, which keep the focus
// on the control that applied them and announce the number of results in their status region.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { blockPageScripts, browserJourney, checkA11y, sveltekitRan, visit } from './support';

const journey = browserJourney();
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

/** The id of the element that has the keyboard focus, or its tag when it has none. */
const focused = (p: Page) =>
	p.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || '');

describe('search from the header', () => {
	it('with the keyboard: Geel first, then every municipality, then a result', async () => {
		await visit(page, '/geel');
		await page.waitForLoadState('networkidle');
		// Tab from the start of the page: the skip link, the home link, then the search field.
		let reached = false;
		for (let i = 0; i < 5 && !reached; i++) {
			await page.keyboard.press('Tab');
			reached = (await focused(page)) === 'site-search';
		}
		expect(reached, 'Tab did not reach the header search').toBe(true);
		const field = page.getByRole('searchbox', { name: 'Zoek in Geel' });
		expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
		await page.keyboard.type('fiets');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/geel\/zoeken\?q=fiets$/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Zoeken naar “fiets”');
		await expect
			.poll(() =>
				page
					.getByRole('status')
					.filter({ hasText: /\d+ resultaten?/ })
					.count()
			)
			.toBe(1);
		const actions = page.getByRole('region', { name: /^Acties/ });
		expect(
			await actions.getByRole('link', { name: 'Veilige fietsroute naar school langs de Nieuwstraat' }).count()
		).toBe(1);
		// Geel's search shows Geel only.
		expect(await page.getByRole('link', { name: 'Fietsstraat naar Sint-Jozef-Olen' }).count()).toBe(0);
		await checkA11y(page, 'search in Geel');
		const count = async () =>
			Number(
				(await page
					.getByRole('status')
					.filter({ hasText: /resultaten?/ })
					.textContent())!.replace(/\D/g, '')
			);
		const inGeel = await count();

		await page.getByRole('link', { name: 'Zoek in alle gemeenten' }).first().press('Enter');
		await page.waitForURL(/\/zoeken\?q=fiets$/);
		await page.waitForLoadState('networkidle');
		await expect.poll(count).toBeGreaterThan(inGeel);
		// The region's results name their municipality, and not only Geel.
		expect(await page.locator('.where').filter({ hasNotText: 'Geel' }).count()).toBeGreaterThan(0);
		await checkA11y(page, 'search in every municipality');

		const first = page
			.getByRole('region', { name: /^Acties/ })
			.getByRole('listitem')
			.first()
			.getByRole('link')
			.first();
		const href = (await first.getAttribute('href'))!;
		expect(href).toMatch(/^\/[a-z-]+\/acties\/\d+-/);
		await first.press('Enter');
		await page.waitForURL(`${journey.server.url}${href}`);
		expect(problems).toEqual([]);
	});

	it('explains an empty query, no results and a query that is too long', async () => {
		await visit(page, '/zoeken');
		expect(await page.getByText('Typ een woord om te zoeken').count()).toBe(1);
		await checkA11y(page, 'search without a query');

		await visit(page, '/olen/zoeken?q=kwantumfysica');
		expect(await page.getByText('Niets gevonden voor “kwantumfysica”').count()).toBe(1);
		await checkA11y(page, 'search without results');

		const long = 'fiets'.repeat(2_000);
		const response = await visit(page, `/zoeken?q=${long}`);
		expect(response.status()).toBe(200);
		const field = page.locator('#zoekterm');
		expect(await field.getAttribute('aria-invalid')).toBe('true');
		expect(await page.locator('#zoekterm-fout').textContent()).toBe(
			'Je zoekopdracht is te lang: gebruik hoogstens 100 tekens.'
		);
		await checkA11y(page, 'search refused');

		for (const q of ["'; DROP TABLE actions; --", '🌳', '%00fiets', '%%']) {
			const r = await visit(page, `/geel/zoeken?q=${encodeURIComponent(q)}`);
			expect(r.status(), q).toBe(200);
		}
		expect(problems).toEqual([]);
	});

	it('without JavaScript: the header form is a GET form that leads to the results', async () => {
		const context = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
		await blockPageScripts(context);
		const noJs = await context.newPage();
		try {
			await visit(noJs, '/');
			expect(await sveltekitRan(noJs)).toBe(false);
			await noJs.getByRole('searchbox', { name: 'Zoek op Meedoen' }).fill('bomen');
			await noJs.keyboard.press('Enter');
			await noJs.waitForURL(/\/zoeken\?q=bomen$/);
			expect(await noJs.getByRole('link', { name: 'Een voedselbos aan de Kleinhoefstraat' }).count()).toBe(1);
			expect(
				await noJs.getByRole('link', { name: 'Plantdag: 300 bomen en struiken voor Olen' }).count()
			).toBe(1);
			await checkA11y(noJs, 'search without JavaScript');
		} finally {
			await context.close();
		}
	});
});

describe('filters of the action lists', () => {
	/** Marks the status region, so the test knows the same live region (not a new one) says the outcome. */
	const markStatus = (p: Page) =>
		p.evaluate(() => {
			const status = document.querySelector('[role="status"].count') as HTMLElement;
			status.dataset.kept = 'yes';
		});
	const status = (p: Page) => p.locator('[role="status"].count[data-kept="yes"]');

	for (const path of ['/geel/acties', '/acties']) {
		it(`${path}: Enter in the search keeps the focus there and the count is announced`, async () => {
			await visit(page, path);
			await page.waitForLoadState('networkidle');
			await markStatus(page);
			await page.locator('#filter-q').focus();
			await page.keyboard.type('fiets');
			await page.keyboard.press('Enter');
			await page.waitForURL(/[?&]q=fiets/);
			await expect.poll(() => status(page).textContent()).toMatch(/^\s*[1-9]\d* acties?\b/);
			expect(await focused(page)).toBe('filter-q');
			await checkA11y(page, `${path} searched`);

			// A filter chosen with the keyboard and applied with the button: the focus stays on the button.
			await page.locator('#filter-status').focus();
			await page.keyboard.press('ArrowDown');
			await page.getByRole('button', { name: 'Toon acties' }).focus();
			await page.keyboard.press('Enter');
			await page.waitForURL(/[?&]status=/);
			await expect.poll(() => status(page).textContent()).toMatch(/\d+ acties? gevonden/);
			expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Toon acties');
			expect(problems).toEqual([]);
		});
	}
});
