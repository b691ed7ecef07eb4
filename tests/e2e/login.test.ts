// Logging in as a person would: through the development identity provider, through a mailed link caught
// by a real SMTP server, and the calm pages when something is off. Axe checks every page on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/lib/server/testing/smtp';
import {
	checkA11y,
	launchBrowser,
	removeDataDir,
	shown,
	startServer,
	visit,
	watchProblems,
	type RunningServer
} from './support';

describe('logging in and out', () => {
	let browser: Browser;
	let server: RunningServer;
	let smtp: SmtpCatcher;
	let context: BrowserContext;
	let page: Page;
	let problems: string[];

	beforeAll(async () => {
		smtp = await startSmtpCatcher();
		server = await startServer({ env: { SMTP_URL: smtp.url, DEV_IDP_PORT: '0' } });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (server) removeDataDir(server.dataDir);
		await smtp?.close();
	});
	beforeEach(async () => {
		context = await browser.newContext({ baseURL: server.url, locale: 'nl-BE' });
		page = await context.newPage();
		problems = watchProblems(page);
	});
	afterEach(async () => {
		await context?.close();
	});

	it('logs in with Mijn Burgerprofiel (test provider), comes back to the page, and logs out at the provider', async () => {
		await visit(page, '/geel');
		await page.getByRole('link', { name: 'Aanmelden' }).click();
		await page.waitForURL(/\/aanmelden\?terug=%2Fgeel/);
		await checkA11y(page, 'login page');
		await page.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' }).click();

		await shown(page, 'h1:text("Aanmelden bij de ontwikkel-identiteitsprovider")');
		await checkA11y(page, 'identity provider picker');
		await page.getByRole('button', { name: /Lotte Peeters/ }).click();

		await page.waitForURL(`${server.url}/geel`);
		expect(await page.locator('h1').textContent()).toContain('Geel');
		await expect(page.getByRole('link', { name: /Mijn profiel/ }).isVisible()).resolves.toBe(true);
		await checkA11y(page, 'Geel, logged in');
		const cookies = await context.cookies();
		const session = cookies.find((c) => c.name === 'meedoen_session');
		expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

		await page.getByRole('button', { name: 'Afmelden' }).click();
		await shown(page, 'h1:text("Afmelden bij de ontwikkel-identiteitsprovider")');
		await checkA11y(page, 'identity provider logout');
		await page.getByRole('button', { name: 'Ja, afmelden' }).click();
		await page.waitForURL(`${server.url}/afgemeld`);
		expect(await page.getByRole('status').textContent()).toContain('Je bent afgemeld');
		await checkA11y(page, 'logged out');
		expect((await context.cookies()).find((c) => c.name === 'meedoen_session')).toBeUndefined();
		expect(problems).toEqual([]);
	});

	it('logs in with a mailed link, once', async () => {
		await visit(page, '/aanmelden?terug=/mol');
		await page.getByLabel('Je e-mailadres').fill('Nieuwe.Inwoner@example.be');
		await page.getByRole('button', { name: 'Stuur mij een aanmeldlink' }).click();
		await shown(page, 'h2:text("Kijk in je mailbox")');
		await checkA11y(page, 'link sent');

		const mail = await smtp.waitFor((m) => m.to.includes('nieuwe.inwoner@example.be'));
		expect(mail.raw).toContain('Subject: Je aanmeldlink voor Meedoen');
		const link = /(http:\/\/127\.0\.0\.1:\d+\/aanmelden\/link\?token=[\w-]+)/.exec(mail.decoded)?.[1];
		expect(link).toBeTruthy();

		await visit(page, link!);
		await checkA11y(page, 'confirm link');
		await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
		await page.waitForURL(`${server.url}/mol`);
		await expect(page.getByRole('link', { name: /Mijn profiel/ }).isVisible()).resolves.toBe(true);

		// The same link a second time: a calm page with a way back, nothing changes.
		await visit(page, link!);
		expect(await page.locator('h1').textContent()).toBe('Aanmelden is niet gelukt');
		expect(await page.locator('main').textContent()).toContain('al gebruikt');
		await checkA11y(page, 'used link');
		expect(problems).toEqual([]);
	});

	it('without JavaScript, redirects after sending the link, so a reload mails nothing', async () => {
		const noJs = await browser.newContext({ baseURL: server.url, locale: 'nl-BE', javaScriptEnabled: false });
		try {
			const tab = await noJs.newPage();
			const address = 'herladen@example.be';
			await tab.goto('/aanmelden?terug=/geel');
			await tab.getByLabel('Je e-mailadres').fill(address);
			await tab.getByRole('button', { name: 'Stuur mij een aanmeldlink' }).click();
			await tab.waitForSelector('h2:text("Kijk in je mailbox")');
			// Post/redirect/get: the address bar shows the confirmation, not the form action.
			const confirmation = new URL(tab.url());
			expect(`${confirmation.pathname}${confirmation.search}`).toBe('/aanmelden?verstuurd');
			expect(await tab.getByRole('status').textContent()).toContain(
				`We hebben een aanmeldlink gestuurd naar ${address}.`
			);

			const reloaded = await tab.reload();
			expect(reloaded?.request().method()).toBe('GET');
			expect(tab.url()).toBe(confirmation.href);
			expect(await tab.getByRole('status').textContent()).toContain(address);
			const again = await tab.goto(confirmation.href);
			expect(again?.status()).toBe(200);
			expect(await tab.locator('h2').first().textContent()).toBe('Kijk in je mailbox');
			await smtp.waitFor((m) => m.to.includes(address));

			// Mail leaves in the order it was queued (one worker, one job at a time): once a link asked after
			// the reloads has arrived, any mail the reloads had queued would have arrived before it.
			await tab.goto('/aanmelden');
			await tab.getByLabel('Je e-mailadres').fill('na-het-herladen@example.be');
			await tab.getByRole('button', { name: 'Stuur mij een aanmeldlink' }).click();
			await tab.waitForSelector('h2:text("Kijk in je mailbox")');
			await smtp.waitFor((m) => m.to.includes('na-het-herladen@example.be'));
			expect(smtp.messages.filter((m) => m.to.includes(address))).toHaveLength(1);
		} finally {
			await noJs.close();
		}
	});

	it('keeps what was typed when the address is not one, and says why beside the field', async () => {
		await visit(page, '/aanmelden');
		await page.getByLabel('Je e-mailadres').fill('geen-adres<script>');
		await page.getByRole('button', { name: 'Stuur mij een aanmeldlink' }).click();
		await shown(page, '#email-error');
		expect(await page.locator('#email-error').textContent()).toContain('Vul een geldig e-mailadres in');
		expect(await page.getByLabel('Je e-mailadres').inputValue()).toBe('geen-adres<script>');
		expect(await page.getByLabel('Je e-mailadres').getAttribute('aria-invalid')).toBe('true');
		await checkA11y(page, 'login form with error');
	});

	it('shows a calm page for a tampered or replayed callback', async () => {
		const response = await visit(page, '/aanmelden/terug?code=verzonnen&state=verzonnen');
		expect(response.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Aanmelden is niet gelukt');
		await expect(page.getByRole('link', { name: 'Probeer opnieuw aan te melden' }).isVisible()).resolves.toBe(
			true
		);
		await checkA11y(page, 'failed login');
	});

	it('ends a session that expired or was ended elsewhere without an error', async () => {
		await context.addCookies([{ name: 'meedoen_session', value: 'verlopen-of-verzonnen', url: server.url }]);
		const response = await visit(page, '/geel');
		expect(response.status()).toBe(200);
		await expect(page.getByRole('link', { name: 'Aanmelden' }).isVisible()).resolves.toBe(true);
	});
});
