// The back office of climate actions, as the communication officer of Geel uses it, with axe on every page:
// create an action with the keyboard only, add an opportunity, publish, write news, read the history; then
// the visitor sees it all on the public pages. A refused form keeps what was typed and says why, in Dutch.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserJourney, checkA11y, shown, visit, watchProblems } from './support';

const journey = browserJourney();
const logInAsSofie = () => journey.logInAs(/Sofie Wouters/);
const { forgetRefusals } = journey;
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

/** The id of the element that has the keyboard focus. */
const focused = (p: Page) => p.evaluate(() => document.activeElement?.id ?? '');

describe('back office of actions', () => {
	it('create with the keyboard → opportunity → publish → update → history → public page', async () => {
		await logInAsSofie();
		const list = await visit(page, '/geel/beheer/acties');
		expect(list.status()).toBe(200);
		await checkA11y(page, 'back office: actions');

		await page.getByRole('link', { name: 'Nieuwe actie' }).click();
		await page.waitForURL(/\/geel\/beheer\/acties\/nieuw$/);
		await page.waitForLoadState('networkidle');

		// Keyboard only: Tab from field to field, type, Space on a checkbox, Enter to submit.
		const title = `Geveltuinen in de Kerkstraat ${Date.now()}`;
		await page.locator('#action-title').focus();
		await page.keyboard.type(title);
		await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('action-summary');
		await page.keyboard.type('Samen de stoep groener maken, tegel per tegel.');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('action-status');
		await page.keyboard.type('Gepland');
		expect(await page.locator('#action-status').inputValue()).toBe('planned');
		await page.keyboard.press('Tab');
		expect(await focused(page)).toMatch(/^action-theme-/);
		await page.keyboard.press('Space');
		expect(await page.locator(`#${await focused(page)}`).isChecked()).toBe(true);
		for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+Tab');
		expect(await focused(page)).toBe('action-title');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/geel\/beheer\/acties\/\d+\?gelukt=aangemaakt$/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De actie is aangemaakt.').isVisible()).toBe(true);
		const editUrl = page.url().split('?')[0]!;

		// An opportunity on "Meebeslissen".
		await page.locator('#new-opportunity-title').fill('Kies mee welke planten er komen');
		await page.locator('#new-opportunity-rung').selectOption('codecide');
		await page.getByRole('button', { name: 'Kans toevoegen' }).click();
		await page.waitForURL(/gelukt=kans/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De kans is toegevoegd.').isVisible()).toBe(true);
		expect(await page.getByRole('row', { name: /Kies mee welke planten er komen/ }).textContent()).toContain(
			'Meebeslissen'
		);
		await checkA11y(page, 'back office: edit action');

		// Publishing needs the "yes, I am sure" step.
		await page.getByRole('button', { name: 'Publiceren', exact: true }).click();
		await shown(page, '#publish-error');
		forgetRefusals();
		await page.getByLabel('Ja, publiceer deze actie: iedereen kan ze dan zien').check();
		await page.getByRole('button', { name: 'Publiceren', exact: true }).click();
		await page.waitForURL(/gelukt=gepubliceerd/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De actie is gepubliceerd.').isVisible()).toBe(true);

		// News: written as a draft, then published.
		await page.locator('#update-title').fill('De eerste tegels zijn eruit');
		await page.locator('#update-body').fill('Vijftien bewoners wipten zaterdag samen **veertig tegels**.');
		await page.getByRole('button', { name: 'Update bewaren' }).click();
		await page.waitForURL(/gelukt=update(#|$)/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De update is bewaard.').isVisible()).toBe(true);
		await page.getByRole('button', { name: /^Publiceren\s*— De eerste tegels zijn eruit/ }).click();
		await page.waitForURL(/gelukt=updateGepubliceerd/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De update is gepubliceerd.').isVisible()).toBe(true);

		await page.getByRole('link', { name: 'Geschiedenis van deze actie bekijken' }).click();
		await page.waitForURL(`${editUrl}/geschiedenis`);
		await page.waitForLoadState('networkidle');
		const history = (await page.locator('table tbody').textContent()) ?? '';
		for (const entry of ['Aangemaakt', 'Kans toegevoegd', 'Gepubliceerd', 'Update'])
			expect(history).toContain(entry);
		expect(history).toContain('Sofie');
		await checkA11y(page, 'back office: history');

		// A visitor finds it on the public pages.
		const visitor = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
		const pub = await visitor.newPage();
		const pubProblems = watchProblems(pub);
		await visit(pub, `/geel/acties?q=${encodeURIComponent('Geveltuinen in de Kerkstraat')}`);
		await pub.getByRole('link', { name: title }).click();
		await pub.waitForURL(/\/geel\/acties\/\d+-/);
		await pub.waitForLoadState('networkidle');
		expect(await pub.locator('h1').textContent()).toBe(title);
		expect(await pub.getByRole('heading', { name: 'Kies mee welke planten er komen' }).isVisible()).toBe(
			true
		);
		expect(await pub.getByText('Mee beslissen', { exact: true }).isVisible()).toBe(true);
		expect(await pub.getByRole('heading', { name: 'De eerste tegels zijn eruit' }).isVisible()).toBe(true);
		await checkA11y(pub, 'public page of the new action');
		expect(pubProblems).toEqual([]);
		await visitor.close();

		expect(problems).toEqual([]);
	});

	it('an empty title is refused beside the field, and the typed summary stays', async () => {
		await logInAsSofie();
		await visit(page, '/geel/beheer/acties/nieuw');
		await page.locator('#action-summary').fill('Wat ik al typte, blijft staan.');
		await page.getByRole('button', { name: 'Actie aanmaken' }).click();
		await shown(page, '#action-title[aria-invalid="true"]');
		forgetRefusals();
		const describedBy = (await page.locator('#action-title').getAttribute('aria-describedby')) ?? '';
		const messages = await Promise.all(
			describedBy
				.split(/\s+/)
				.filter(Boolean)
				.map((id) => page.locator(`#${id}`).textContent())
		);
		expect(messages.join(' ')).toContain('Geef de actie een titel.');
		expect(await page.locator('#action-summary').inputValue()).toBe('Wat ik al typte, blijft staan.');
		await checkA11y(page, 'back office: new action with an error');
		expect(problems).toEqual([]);
	});
});
