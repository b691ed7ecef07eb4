// The back office's home as Geel's moderator (Bart Claes) sees it: what needs attention now, with counts, since
// when and links that work; the count of waiting items in the menu; only permissions that lead to a page; no
// promise of a "next version". Axe on every page.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkA11y, sharedServerJourney, visit } from './support';

describe('back-office home', () => {
	const journey = sharedServerJourney();
	const baseURL = journey.baseURL;
	let page: Page;
	let problems: string[];
	beforeEach(() => {
		({ page, problems } = journey);
	});

	it('shows a moderator what waits, with counts and links, and the count in the menu', async () => {
		await visit(page, '/aanmelden');
		await page.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' }).click();
		await page.getByRole('button', { name: /Bart Claes/ }).click();
		await page.waitForURL(`${baseURL}/`);

		const response = await visit(page, '/geel/beheer');
		expect(response.status()).toBe(200);
		await checkA11y(page, 'back-office home');
		const body = (await page.locator('main').textContent()) ?? '';
		expect(body).not.toContain('volgende versie');
		expect(body).not.toMatch(/dashboards/i);

		const attention = page.getByRole('region', { name: 'Wat vraagt je aandacht?' });
		const cards = attention.locator('h3 a');
		expect(await cards.count()).toBeGreaterThan(0);
		// The demo has suggestions waiting for approval: their count, since when, and the queue filtered on them.
		const waiting = attention.getByRole('link', { name: /^\d+ suggesties? wachte?n? op goedkeuring$/ });
		expect(await waiting.count()).toBe(1);
		const waitingCount = Number((await waiting.textContent())!.match(/\d+/)![0]);
		expect(await attention.getByText(/^de oudste sinds /).count()).toBeGreaterThan(0);

		// The menu carries the count of everything waiting for moderation (suggestions, comments, reports).
		const nav = page.getByRole('navigation', { name: 'Beheer' });
		const badge = nav.getByRole('link', { name: /^Suggesties \d+ wachte?n?$/ });
		expect(await badge.count()).toBe(1);
		const menuCount = Number((await badge.textContent())!.match(/\d+/)![0]);
		expect(menuCount).toBeGreaterThanOrEqual(waitingCount);

		// Every permission listed leads to a page.
		const permissions = page.locator('h2:text("Wat je hier mag") + ul a');
		expect(await permissions.count()).toBeGreaterThan(0);

		// Following the count lands on the queue, filtered on what waits.
		await waiting.click();
		await page.waitForURL(/\/geel\/beheer\/suggesties\?wat=waiting$/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Suggesties modereren');
		expect(await page.locator('input[name="item"][value^="s"]').count()).toBeGreaterThan(0);
		await checkA11y(page, 'queue from the home page');
		for (const href of await permissions.evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
			expect((await page.request.get(href!)).status(), href!).toBe(200);
		expect(problems).toEqual([]);
	});
});
