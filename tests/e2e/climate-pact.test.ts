// The Climate Pact (LEKP) end to end, without JavaScript, axe on every page: Bart (Geel's moderator) records
// 120 trees planted on an action (a negative quantity and a day before 2021 refused beside their fields first,
// what he typed kept); Lotte reports a rain barrel with a photo (a file that is no image refused first), and
// sees it wait; Bart verifies it from the queue (its photo shown to staff only), and another report in bulk; the
// public page and the region's show the totals against the target, and the XLSX export read back with SheetJS
// holds the same figures. A citizen and Mol's officer are refused the back office.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { blockPageScriptsKeepRedirects, browserJourney, checkA11y, sveltekitRan, visit } from './support';

const journey = browserJourney();

/** A context of the persona's session in which the page's own scripts do not run. */
async function personWithoutJavaScript(persona: RegExp): Promise<{ context: BrowserContext; page: Page }> {
	const login = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
	const loginPage = await login.newPage();
	await journey.logInAs(persona, loginPage);
	const storageState = await login.storageState();
	await login.close();
	const context = await journey.browser.newContext({
		baseURL: journey.server.url,
		locale: 'nl-BE',
		storageState
	});
	await blockPageScriptsKeepRedirects(context);
	return { context, page: await context.newPage() };
}

/** Clicks what leads to another document (a link, a form's button) and waits until that document has loaded. */
async function navigate(page: Page, target: Locator) {
	await Promise.all([page.waitForEvent('framenavigated'), target.click()]);
	await page.waitForLoadState('load');
}

/** A figure as nl-BE writes it ("1.234,5 bomen") as a number. */
function figure(text: string): number {
	const m = /-?[\d.]+(,\d+)?/.exec(text.replace(/\s/g, ' '));
	return m ? Number(m[0].replace(/\./g, '').replace(',', '.')) : NaN;
}

/** What the totals table says was reached of a kind, and its target. */
async function reached(page: Page, kind: string): Promise<{ total: number; target: number }> {
	const row = page
		.locator('table')
		.first()
		.locator('tbody tr')
		.filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${kind}`) }) });
	const cells = row.locator('td');
	return {
		total: figure((await cells.nth(0).textContent()) ?? ''),
		target: figure((await cells.nth(1).textContent()) ?? '')
	};
}

const lastYear = new Date().getUTCFullYear() - 1;

describe('the Climate Pact', () => {
	it('120 trees on an action, a rain barrel verified, totals on the public page and in the export', async () => {
		const bart = await personWithoutJavaScript(/Bart Claes/);
		const lotte = await personWithoutJavaScript(/Lotte Peeters/);
		try {
			const b = bart.page;
			await visit(b, '/geel/beheer/klimaatpact', { until: 'load' });
			expect(await sveltekitRan(b)).toBe(false);
			expect(await b.locator('h1').textContent()).toBe('Klimaatpact (LEKP)');
			await checkA11y(b, 'climate pact in the back office');
			const treesBefore = await reached(b, 'Extra bomen');
			expect(treesBefore.target).toBe(40_709);

			// A negative quantity and a day before the pact: refused beside the fields, what was typed kept.
			await b.getByLabel('Bij welke actie of activiteit?').selectOption({ index: 1 });
			const actionTitle = (await b.locator('#record-target option:checked').textContent())!.replace(
				/^Acties: /,
				''
			);
			await b.getByLabel('Soort resultaat').selectOption('trees');
			await b.getByLabel('Hoeveelheid').fill('-120');
			await b.getByLabel('Datum').fill('2020-05-01');
			await navigate(b, b.getByRole('button', { name: 'Resultaat registreren' }));
			expect(await b.locator('#record-quantity-error').textContent()).toContain(
				'De hoeveelheid moet groter zijn dan nul.'
			);
			expect(await b.locator('#record-date-error').textContent()).toContain(
				'Het Klimaatpact telt vanaf 1 januari 2021'
			);
			expect(await b.getByLabel('Hoeveelheid').inputValue()).toBe('-120');
			expect(await b.getByLabel('Soort resultaat').inputValue()).toBe('trees');
			await checkA11y(b, 'climate pact, refused outcome');
			expect((await reached(b, 'Extra bomen')).total).toBe(treesBefore.total);

			// 120 trees planted on the action.
			await b.getByLabel('Hoeveelheid').fill('120');
			await b.getByLabel('Datum').fill(`${lastYear}-11-20`);
			await navigate(b, b.getByRole('button', { name: 'Resultaat registreren' }));
			expect(await b.getByRole('status').textContent()).toContain('Het resultaat is geregistreerd');
			expect((await reached(b, 'Extra bomen')).total).toBe(treesBefore.total + 120);
			const recorded = () =>
				b
					.locator('table', { hasText: 'Registraties van medewerkers' })
					.locator('tbody tr')
					.filter({ hasText: '120 bomen' })
					.filter({ hasText: actionTitle });
			const row = recorded();
			expect(await row.count()).toBe(1);
			expect(await row.textContent()).toContain(actionTitle);
			expect(await row.textContent()).toContain('120');
			await checkA11y(b, 'climate pact after recording');
			// Its edit page and its delete confirmation.
			await navigate(b, row.getByRole('link', { name: /^Wijzig/ }));
			expect(await b.getByLabel('Hoeveelheid').inputValue()).toBe('120');
			await checkA11y(b, 'climate pact: edit an outcome');
			await visit(b, '/geel/beheer/klimaatpact', { until: 'load' });
			await navigate(b, recorded().getByRole('link', { name: /^Verwijder/ }));
			expect(await b.locator('h1').textContent()).toBe('Registratie verwijderen');
			await checkA11y(b, 'climate pact: delete confirmation');

			// Lotte reports a rain barrel with a photo; a file that is no image is refused first.
			const l = lotte.page;
			await visit(l, '/geel/klimaatpact', { until: 'load' });
			const rainBefore = await reached(l, 'Opvang van regenwater');
			await checkA11y(l, 'climate pact of Geel');
			await navigate(l, l.getByRole('link', { name: 'Meld je bijdrage' }));
			await checkA11y(l, 'report a contribution');
			await l.getByLabel('Wat heb je gedaan?').selectOption('rainwater');
			await l.getByLabel('Hoeveel?').fill('0,3');
			await l.getByLabel('Wanneer?').fill(`${lastYear}-06-10`);
			await l.getByLabel('Toelichting (niet verplicht)').fill('Regenton van 300 liter aan de achtergevel.');
			await l.getByLabel('Foto (niet verplicht)').setInputFiles({
				name: 'regenton.jpg',
				mimeType: 'image/jpeg',
				buffer: Buffer.from('%PDF-1.7 dit is geen foto')
			});
			await l.getByLabel('Wat staat er op de foto?').fill('Een groene regenton onder de regenpijp');
			await navigate(l, l.getByRole('button', { name: 'Bijdrage melden' }));
			expect(await l.locator('#photo-error').textContent()).toContain('Dit bestand is geen foto.');
			expect(await l.getByLabel('Hoeveel?').inputValue()).toBe('0,3');
			expect(await l.getByLabel('Toelichting (niet verplicht)').inputValue()).toContain(
				'Regenton van 300 liter'
			);
			await checkA11y(l, 'report refused');
			const photo = await sharp({
				create: { width: 320, height: 240, channels: 3, background: { r: 40, g: 120, b: 60 } }
			})
				.png()
				.toBuffer();
			await l
				.getByLabel('Foto (niet verplicht)')
				.setInputFiles({ name: 'regenton.png', mimeType: 'image/png', buffer: photo });
			await navigate(l, l.getByRole('button', { name: 'Bijdrage melden' }));
			expect(await l.locator('h1').textContent()).toBe('Bedankt voor je bijdrage');
			expect(await l.getByRole('status').textContent()).toContain('0,3 m³ opvang van regenwater');
			await checkA11y(l, 'contribution thanks');
			await navigate(l, l.getByRole('link', { name: 'Bekijk je meldingen en hoe ze staan' }));
			expect(await l.locator('table', { hasText: 'Je meldingen' }).textContent()).toContain(
				'Wacht op nazicht'
			);
			// Waiting: it does not count yet.
			expect((await reached(l, 'Opvang van regenwater')).total).toBe(rainBefore.total);

			// Bart verifies it from the queue; its photo is there for staff.
			await visit(b, '/geel/beheer/klimaatpact/meldingen?status=submitted', { until: 'load' });
			await checkA11y(b, 'climate pact queue');
			const lotteRow = b.locator('tbody tr', { hasText: 'Lotte' });
			await navigate(b, lotteRow.getByRole('link', { name: /^Bekijk/ }));
			expect(await b.locator('body').textContent()).toContain('Regenton van 300 liter');
			const img = b.getByRole('img', { name: 'Een groene regenton onder de regenpijp' });
			const src = await img.getAttribute('src');
			const photoResponse = await b.request.get(src!);
			expect(photoResponse.status()).toBe(200);
			expect(photoResponse.headers()['content-type']).toBe('image/jpeg');
			await checkA11y(b, 'a citizen report');
			await navigate(b, b.getByRole('button', { name: 'Goedkeuren: telt mee' }));
			expect(await b.getByRole('status').textContent()).toContain('De melding is goedgekeurd en telt mee.');
			// A visitor cannot open the photo.
			const visitor = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
			expect((await visitor.request.get(src!, { maxRedirects: 0 })).status()).not.toBe(200);

			// The demo's waiting facade garden, verified in bulk after the confirmation page.
			await visit(b, '/geel/beheer/klimaatpact/meldingen?status=submitted', { until: 'load' });
			const boxes = b.getByRole('checkbox', { name: /^Kies de melding/ });
			expect(await boxes.count()).toBeGreaterThanOrEqual(1);
			await boxes.first().check();
			await navigate(b, b.getByRole('button', { name: 'Goedkeuren…' }));
			expect(await b.locator('h1').textContent()).toBe('Meldingen goedkeuren');
			await checkA11y(b, 'bulk verification');
			await navigate(b, b.getByRole('button', { name: 'Ja, keur ze goed' }));
			expect(await b.getByRole('status').filter({ hasText: 'goedgekeurd' }).textContent()).toContain(
				'1 melding goedgekeurd.'
			);

			// The public page: the totals against the target; Lotte sees her report counted.
			const pub = await visitor.newPage();
			await visit(pub, '/geel/klimaatpact');
			const trees = await reached(pub, 'Extra bomen');
			expect(trees.total).toBe(treesBefore.total + 120);
			expect(trees.target).toBe(40_709);
			const rain = await reached(pub, 'Opvang van regenwater');
			expect(rain.total).toBeCloseTo(rainBefore.total + 0.3, 2);
			const bar = pub.getByRole('progressbar', { name: /^Extra bomen: \d+ % van het doel$/ });
			expect(await bar.count()).toBe(1);
			await checkA11y(pub, 'public climate pact after verification');
			await visit(pub, '/klimaatpact');
			expect(await pub.locator('h1').textContent()).toBe('Klimaatpact in de regio');
			expect((await reached(pub, 'Extra bomen')).total).toBeGreaterThanOrEqual(trees.total);
			expect(await pub.getByRole('link', { name: 'Geel' }).count()).toBeGreaterThanOrEqual(1);
			await checkA11y(pub, 'regional climate pact');
			await visitor.close();
			await visit(l, '/geel/klimaatpact', { until: 'load' });
			expect(await l.locator('table', { hasText: 'Je meldingen' }).textContent()).toContain(
				'Goedgekeurd: telt mee'
			);

			// The XLSX for the yearly report, read back with SheetJS: the same figures.
			await visit(b, '/geel/beheer/klimaatpact', { until: 'load' });
			const download = b.waitForEvent('download');
			await b.getByRole('link', { name: 'Download als Excel (XLSX)' }).click();
			const file = await download;
			expect(file.suggestedFilename()).toMatch(/^klimaatpact-geel-.*\.xlsx$/);
			const workbook = XLSX.read(await readFile((await file.path())!), { type: 'buffer' });
			const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Totalen']!, { header: 1 });
			const header = rows.find((r) => r[0] === 'Wat')!;
			const treeRow = rows.find((r) => r[0] === 'Extra bomen')!;
			expect(treeRow[header.indexOf('Totaal sinds 2021')]).toBe(trees.total);
			expect(treeRow[header.indexOf('Doel 2030')]).toBe(40_709);
			const rainRow = rows.find((r) => r[0] === 'Opvang van regenwater')!;
			expect(rainRow[header.indexOf('Totaal sinds 2021')]).toBeCloseTo(rain.total, 2);
		} finally {
			await bart.context.close();
			await lotte.context.close();
		}
	});

	it('refuses a citizen and Mol’s officer the back office', async () => {
		const page = journey.page;
		await journey.logInAs(/Lotte/);
		expect((await visit(page, '/geel/beheer/klimaatpact')).status()).toBe(403);
		await checkA11y(page, 'climate pact refused to a citizen');
		expect((await visit(page, '/geel/beheer/klimaatpact/meldingen')).status()).toBe(403);
		journey.problems.splice(0);
		const mol = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
		const molPage = await mol.newPage();
		await journey.logInAs(/Tom Mertens/, molPage);
		expect((await visit(molPage, '/geel/beheer/klimaatpact')).status()).toBe(403);
		expect((await visit(molPage, '/geel/beheer/klimaatpact/klimaatpact.xlsx')).status()).toBe(403);
		await mol.close();
	});
});
