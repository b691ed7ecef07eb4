// Keyboard only: the skip link comes first, leads to the content, and Tab and Enter reach a municipality.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, launchBrowser, visit, watchProblems } from './support';

/** What has the focus now: tag, id, href and text. */
function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		return {
			tag: el?.tagName.toLowerCase() ?? null,
			id: el?.id ?? '',
			href: el?.getAttribute('href') ?? null,
			text: el?.textContent?.trim() ?? ''
		};
	});
}

describe('keyboard only', () => {
	const baseURL = inject('baseURL');
	let browser: Browser;
	let context: BrowserContext;

	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext({ baseURL, locale: 'nl-BE' });
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});

	it('skip link first, Enter to the content, Tab and Enter to Geel', async () => {
		const page = await context.newPage();
		const problems = watchProblems(page);
		await visit(page, '/');
		await checkA11y(page);

		await page.keyboard.press('Tab');
		const skip = await focused(page);
		expect(skip).toMatchObject({ tag: 'a', href: '#inhoud', text: 'Naar de inhoud' });
		// Focused, the skip link is on screen (it hides off-screen until then).
		const box = await page.locator('a.skip-link').boundingBox();
		expect(box && box.x >= 0 && box.y >= 0).toBe(true);

		await page.keyboard.press('Enter');
		await expect.poll(() => focused(page).then((f) => `${f.tag}#${f.id}`)).toBe('main#inhoud');

		// From the content on, Tab reaches the link to Geel without passing the header again.
		let reached = false;
		for (let i = 0; i < 60 && !reached; i++) {
			await page.keyboard.press('Tab');
			const now = await focused(page);
			expect(now.text, 'Tab left the content before reaching Geel').not.toBe('Naar de inhoud');
			reached = now.tag === 'a' && now.href === '/geel';
		}
		expect(reached, 'Tab never reached the link to Geel').toBe(true);

		await page.keyboard.press('Enter');
		await page.waitForURL(`${baseURL}/geel`);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Welkom op Meedoen Geel');
		await checkA11y(page);
		expect(problems).toEqual([]);
	});
});
