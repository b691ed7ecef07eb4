// Notifications in real Chromium against the built server, with axe on every page: Lotte (a citizen of Geel)
// opens her notifications from the header's bell (hovering it loads nothing ahead: the list marks what it
// shows read), chooses how often she gets mail per kind (the confirmation is announced), and an unsubscribe
// link that does not verify gets a Dutch page — also when a mail program posts RFC 8058's one-click without
// cookie or Origin, which the Origin check lets through for that path only.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserJourney, checkA11y, visit } from './support';

const journey = browserJourney();
const { logInAs } = journey;
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

/** Well-formed (a user id in hex, a kind, 22 characters of signature) but signed by nobody. */
const FORGED = `${'0'.repeat(32)}1${'A'.repeat(22)}`;

describe('notifications', () => {
	it('the bell → the list → the preferences, saved and announced', async () => {
		await logInAs(/Lotte Peeters/);
		// Hovering the bell does not load the list ahead (opening it marks what it shows read).
		const preloaded: string[] = [];
		page.on('request', (request) => {
			if (new URL(request.url()).pathname === '/meldingen/__data.json') preloaded.push(request.url());
		});
		await page.getByRole('link', { name: /^Meldingen/ }).hover();
		await page.waitForTimeout(500);
		expect(preloaded).toEqual([]);
		await page.getByRole('link', { name: /^Meldingen/ }).click();
		await page.waitForURL(/\/meldingen$/);
		expect(await page.locator('h1').textContent()).toBe('Meldingen');
		await checkA11y(page, 'meldingen');

		await page.getByRole('link', { name: 'Kies hoe vaak je mails krijgt' }).click();
		await page.waitForURL(/\/profiel\/meldingen$/);
		await checkA11y(page, 'profiel/meldingen');
		const own = page.getByRole('group', { name: 'Mijn eigen bijdragen' });
		expect(await own.getByRole('radio', { name: 'Meteen' }).isChecked()).toBe(true);
		await own.getByRole('radio', { name: 'Eén keer per dag (samenvatting)' }).check();
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await page.waitForURL(/\/profiel\/meldingen\?gelukt=bewaard$/);
		expect(await page.getByRole('status').textContent()).toContain('Je keuzes zijn bewaard.');
		expect(
			await page
				.getByRole('group', { name: 'Mijn eigen bijdragen' })
				.getByRole('radio', { name: 'Eén keer per dag (samenvatting)' })
				.isChecked()
		).toBe(true);
		await checkA11y(page, 'profiel/meldingen saved');
		expect(problems).toEqual([]);
	}, 120_000);

	it('a link that does not verify: a Dutch page on GET, on the button and on a one-click POST without cookies', async () => {
		const response = await visit(page, `/uitschrijven/${FORGED}`);
		expect(response.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Deze link werkt niet');
		await checkA11y(page, 'uitschrijven (ongeldig)');

		const base = journey.server.url;
		// RFC 8058: the mail provider's POST, no cookie, no Origin: answered 200 (as SvelteKit answers an action
		// to a client that does not ask for HTML), and as a page to one that does.
		for (const accept of ['*/*', 'text/html']) {
			const oneClick = await fetch(`${base}/uitschrijven/${FORGED}`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
				body: 'List-Unsubscribe=One-Click'
			});
			expect(oneClick.status).toBe(200);
			expect(await oneClick.text()).toContain(accept === 'text/html' ? 'Deze link werkt niet' : 'invalid');
		}
		// Anything else from elsewhere is still refused: a path that is no token, another page.
		for (const path of ['/uitschrijven/iets', '/profiel/meldingen?/save'])
			expect(
				(
					await fetch(`${base}${path}`, {
						method: 'POST',
						headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
						body: 'List-Unsubscribe=One-Click'
					})
				).status
			).toBe(403);
	}, 60_000);
});
