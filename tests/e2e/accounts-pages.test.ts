// The account pages as people use them, with axe on every page: a citizen who came from a poster edits
// their profile; the admin of Geel invites a colleague in the back office with the keyboard; a regional
// admin opens the region page; the statements of a municipality.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/lib/server/testing/smtp';
import { browserJourney, checkA11y, shown, visit } from './support';

let smtp: SmtpCatcher;
beforeAll(async () => {
	smtp = await startSmtpCatcher();
});
afterAll(async () => {
	await smtp?.close();
});
const journey = browserJourney({ env: () => ({ SMTP_URL: smtp.url }) });
const { logInAs, forgetRefusals } = journey;
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

describe('account pages', () => {
	it('a newcomer from a poster: the channel is kept, the profile saves, bad input is explained', async () => {
		await visit(page, '/geel?utm_source=poster');
		await visit(page, '/aanmelden?terug=/profiel');
		await page.getByLabel('Je e-mailadres').fill('van.de.affiche@example.be');
		await page.getByRole('button', { name: 'Stuur mij een aanmeldlink' }).click();
		const mail = await smtp.waitFor((m) => m.to.includes('van.de.affiche@example.be'));
		const link = /(http:\/\/127\.0\.0\.1:\d+\/aanmelden\/link\?token=[\w-]+)/.exec(mail.decoded)?.[1];
		await visit(page, link!);
		await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
		await page.waitForURL(`${journey.server.url}/profiel`);
		await checkA11y(page, 'profile');

		const name = page.getByLabel('Je naam op Meedoen');
		await name.fill('<b>Jonas</b>');
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await shown(page, '[aria-invalid="true"]');
		expect(await name.inputValue()).toBe('<b>Jonas</b>');
		await checkA11y(page, 'profile with an error');
		forgetRefusals();

		await name.fill('Jonas uit Mol');
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await shown(page, '[role="status"]');
		expect(await page.getByRole('status').first().textContent()).toContain('bewaard');
		// Post/redirect/get: the address is the profile's own with the message, and a reload posts nothing.
		expect(page.url()).toBe(`${journey.server.url}/profiel?gelukt=bewaard`);
		const posts: string[] = [];
		page.on('request', (r) => {
			if (r.method() !== 'GET') posts.push(r.url());
		});
		await page.reload();
		expect(posts).toEqual([]);
		expect(await page.getByRole('status').first().textContent()).toContain('bewaard');
		expect(await name.inputValue()).toBe('Jonas uit Mol');

		const exported = await page.request.get('/profiel/gegevens.json');
		const data = (await exported.json()) as { person: { displayName: string; firstChannel: string | null } };
		expect(data.person).toMatchObject({ displayName: 'Jonas uit Mol', firstChannel: 'poster' });
		expect(problems).toEqual([]);
	});

	it('the admin of Geel invites a colleague with the keyboard, and it is in the log', async () => {
		await logInAs(/An Willems/);
		await visit(page, '/geel/beheer');
		await checkA11y(page, 'back office home');
		await visit(page, '/geel/beheer/medewerkers');
		await checkA11y(page, 'staff');

		await page.getByLabel('E-mailadres', { exact: true }).focus();
		await page.keyboard.type('nieuwe.collega@geel.be');
		await page.getByLabel('Rol', { exact: true }).first().selectOption('moderator');
		await page.getByRole('button', { name: 'Uitnodigen' }).focus();
		await page.keyboard.press('Enter');
		await shown(page, '[role="status"]');
		await checkA11y(page, 'staff after inviting');
		const mail = await smtp.waitFor((m) => m.to.includes('nieuwe.collega@geel.be'));
		expect(mail.decoded).toContain('/aanmelden');

		await visit(page, '/geel/beheer/logboek');
		await checkA11y(page, 'audit log');
		expect(await page.locator('main').textContent()).toContain('nieuwe.collega@geel.be');
		for (const path of [
			'/geel/beheer/instellingen',
			'/geel/beheer/instellingen/themas',
			'/geel/beheer/instellingen/verklaringen'
		]) {
			await visit(page, path);
			await checkA11y(page, path);
		}
		expect(problems).toEqual([]);
	});

	it('a regional admin sees the region page; statements are public', async () => {
		await logInAs(/Els Van den Broeck/);
		await visit(page, '/beheer');
		await checkA11y(page, 'region back office');
		for (const path of ['/geel/privacy', '/geel/toegankelijkheid']) {
			const response = await visit(page, path);
			expect(response.status()).toBe(200);
			await checkA11y(page, path);
		}
		expect(await page.locator('main').textContent()).toContain('WCAG');
		expect(problems).toEqual([]);
	});
});
