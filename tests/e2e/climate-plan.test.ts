// The municipality's climate plan in Chromium, with axe on every page: Geel's sustainability officer (Bart
// Claes) imports a plan of 120 actions from an XLSX made here with ExcelJS (mapping and preview first), filters the
// table, changes two actions in bulk after the confirmation page and assigns a department in bulk, and records a
// lunch talk whose agreement becomes a plan action. Hilde, an owner, posts an update from the monthly "hoe ver
// staat je?" mail that the job sent at the server's start to a real SMTP catcher (its one-click link opened in a
// browser without a session); the college's summary and the Covenant export show it. Bart posts an update, links
// an action to a public climate action with its status only — a visitor sees that part and nothing internal — and
// downloads the Covenant of Mayors export, read back with SheetJS. The board, the totals and the college's summary
// are visited too; the timeline and the priority view are filtered (and read at 320 px), and the council's report
// is issued and its PDF downloaded and read back with PDF.js.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { readPdf } from '../../src/lib/server/testing/pdf-inspect';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/lib/server/testing/smtp';
import { browserJourney, checkA11y, visit, watchProblems } from './support';

// The mail catcher starts before the server, which sends the month's mail by its job at start.
let smtp: SmtpCatcher;
beforeAll(async () => {
	smtp = await startSmtpCatcher();
});
afterAll(async () => {
	await smtp?.close();
});
const journey = browserJourney({ env: () => ({ SMTP_URL: smtp.url }) });
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
	// The rest of a plan of 120 actions, over three themes and departments, some without a budget or CO2.
	const themes = [
		['Gebouwen', 'Gemeentelijke gebouwen', 'Gebouwenbeheer'],
		['Mobiliteit', 'Transport', 'Groendienst'],
		['Energie', 'Lokale elektriciteitsproductie', 'Technische dienst']
	] as const;
	for (let i = 4; i <= 120; i++) {
		const [theme, sector, department] = themes[i % 3]!;
		sheet.addRow([
			`PL-${i}`,
			`Planactie ${i}`,
			theme,
			sector,
			department,
			['Hoog', 'Middel', 'Laag'][i % 3],
			['Niet gestart', 'Lopend'][i % 2],
			`${2026 + (i % 4)}-${String((i % 12) + 1).padStart(2, '0')}-28`,
			i % 10 === 0 ? null : 1000 * i,
			i % 7 === 0 ? null : (i % 40) + 1
		]);
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the climate plan', () => {
	it('import → filter → bulk changes → lunch talk → update from the monthly mail → public part → summary and Covenant export', async () => {
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
		await page.getByRole('button', { name: '120 acties importeren' }).click();
		await settle(page, /\/klimaatplan\?gelukt=import/);
		expect(await page.getByText('120 acties geïmporteerd.').isVisible()).toBe(true);

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

		// Departments assigned in bulk: the LED action's lead to the technical department.
		await visit(page, '/geel/beheer/klimaatplan?zoek=Journeyactie+LED');
		await page.getByLabel('Kies “Journeyactie LED in de bib”').check();
		await page.getByLabel('Wijziging').selectOption({ label: 'Trekkende dienst: Technische dienst' });
		await page.getByRole('button', { name: 'Verder…' }).click();
		await settle(page, /\/klimaatplan\/bevestigen\?/);
		await checkA11y(page, 'climate plan: bulk department confirmation');
		await page.getByRole('button', { name: 'Ja, wijzig ze' }).click();
		await settle(page, /gelukt=bulk/);
		expect(await page.getByText('1 actie gewijzigd.').isVisible()).toBe(true);
		await visit(page, '/geel/beheer/klimaatplan?zoek=Journeyactie+LED');
		expect(await page.locator('table tbody tr').first().textContent()).toContain('Technische dienst');

		// A lunch talk with the mobility department (imported), whose agreement becomes a plan action.
		await visit(page, '/geel/beheer/klimaatplan/overleg/nieuw?soort=lunchgesprek');
		await checkA11y(page, 'climate plan: a new lunch talk');
		await page.getByLabel('Datum', { exact: true }).fill('2026-11-05');
		await page.getByLabel('Dienst van het lunchgesprek').selectOption({ label: 'Mobiliteitsdienst' });
		await page.getByRole('checkbox', { name: 'Bart Claes' }).check();
		await page.getByRole('button', { name: 'Overleg bewaren' }).click();
		await settle(page, /\/overleg\/\d+\?gelukt=genoteerd/);
		const lunchTalk = new URL(page.url()).pathname;
		await page.getByLabel('Wat is er afgesproken?').fill('Journeyafspraak schoolstraten proberen');
		await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
		await settle(page, /gelukt=afspraak/);
		await checkA11y(page, 'climate plan: the lunch talk with its agreement');
		// Its participants changed afterwards: Hilde added, then taken out again.
		await page.getByRole('checkbox', { name: 'Hilde Verachtert' }).check();
		await page.getByRole('button', { name: 'Voeg toe als deelnemer' }).click();
		await settle(page, /gelukt=deelnemers/);
		expect(await page.getByText('1 deelnemer toegevoegd.').isVisible()).toBe(true);
		await checkA11y(page, 'climate plan: the lunch talk with a participant added');
		await page.getByRole('button', { name: 'Haal Hilde Verachtert uit de deelnemers' }).click();
		await settle(page, /gelukt=deelnemer-weg/);
		expect(await page.getByRole('button', { name: 'Haal Hilde Verachtert uit de deelnemers' }).count()).toBe(
			0
		);
		await page.getByRole('link', { name: 'Maak er een actie van het plan van' }).first().click();
		await settle(page, /\/afspraak\/\d+\/planactie$/);
		expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(
			'Journeyafspraak schoolstraten proberen'
		);
		await page.getByRole('button', { name: 'Actie in het plan zetten' }).click();
		await settle(page, /\/klimaatplan\/\d+\?gelukt=aangemaakt/);
		expect(await page.getByText('De actie staat in het plan.').isVisible()).toBe(true);
		await visit(page, '/geel/beheer/klimaatplan?zoek=Journeyafspraak');
		expect(await page.getByRole('link', { name: 'Journeyafspraak schoolstraten proberen' }).count()).toBe(1);

		// A second agreement of the lunch talk becomes Bart's task, and he hands it over to Hilde (read at 320 px).
		await visit(page, lunchTalk);
		await page.getByLabel('Wat is er afgesproken?').fill('Journeytaak tellingen fietsstraat doorsturen');
		await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
		await settle(page, /gelukt=afspraak/);
		await page.getByLabel('Eigenaar').selectOption({ label: 'Bart Claes' });
		await page.getByLabel('Tegen').fill('2099-06-30');
		await page.getByRole('button', { name: 'Taak maken' }).click();
		await settle(page, /gelukt=taak/);
		await visit(page, '/geel/beheer/klimaatplan/taken');
		await page
			.getByRole('link', { name: '“Journeytaak tellingen fietsstraat doorsturen” overdragen' })
			.first()
			.click();
		await settle(page, /\/taken\/\d+\/overdragen$/);
		await page.setViewportSize({ width: 320, height: 800 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await checkA11y(page, 'climate plan: handing a task over at 320 px');
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.getByLabel('Nieuwe eigenaar').selectOption({ label: 'Hilde Verachtert' });
		await page.getByRole('button', { name: 'Taak overdragen' }).click();
		await settle(page, /\/taken\?gelukt=overgedragen/);
		expect(await page.getByText('De taak is overgedragen.').isVisible()).toBe(true);
		const handed = page
			.getByRole('row')
			.filter({ hasText: 'Journeytaak tellingen fietsstraat doorsturen' })
			.first();
		expect(await handed.textContent()).toContain('Hilde Verachtert');

		// A department renamed: a name another department has is said beside the field, what was typed kept.
		await visit(page, '/geel/beheer/klimaatplan/diensten');
		await page.getByRole('link', { name: 'Naam wijzigen van Gebouwenbeheer' }).click();
		await settle(page, /\/diensten\/\d+$/);
		await checkA11y(page, 'climate plan: renaming a department');
		await page.getByLabel('Naam van de dienst').fill('groendienst');
		await page.getByRole('button', { name: 'Naam bewaren' }).click();
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('Er is al een dienst met deze naam.').first().isVisible()).toBe(true);
		expect(await page.getByLabel('Naam van de dienst').inputValue()).toBe('groendienst');
		await checkA11y(page, 'climate plan: a department’s name taken');
		journey.forgetRefusals();
		await page.getByLabel('Naam van de dienst').fill('Dienst Gebouwenbeheer');
		await page.getByRole('button', { name: 'Naam bewaren' }).click();
		await settle(page, /\/diensten\?gelukt=hernoemd/);
		expect(await page.getByText('De naam van de dienst is gewijzigd.').isVisible()).toBe(true);
		expect(await page.getByRole('link', { name: 'Dienst Gebouwenbeheer', exact: true }).count()).toBe(1);

		// Hilde's monthly mail, sent by the job to the SMTP catcher: she opens the link for the trees, without a
		// session and without JavaScript, and posts an update that names what blocks and postpones the action.
		const monthly = await smtp.waitFor(
			(m) => m.decoded.includes('hoe ver staat je?') && m.decoded.includes('/klimaatplan/bijwerken/'),
			60_000
		);
		const link =
			/Update posten over “Duizend extra bomen tegen 2030”: (\S+\/klimaatplan\/bijwerken\/[\w.-]+)/.exec(
				monthly.decoded
			)?.[1];
		expect(link).toBeDefined();
		// Axe needs scripts: it reads the link's page in a context with them, and the update is posted from one
		// without (a plain form and its POST).
		const path = new URL(link!).pathname;
		const owner = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
		const ownerPage = await owner.newPage();
		const ownerProblems = watchProblems(ownerPage);
		await visit(ownerPage, path);
		expect(await ownerPage.locator('h1').textContent()).toContain('Duizend extra bomen tegen 2030');
		await checkA11y(ownerPage, 'climate plan: update by the monthly mail’s link');
		const noJs = await journey.browser.newContext({
			baseURL: journey.server.url,
			locale: 'nl-BE',
			javaScriptEnabled: false
		});
		const noJsPage = await noJs.newPage();
		await visit(noJsPage, path);
		await noJsPage.getByLabel('Wat is er gedaan?').fill('Tweehonderd bomen geplant langs de Nete.');
		await noJsPage.getByLabel('Wat blokkeert? (optioneel)').fill('Journeyblokkade: geen plantgoed');
		await noJsPage.getByLabel('Status na deze update').selectOption({ label: 'Uitgesteld' });
		await noJsPage.getByRole('button', { name: 'Update posten' }).click();
		await settle(noJsPage, /gelukt=update/);
		expect(
			await noJsPage.getByText('Bedankt! Je update staat in de opvolging van de actie.').isVisible()
		).toBe(true);
		await noJs.close();
		await visit(ownerPage, `${path}?gelukt=update`);
		await checkA11y(ownerPage, 'climate plan: update by link posted');
		expect(ownerProblems).toEqual([]);
		await owner.close();

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
		// Hilde's update by mail: the trees are among the blocked actions of the college's summary.
		expect(await page.getByRole('link', { name: 'Duizend extra bomen tegen 2030' }).count()).toBe(1);

		// The board by status, filtered as the table is (a word): per column its count and at most 25 cards, and a
		// link to the table filtered on that status with the board's word, which lists the same number.
		await visit(page, '/geel/beheer/klimaatplan/bord');
		await page.getByLabel('Zoek in titel, code en beschrijving').fill('Journeyactie');
		await page.getByRole('button', { name: 'Toon', exact: true }).click();
		await settle(page, /bord\?.*zoek=Journeyactie/);
		const columns = page.locator('section.column');
		expect(await columns.count()).toBe(5);
		for (let i = 0; i < 5; i++)
			expect(await columns.nth(i).locator('li.card').count()).toBeLessThanOrEqual(25);
		const ongoing = page.getByRole('region', { name: /^Lopend/ });
		const heading = (await ongoing.getByRole('heading').textContent()) ?? '';
		const count = Number(/\((\d+) acties?\)/.exec(heading)?.[1]);
		expect(count).toBeGreaterThan(0);
		expect(await ongoing.locator('li.card').count()).toBe(Math.min(count, 25));
		await checkA11y(page, 'climate plan: filtered board');
		await ongoing.getByRole('link', { name: /in de tabel$/ }).click();
		await settle(page, /klimaatplan\?.*status=ongoing/);
		expect(page.url()).toContain('zoek=Journeyactie');
		expect(await page.locator('table tbody tr').count()).toBe(Math.min(count, 25));

		// The timeline, filtered as the table is: the department and a word.
		await page.getByRole('link', { name: 'Tijdlijn' }).click();
		await settle(page, /\/klimaatplan\/tijdlijn$/);
		await checkA11y(page, 'climate plan: timeline');
		await page.getByLabel('Zoek in titel, code en beschrijving').fill('Journeyactie');
		await page.getByLabel('Dienst', { exact: true }).selectOption({ label: 'Mobiliteitsdienst' });
		await page.getByRole('button', { name: 'Toon', exact: true }).click();
		await settle(page, /tijdlijn\?.*dienst=\d+/);
		const bars = page.getByRole('list', { name: 'Tijdlijn van de acties' }).getByRole('listitem');
		expect(await bars.count()).toBe(2);
		expect(await bars.first().textContent()).toContain('Journeyactie deelfietsen');
		expect(await page.locator('table tbody tr').count()).toBe(2);
		await checkA11y(page, 'climate plan: filtered timeline');
		// The keyboard reaches the actions on the timeline: a link, focusable, to the action's page.
		const firstLink = bars.first().getByRole('link');
		await firstLink.focus();
		expect(await firstLink.evaluate((el) => el === document.activeElement)).toBe(true);

		// The priority view: the scatter and the ranking by euro per tonne, and those without a budget apart.
		await visit(page, '/geel/beheer/klimaatplan/prioriteiten');
		await checkA11y(page, 'climate plan: priority');
		expect(await page.getByRole('img', { name: 'Verwachte CO2-reductie tegenover budget' }).count()).toBe(1);
		const ranked = page.locator('table', { hasText: 'Acties gerangschikt op euro per ton' });
		expect(await ranked.isVisible()).toBe(true);
		expect(
			await page.getByRole('heading', { name: 'Zonder budget of zonder verwachte CO2-reductie' }).isVisible()
		).toBe(true);
		await visit(page, '/geel/beheer/klimaatplan/prioriteiten?zoek=Journeyactie');
		const fietsRow = page.locator('tr', { hasText: 'Journeyactie fietsenstallingen' });
		// 4.242 euro for 12,5 t a year: 339 euro per tonne.
		expect((await fietsRow.textContent())?.replace(/\s+/g, ' ')).toContain('€ 339');
		await checkA11y(page, 'climate plan: filtered priority');

		// At 320 px both views fit the width (tables scroll in their own region).
		await page.setViewportSize({ width: 320, height: 800 });
		for (const [path, label] of [
			['/geel/beheer/klimaatplan/tijdlijn', 'climate plan: timeline at 320 px'],
			['/geel/beheer/klimaatplan/prioriteiten', 'climate plan: priority at 320 px']
		] as const) {
			await visit(page, path);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
			await checkA11y(page, label);
		}
		await page.setViewportSize({ width: 1280, height: 800 });

		// The council's report: issued, kept, downloaded and read back.
		await visit(page, '/geel/beheer/klimaatplan/raadsrapport');
		await checkA11y(page, 'climate plan: council report');
		await page.getByRole('button', { name: 'Rapport uitgeven' }).click();
		await settle(page, /raadsrapport\?gelukt=rapport/);
		expect(await page.getByText('Het rapport is uitgegeven.').isVisible()).toBe(true);
		await checkA11y(page, 'climate plan: council report issued');
		const reportDownload = page.waitForEvent('download');
		await page.getByRole('link', { name: /^Download de PDF van / }).click();
		const reportFile = await reportDownload;
		expect(reportFile.suggestedFilename()).toMatch(/^raadsrapport-klimaatplan-geel-\d{4}-\d{2}-\d{2}\.pdf$/);
		const pdf = await readPdf(await readFile((await reportFile.path())!));
		expect(pdf.tagged).toBe(true);
		const pdfText = pdf.pages.map((p) => p.text).join(' ');
		expect(pdfText).toContain('Voortgangsrapport van het klimaatplan');
		expect(pdfText).toContain('Stand per thema');
		expect(pdfText).toContain('Journeyactie fietsenstallingen');
		expect(pdfText).toContain('Locaties gekozen met de fietsersbond.');
		expect(pdfText).toContain('Wat blokkeert: Vergunning voor de Markt');
		expect(pdfText).toMatch(/\d+ acties in het plan/);

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
		// Hilde's update by mail postponed the trees; the lunch talk's action is in the export too.
		expect(sheetRows.find((r) => r['Titel van de actie'] === 'Duizend extra bomen tegen 2030')).toMatchObject(
			{
				Uitvoeringsstatus: 'Uitgesteld'
			}
		);
		expect(
			sheetRows.find((r) => r['Titel van de actie'] === 'Journeyafspraak schoolstraten proberen')
		).toMatchObject({ 'Verantwoordelijke instantie': 'Mobiliteitsdienst' });
		expect(sheetRows.find((r) => r['Titel van de actie'] === 'Journeyactie LED in de bib')).toMatchObject({
			'Verantwoordelijke instantie': 'Technische dienst'
		});

		expect(problems).toEqual([]);
	}, 600_000);

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
		for (const path of ['tijdlijn', 'prioriteiten', 'raadsrapport'])
			expect((await visit(molPage, `/geel/beheer/klimaatplan/${path}`)).status()).toBe(403);
		await mol.close();
	});
});
