// Impact in Chromium, with axe on every page, on a server of its own (its jobs run, so the daily snapshot is taken
// at start): An Willems (Geel's admin) reads the dashboard, is refused a target of 0 with the Dutch message beside
// the field and what she typed kept, records Geel's strategy (the external strategy turns to "ja"), creates and
// publishes an action in execution with an opportunity (one more additional climate action); Lotte, a
// citizen, chooses Geel as her municipality and joins the pool through her profile, which moves the pool by one
// (and the registered users unless Geel was her municipality already); the trend table holds the day's snapshot; Els, the regional admin, sorts every
// municipality side by side without JavaScript and downloads the CSV, which holds the table's figures; a visitor
// sees the public pages with only public indicators.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserJourney, checkA11y, visit } from './support';

const journey = browserJourney();

/** The number in the "Nu" cell of an indicator's row of the first table. */
async function nowOf(page: Page, name: string): Promise<number> {
	const row = page
		.locator('table')
		.first()
		.locator('tr', { has: page.getByRole('rowheader', { name }) });
	const text = (await row.locator('td').nth(2).textContent()) ?? '';
	const match = /(\d[\d.]*)/.exec(text);
	if (!match) throw new Error(`no number for ${name}: ${text}`);
	return Number(match[1]!.replace(/\./g, ''));
}

async function nowText(page: Page, name: string): Promise<string> {
	const row = page
		.locator('table')
		.first()
		.locator('tr', { has: page.getByRole('rowheader', { name }) });
	return (await row.locator('td').nth(2).textContent()) ?? '';
}

const newPage = async () => {
	const context = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
	return { context, page: await context.newPage() };
};

describe('impact', () => {
	it('moves with what happens on the platform, is snapshotted daily, and shows the public only what is public', async () => {
		const { page } = journey;
		await journey.logInAs(/An Willems/);
		expect((await visit(page, '/geel/beheer/impact')).status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe('Impact');
		await checkA11y(page, 'impact: municipality dashboard');
		const pool0 = await nowOf(page, 'Klimaatmakers in de pool');
		const users0 = await nowOf(page, 'Geregistreerde gebruikers');

		// A target of 0 is refused beside the field, the typed value kept.
		await page.locator('#t-indicator').selectOption('accounts.registeredUsers');
		await page.locator('#t-target').fill('0');
		await page.getByRole('button', { name: 'Doel bewaren' }).click();
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('Een doel moet groter zijn dan nul.').isVisible()).toBe(true);
		expect(await page.locator('#t-target').inputValue()).toBe('0');
		journey.forgetRefusals();
		await checkA11y(page, 'impact: target refused');

		// The strategy form: the external strategy becomes "ja".
		await page.getByLabel('Website').check();
		await page
			.getByLabel('Communicatieafspraken met een uitgebreid netwerk')
			.fill('Elke maand in het infoblad.');
		await page.getByLabel('Interne participatiestrategie').fill('Een aanspreekpunt per dienst.');
		await page.getByRole('button', { name: 'Strategie bewaren' }).click();
		await page.waitForURL(/gelukt=strategy/);
		const strategyRow = page
			.locator('table')
			.first()
			.locator('tr', {
				has: page.getByRole('rowheader', { name: 'Gemeenten met een externe participatiestrategie' })
			});
		expect(await strategyRow.locator('td').nth(2).textContent()).toContain('ja');

		// An creates an action in execution with an opportunity and publishes it: one more additional climate
		// action in execution.
		const actions0 = await nowOf(page, 'Bijkomende klimaatacties in uitvoering');
		await visit(page, '/geel/beheer/acties/nieuw');
		await page.locator('#action-title').fill(`Ontharden aan de Markt ${Date.now()}`);
		await page.locator('#action-summary').fill('Samen tegels wippen en groen planten.');
		await page.locator('#action-status').selectOption('inProgress');
		await page.locator('[id^="action-theme-"]').first().check();
		await page.getByRole('button', { name: 'Actie aanmaken' }).click();
		await page.waitForURL(/gelukt=aangemaakt/);
		await page.locator('#new-opportunity-title').fill('Kies mee welke planten er komen');
		await page.locator('#new-opportunity-rung').selectOption('codecide');
		await page.getByRole('button', { name: 'Kans toevoegen' }).click();
		await page.waitForURL(/gelukt=kans/);
		await page.getByLabel('Ja, publiceer deze actie: iedereen kan ze dan zien').check();
		await page.getByRole('button', { name: 'Publiceren', exact: true }).click();
		await page.waitForURL(/gelukt=gepubliceerd/);
		await visit(page, '/geel/beheer/impact');
		expect(await nowOf(page, 'Bijkomende klimaatacties in uitvoering')).toBe(actions0 + 1);

		// Lotte chooses Geel and joins the pool through her profile.
		const lotte = await newPage();
		await journey.logInAs(/Lotte Peeters/, lotte.page);
		const before = (await (await lotte.page.request.get('/profiel/gegevens.json')).json()) as {
			person: { homeMunicipality: { slug: string } | null; wantsToHelp: boolean };
		};
		expect(before.person.wantsToHelp).toBe(false);
		// Registered users count people by their home municipality: she adds one unless Geel was hers already.
		const addsUser = before.person.homeMunicipality?.slug === 'geel' ? 0 : 1;
		await visit(lotte.page, '/profiel');
		await lotte.page.getByLabel('Je gemeente').selectOption({ label: 'Geel' });
		await lotte.page.getByLabel('Ja, vraag mij om mee te helpen').check();
		await lotte.page.getByRole('button', { name: 'Bewaren' }).first().click();
		await lotte.page.waitForLoadState('networkidle');
		await lotte.context.close();

		await visit(page, '/geel/beheer/impact');
		expect(await nowOf(page, 'Klimaatmakers in de pool')).toBe(pool0 + 1);
		expect(await nowOf(page, 'Geregistreerde gebruikers')).toBe(users0 + addsUser);

		// The daily snapshot, taken by the job at start: the trend's table has today's row.
		const trend = page.getByRole('table', { name: 'Verloop van Geregistreerde gebruikers per dag' });
		for (let i = 0; i < 30 && (await trend.count()) === 0; i++) {
			await new Promise((r) => setTimeout(r, 2_000));
			await visit(page, '/geel/beheer/impact');
		}
		expect(await trend.locator('tbody tr').count()).toBe(1);
		await checkA11y(page, 'impact: dashboard with its trends');

		// Els: every municipality side by side, sorted by links, and the CSV with the same figures.
		const els = await newPage();
		await journey.logInAs(/Els Van den Broeck/, els.page);
		expect((await visit(els.page, '/beheer/impact')).status()).toBe(200);
		await checkA11y(els.page, 'impact: region dashboard');
		// A figure the platform cannot count: without a note it is refused beside the field, the number kept.
		const available = 'Gemeenten die het draaiboek ter beschikking kregen';
		expect(await nowText(els.page, available)).toContain('nog niet ingevoerd');
		await els.page.locator('#e-value').fill('31');
		await els.page.getByRole('button', { name: 'Waarde invoeren' }).click();
		await els.page.waitForLoadState('networkidle');
		expect(await els.page.locator('#e-note-error').textContent()).toBe(
			'Geef een toelichting bij de ingevoerde waarde.'
		);
		expect(await els.page.locator('#e-value').inputValue()).toBe('31');
		await checkA11y(els.page, 'impact: entered figure refused');
		await els.page.locator('#e-note').fill('De 29 Kempense gemeenten en twee daarbuiten.');
		await els.page.getByRole('button', { name: 'Waarde invoeren' }).click();
		await els.page.waitForURL(/gelukt=entry/);
		expect(await nowText(els.page, available)).toContain('31');
		expect(await nowText(els.page, available)).toContain('ingevoerd');
		const side = els.page.locator('#side-caption').locator('xpath=..');
		await side.getByRole('link', { name: 'Klimaatmakers in de pool' }).click();
		await els.page.waitForURL(/sorteer=accounts.climateMakers/);
		await side.getByRole('link', { name: 'Klimaatmakers in de pool' }).click();
		await els.page.waitForURL(/richting=desc/);
		await checkA11y(els.page, 'impact: region dashboard sorted');
		const headers = (await side.locator('thead th').allTextContents()).map((h) => h.trim());
		const bodyRows = await side.locator('tbody tr').all();
		const table = [];
		for (const r of bodyRows) table.push((await r.locator('th, td').allTextContents()).map((c) => c.trim()));
		const href = await els.page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href');
		const csv = await (await els.page.request.get(href!)).text();
		const lines = csv
			.replace('\uFEFF', '')
			.trim()
			.split('\r\n')
			.map((l) => l.split(';').map((c) => c.replace(/^"|"$/g, '')));
		expect(lines[0]).toEqual(headers);
		// The same municipalities in the same order with the same figures (the page formats numbers nl-BE).
		expect(lines.slice(1, 1 + table.length).map((l) => l[0])).toEqual(table.map((r) => r[0]));
		const poolColumn = headers.indexOf('Klimaatmakers in de pool');
		for (let i = 0; i < table.length; i++)
			expect(lines[i + 1]![poolColumn], table[i]![0]).toBe(table[i]![poolColumn]!.replace(/\./g, ''));
		expect(lines.find((l) => l[0] === 'Geel')![poolColumn]).toBe(String(pool0 + 1));
		await els.context.close();

		// A visitor: the public pages, only public indicators.
		const visitor = await newPage();
		for (const path of ['/geel/impact', '/impact']) {
			expect((await visit(visitor.page, path)).status()).toBe(200);
			await checkA11y(visitor.page, `impact: public ${path}`);
			const text = (await visitor.page.content()) ?? '';
			expect(text).not.toContain('Kanalen die mensen bereiken');
			expect(text).not.toContain('participatiestrategie');
			expect(text).not.toContain('Elke maand in het infoblad');
			expect(text).toContain('Klimaatmakers in de pool');
		}
		expect((await visit(visitor.page, '/geel/beheer/impact')).url()).toContain('/aanmelden');
		await visitor.context.close();
		expect(journey.problems).toEqual([]);
		// A journey of four people and a dozen pages under axe: more than the default minute on a loaded machine.
	}, 300_000);
});
