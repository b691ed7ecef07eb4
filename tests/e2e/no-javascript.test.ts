// Without JavaScript the pages are complete: everything is rendered on the server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { blockPageScripts, checkA11y, launchBrowser, sveltekitRan } from './support';

describe('without JavaScript', () => {
	const baseURL = inject('baseURL');
	let browser: Browser;
	/** javaScriptEnabled: false, as a browser with JavaScript switched off. */
	let noJs: BrowserContext;
	let page: Page;
	/** The same pages with their scripts blocked, for axe (which cannot run where JavaScript is off). */
	let forAxe: BrowserContext;

	beforeAll(async () => {
		browser = await launchBrowser();
		noJs = await browser.newContext({ baseURL, locale: 'nl-BE', javaScriptEnabled: false });
		page = await noJs.newPage();
		forAxe = await browser.newContext({ baseURL, locale: 'nl-BE' });
		await blockPageScripts(forAxe);
	});
	afterAll(async () => {
		await noJs?.close();
		await forAxe?.close();
		await browser?.close();
	});

	/** axe on the page as rendered without scripts; its content must be what the no-JS browser got. */
	async function checkA11yWithoutScripts(url: string, mainHtml: string) {
		const axePage = await forAxe.newPage();
		try {
			const response = await axePage.goto(url);
			expect(response?.status()).toBe(200);
			expect(await sveltekitRan(axePage)).toBe(false);
			expect(await axePage.locator('main').evaluate((el) => el.outerHTML)).toBe(mainHtml);
			await checkA11y(axePage, `${url} without JavaScript`);
		} finally {
			await axePage.close();
		}
	}

	it('renders the region home fully', async () => {
		const response = await page.goto('/');
		expect(response?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toMatch(/^Klimaatacties in de \S/);
		expect(await page.getByRole('link', { name: 'Naar de inhoud' }).count()).toBe(1);
		const participating = page.locator('section[aria-labelledby="participating-heading"] a');
		expect(await participating.count()).toBeGreaterThan(0);
		expect(await participating.getByText('Geel', { exact: true }).count()).toBe(1);
		expect(await page.locator('#ladder-heading').textContent()).toBe('Hoeveel tijd wil je erin steken?');
		expect(await page.locator('main li').count()).toBeGreaterThan(10);
		expect(await page.locator('footer').textContent()).toContain('Meedoen is open-source software');

		await checkA11yWithoutScripts('/', await page.locator('main').evaluate((el) => el.outerHTML));
	});

	it('renders /geel fully, in its colours', async () => {
		const response = await page.goto('/geel');
		expect(response?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Welkom op Meedoen Geel');
		expect(await page.locator('main').textContent()).toContain('Thema’s in Geel');
		expect(await page.locator('main h3').count()).toBeGreaterThan(0);
		expect(await page.locator('main').textContent()).toContain('NIS-code');
		const logo = page.getByRole('img', { name: 'Logo van Geel' });
		expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
		const header = await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor);
		expect(header).not.toBe('rgb(31, 95, 63)');

		await checkA11yWithoutScripts('/geel', await page.locator('main').evaluate((el) => el.outerHTML));
	});
});
