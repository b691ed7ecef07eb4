// "Mijn activiteit" and the readable export, without JavaScript, as Lotte (a citizen of Geel): she follows an
// action and supports a suggestion, finds both under "Mijn activiteit", ends the follow there (told which, with
// the way back to the action's page), and finds her support on "Bekijk mijn gegevens". Axe on every page.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { blockPageScripts, browserJourney, checkA11y, sveltekitRan, shown, visit } from './support';

// Its own server: the journey follows and supports demo content, which other journeys may count.
const journey = browserJourney();
const { logInAs } = journey;
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

describe('mijn activiteit', () => {
	it('follow and support → find them → unfollow with a way back → the readable export', async () => {
		await logInAs(/Lotte Peeters/);
		expect(problems).toEqual([]);
		// The rest without JavaScript, in a context of its own (its blocked scripts are no problem to report).
		const noJs = await journey.browser.newContext({
			baseURL: journey.server.url,
			locale: 'nl-BE',
			storageState: await journey.context.storageState()
		});
		await blockPageScripts(noJs);
		page = await noJs.newPage();
		try {
			await walk();
		} finally {
			await noJs.close();
		}
	}, 120_000);
});

/** Follow and support, find both, unfollow, then the readable export: on `page`, without JavaScript. */
async function walk() {
	// Follow an action.
	await visit(page, '/geel/acties');
	await page.locator('main h2 a, main h3 a').first().click();
	await page.waitForLoadState('load');
	expect(await sveltekitRan(page)).toBe(false);
	const actionTitle = (await page.locator('h1').textContent())!.trim();
	const actionUrl = new URL(page.url()).pathname;
	await page.locator('#volgen').getByRole('button', { name: 'Volg deze actie' }).click();
	await shown(page, 'text=Je volgt nu deze actie.');

	// Support a suggestion, from the map a rung page leads to.
	await visit(page, '/geel/acties/trede/2');
	await page.locator('ul.grid a.button[href*="/kansen/"]').first().click();
	await page.waitForLoadState('load');
	await page.locator('a[href*="/suggesties/"]').first().click();
	await page.waitForLoadState('load');
	const suggestionTitle = (await page.locator('h1').textContent())!.trim();
	await page.locator('button', { hasText: 'Steun deze suggestie' }).click();
	await page.waitForLoadState('load');

	// Both under "Mijn activiteit", reached from the profile.
	await visit(page, '/profiel');
	await page.getByRole('link', { name: /^Mijn activiteit/ }).click();
	await page.waitForURL(/\/profiel\/activiteit$/);
	expect(await page.locator('h1').textContent()).toBe('Mijn activiteit');
	await checkA11y(page, 'mijn activiteit');
	const actions = page.getByRole('region', { name: /^Acties die ik volg/ });
	expect(await actions.getByRole('link', { name: actionTitle }).count()).toBe(1);
	const supported = page.getByRole('region', { name: /^Wat ik steun/ });
	expect(await supported.getByRole('link', { name: suggestionTitle }).count()).toBe(1);

	// End the follow: told which, with the way back; the list no longer has it.
	await actions.getByRole('button', { name: `Niet meer volgen: ${actionTitle}` }).click();
	await page.waitForLoadState('load');
	const status = page.getByRole('status');
	expect(await status.textContent()).toContain(`Je volgt "${actionTitle}" niet meer.`);
	expect(
		await page
			.getByRole('region', { name: /^Acties die ik volg/ })
			.getByRole('link', { name: actionTitle })
			.count()
	).toBe(0);
	await checkA11y(page, 'mijn activiteit, after unfollowing');
	await status.getByRole('link').click();
	await page.waitForLoadState('load');
	expect(new URL(page.url()).pathname).toBe(actionUrl);
	expect(await page.locator('#volgen').getByRole('button', { name: 'Volg deze actie' }).count()).toBe(1);

	// The readable export: the same sections as the JSON file.
	await visit(page, '/profiel');
	await page.getByRole('link', { name: 'Bekijk mijn gegevens' }).click();
	await page.waitForURL(/\/profiel\/gegevens$/);
	expect(await page.locator('h1').textContent()).toBe('Mijn gegevens');
	const votes = page.getByRole('region', { name: 'Suggesties die je steunt' });
	expect(await votes.textContent()).toContain(suggestionTitle);
	expect(await page.getByRole('region', { name: 'Jij' }).textContent()).toContain('Lotte');
	await checkA11y(page, 'mijn gegevens');
}
