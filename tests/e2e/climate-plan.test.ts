// The municipality's climate plan in Chromium, with axe on every page: Geel's sustainability officer (Bart
// Claes) imports three actions from an XLSX made here with ExcelJS (mapping and preview first), filters the table,
// changes two actions in bulk after the confirmation page, posts an update, links an action to a public climate
// action with its status only — a visitor sees that part and nothing internal — and downloads the Covenant of
// Mayors export, read back with SheetJS. The board, the totals and the college's summary are visited too.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { browserJourney, checkA11y, visit, watchProblems } from './support';

const journey = browserJourney();
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

const settle = async (p: Page, url: RegExp) => {
	await p.waitForURL(url);
	await p.waitForLoadState('networkidle');
};

async function planFile(): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Plan');
	sheet.addRow([
		'Code',
		'Titel',
		'Thema',
		'Sector',
		'Trekkende dienst',
		'Prioriteit',
		'Status',
		'Gepland einde',
		'Budget',
		'CO2-reductie'
	]);
	sheet.addRow([
		'JR-1',
		'Journeyactie fietsenstallingen',
		'Mobiliteit',
		'Transport',
		'Mobiliteitsdienst',
		'Hoog',
		'Niet gestart',
		'31/12/2027',
		4242,
		12.5
	]);
	sheet.addRow([
		'JR-2',
		'Journeyactie deelfietsen',
		'Mobiliteit',
		'Transport',
		'Mobiliteitsdienst',
		'Middel',
		'Niet gestart',
		'30/06/2027',
		1000,
		3
	]);
	sheet.addRow([
		'JR-3',
		'Journeyactie LED in de bib',
		'Gebouwen',
		'Gemeentelijke gebouwen',
		'Gebouwenbeheer',
		'Laag',
		'Lopend',
		'2027-03-01',
		800,
		1
	]);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the climate plan', () => {
	it('import → filter → bulk change → update → public part → Covenant export', async () => {
		await journey.logInAs(/Bart Claes/);
		await visit(page, '/geel/beheer/klimaatplan');
		expect(await page.locator('h1').textContent()).toBe('Klimaatplan');
		await checkA11y(page, 'climate plan: table');

		// Import: upload, mapping guessed from the headings, preview, then save.
		await page.getByRole('link', { name: 'Importeren' }).click();
		await settle(page, /\/klimaatplan\/importeren$/);
		await checkA11y(page, 'climate plan: import');
		await page.getByLabel(/Bestand \(XLSX of CSV/).setInputFiles({
			name: 'plan.xlsx',
			mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			buffer: await planFile()
		});
		await page.getByRole('button', { name: 'Opladen en verder' }).click();
		await settle(page, /\/klimaatplan\/importeren\/\d+$/);
		expect(await page.getByText('Alle rijen zijn in orde.').isVisible()).toBe(true);
		expect(await page.locator('#map-title').inputValue()).toBe('1');
		await checkA11y(page, 'climate plan: import preview');
		await page.getByRole('button', { name: '3 acties importeren' }).click();
		await settle(page, /\/klimaatplan\?gelukt=import/);
		expect(await page.getByText('3 acties geïmporteerd.').isVisible()).toBe(true);

		// Filter: the department and a word.
		await page.getByLabel('Zoek in titel, code en beschrijving').fill('Journeyactie');
		await page.getByLabel('Dienst', { exact: true }).selectOption({ label: 'Mobiliteitsdienst' });
		await page.getByRole('button', { name: 'Toon', exact: true }).click();
		await settle(page, /dienst=\d+/);
		const rows = page.locator('table tbody tr');
		expect(await rows.count()).toBe(2);
		await checkA11y(page, 'climate plan: filtered table');

		// Bulk: both to "Lopend", after the confirmation page.
		await page.getByLabel('Kies “Journeyactie fietsenstallingen”').check();
		await page.getByLabel('Kies “Journeyactie deelfietsen”').check();
		await page.getByLabel('Wijziging').selectOption({ label: 'Status: Lopend' });
		await page.getByRole('button', { name: 'Verder…' }).click();
		await settle(page, /\/klimaatplan\/bevestigen\?/);
		expect(await page.getByText('Je wijzigt 2 acties.').isVisible()).toBe(true);
		await checkA11y(page, 'climate plan: bulk confirmation');
		await page.getByRole('button', { name: 'Ja, wijzig ze' }).click();
		await settle(page, /gelukt=bulk/);
		expect(await page.getByText('2 acties gewijzigd.').isVisible()).toBe(true);

		// An update on the first, from its page.
		await visit(page, '/geel/beheer/klimaatplan?zoek=fietsenstallingen');
		await page.getByRole('link', { name: /Journeyactie fietsenstallingen/ }).click();
		await settle(page, /\/klimaatplan\/\d+$/);
		const actionUrl = page.url();
		expect(await page.locator('.facts').textContent()).toContain('Lopend');
		await checkA11y(page, 'climate plan: action');
		await page.getByLabel('Wat is er gedaan?').fill('Locaties gekozen met de fietsersbond.');
		await page.getByLabel('Wat blokkeert? (optioneel)').fill('Vergunning voor de Markt');
		await page.getByRole('button', { name: 'Update posten' }).click();
		await settle(page, /gelukt=update/);
		expect(await page.getByText('Je update staat in de opvolging.').isVisible()).toBe(true);
		expect(await page.getByText('Vergunning voor de Markt').isVisible()).toBe(true);

		// Link to the public unpaving action, its status only.
		await page
			.getByLabel('Gekoppelde publieke actie')
			.selectOption({ label: 'Ontharden en vergroenen: van tegels naar planten' });
		await page.getByLabel('De status').check();
		await page.getByRole('button', { name: 'Koppeling bewaren' }).click();
		await settle(page, /gelukt=koppeling/);
		expect(page.url().split('?')[0]).toBe(actionUrl.split('?')[0]);

		// A visitor sees the public part and nothing internal.
		const visitor = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
		const pub = await visitor.newPage();
		const pubProblems = watchProblems(pub);
		await visit(pub, '/geel/acties');
		const href = await pub
			.getByRole('link', { name: 'Ontharden en vergroenen: van tegels naar planten' })
			.first()
			.getAttribute('href');
		await visit(pub, href!);
		const part = pub.locator('section.plan-part');
		expect(await part.getByRole('heading', { name: 'In het klimaatplan van de gemeente' }).isVisible()).toBe(
			true
		);
		const shownText = (await part.textContent()) ?? '';
		expect(shownText).toContain('Journeyactie fietsenstallingen');
		expect(shownText).toContain('Loopt');
		for (const secret of [
			'4.242',
			'4242',
			'Mobiliteitsdienst',
			'Vergunning voor de Markt',
			'Locaties gekozen',
			'JR-1'
		])
			expect(shownText).not.toContain(secret);
		expect((await pub.content()).includes('Vergunning voor de Markt')).toBe(false);
		await checkA11y(pub, 'public action with its plan part');
		expect(pubProblems).toEqual([]);
		await visitor.close();

		// The board, the totals and the college's summary.
		for (const [path, label] of [
			['/geel/beheer/klimaatplan/bord', 'climate plan: board'],
			['/geel/beheer/klimaatplan/totalen', 'climate plan: totals'],
			['/geel/beheer/klimaatplan/samenvatting', 'climate plan: summary']
		] as const) {
			expect((await visit(page, path)).status()).toBe(200);
			await checkA11y(page, label);
		}
		expect(await page.getByText('Vergunning voor de Markt').count()).toBe(0);
		expect(await page.getByRole('link', { name: 'Journeyactie fietsenstallingen' }).count()).toBe(1);

		// The Covenant export, read back with an independent library.
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Export Burgemeestersconvenant (XLSX)' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toMatch(/^burgemeestersconvenant-geel-.*\.xlsx$/);
		const workbook = XLSX.read(await readFile((await file.path())!), { type: 'buffer' });
		const sheetRows = XLSX.utils.sheet_to_json<Record<string, unknown>>(
			workbook.Sheets[workbook.SheetNames[0]!]!
		);
		expect(sheetRows.find((r) => r['Titel van de actie'] === 'Journeyactie fietsenstallingen')).toMatchObject(
			{
				Sector: 'Transport',
				'Verantwoordelijke instantie': 'Mobiliteitsdienst',
				Uitvoeringsstatus: 'Lopend',
				'Geraamde kost (EUR)': 4242,
				'CO2-reductie (t CO2/jaar)': 12.5
			}
		);
		expect(sheetRows.length).toBeGreaterThanOrEqual(23);

		expect(problems).toEqual([]);
	});

	it('refuses a citizen and Mol’s officer the board', async () => {
		await journey.logInAs(/Lotte/);
		expect((await visit(page, '/geel/beheer/klimaatplan')).status()).toBe(403);
		await checkA11y(page, 'climate plan refused to a citizen');
		journey.problems.splice(0);
		const mol = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
		const molPage = await mol.newPage();
		await journey.logInAs(/Tom Mertens/, molPage);
		expect((await visit(molPage, '/geel/beheer/klimaatplan')).status()).toBe(403);
		expect((await visit(molPage, '/geel/beheer/klimaatplan/convenant.csv')).status()).toBe(403);
		await mol.close();
	});
});
