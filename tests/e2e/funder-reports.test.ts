// Funder reports in Chromium, axe on every page: Els (the regional admin) sees the demo's programmes and names
// Pieter as reviewer of the impact map; Bart (Geel's moderator), with the page's own scripts switched off, opens
// the interim report of this project year, finds its KPIs filled in from the indicators, tries to submit with a
// KPI below 25 % (refused, told why beside the field, kept as a draft), adds a motivation and an initiative to
// every KPI below the threshold and submits (locked); Pieter records the verdict; Bart sees it and downloads the
// XLSX and PDF, whose figures match Geel's impact dashboard; Tom (Mol's moderator) gets nothing of it. Els then
// defines a programme from scratch with an action, a minimum expectation and an extra section (removed meanwhile in
// a second tab, so the first tab's removal of it is refused with a word why), and Bart's report form asks them.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readPdf } from '../../src/lib/server/testing/pdf-inspect';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/lib/server/testing/smtp';
import { blockPageScriptsKeepRedirects, browserJourney, checkA11y, visit } from './support';

// The review request goes by mail to a real SMTP catcher, started before the server.
let smtp: SmtpCatcher;
beforeAll(async () => {
	smtp = await startSmtpCatcher();
});
afterAll(async () => {
	await smtp?.close();
});
const journey = browserJourney({ env: () => ({ SMTP_URL: smtp.url }) });

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

async function person(persona: RegExp): Promise<{ context: BrowserContext; page: Page }> {
	const context = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
	const page = await context.newPage();
	await journey.logInAs(persona, page);
	return { context, page };
}

async function navigate(page: Page, target: Locator) {
	await Promise.all([
		page.waitForEvent('framenavigated', { timeout: 40_000 }),
		target.click({ timeout: 20_000 })
	]);
	await page.waitForLoadState('load');
}

/** An nl-BE number ("1.234", "12,5") as a number. */
const figure = (text: string) => {
	const m = /-?[\d.]+(,\d+)?/.exec(text);
	return m ? Number(m[0].replace(/\./g, '').replace(',', '.')) : NaN;
};

const PROGRAMME = 'Impactmap klimaatparticipatie Kempen';
const USERS_ACTION = 'Gebruikers van het digitaal participatieplatform';
const year = new Date().getUTCFullYear();

describe('funder reports', () => {
	it('runs from the programme to the verdict and the files, without JavaScript, and keeps other municipalities out', async () => {
		// Pieter logs in once so his account exists; Els names him reviewer.
		const pieter = await person(/Pieter De Smedt/);
		const els = await person(/Els Van den Broeck/);
		expect((await visit(els.page, '/beheer/rapportering')).status()).toBe(200);
		await checkA11y(els.page, 'funder reports: region');
		expect(await els.page.getByRole('heading', { name: PROGRAMME }).isVisible()).toBe(true);
		expect(
			await els.page.getByRole('heading', { name: 'Plan Samenleven: tussentijdse rapportage' }).isVisible()
		).toBe(true);
		const section = els.page.locator('section', {
			has: els.page.getByRole('heading', { name: PROGRAMME, exact: true })
		});
		// A target of zero is refused beside the field.
		await section.getByLabel('Actie', { exact: true }).selectOption({ label: USERS_ACTION });
		await section.getByLabel('Doel', { exact: true }).fill('0');
		await section.getByRole('button', { name: 'Doel wijzigen' }).click();
		await els.page.waitForLoadState('networkidle');
		expect(await section.getByText('Een doel moet groter zijn dan nul.').isVisible()).toBe(true);
		journey.forgetRefusals();
		await checkA11y(els.page, 'funder reports: target refused');
		await section.getByLabel('E-mailadres van de beoordelaar').fill('pieter.desmedt@example.be');
		await section.getByRole('button', { name: 'Beoordelaar toevoegen' }).click();
		await els.page.waitForURL(/gelukt=reviewer/);
		expect(await section.getByText('pieter.desmedt@example.be').isVisible()).toBe(true);
		// An address without an account is invited: a Dutch mail through the mail queue, listed as invited.
		await section.getByLabel('E-mailadres van de beoordelaar').fill('nieuwe.beoordelaar@abb.example.be');
		await section.getByRole('button', { name: 'Beoordelaar toevoegen' }).click();
		await els.page.waitForURL(/gelukt=invited/);
		expect(await section.getByText('nieuwe.beoordelaar@abb.example.be').isVisible()).toBe(true);
		await checkA11y(els.page, 'funder reports: reviewer invited');
		const invitation = await smtp.waitFor(
			(m) =>
				m.to.includes('nieuwe.beoordelaar@abb.example.be') &&
				m.decoded.includes('Uitnodiging: beoordelaar van'),
			60_000
		);
		expect(invitation.decoded).toContain('/aanmelden?terug=%2Fbeheer%2Frapportering');

		// Bart, without JavaScript, opens this year's report.
		const bart = await personWithoutJavaScript(/Bart Claes/);
		const b = bart.page;
		expect((await visit(b, '/geel/beheer/rapportering', { until: 'load' })).status()).toBe(200);
		await checkA11y(b, 'funder reports: municipality');
		const programme = b.locator('section', { has: b.getByRole('heading', { name: PROGRAMME, exact: true }) });
		await programme
			.getByLabel('Tussentijds rapport openen voor')
			.selectOption({ label: `Projectjaar 2 (${year})` });
		await navigate(b, programme.getByRole('button', { name: 'Rapport openen' }));
		expect(b.url()).toMatch(/\/geel\/beheer\/rapportering\/\d+$/);
		const reportPath = new URL(b.url()).pathname;
		await checkA11y(b, 'funder reports: report draft');
		const usersSection = b.locator('section.action', { has: b.getByRole('heading', { name: USERS_ACTION }) });
		const reachedOnPage = figure((await usersSection.locator('[data-figure="reached"]').textContent()) ?? '');
		const targetOnPage = figure((await usersSection.locator('[data-figure="target"]').textContent()) ?? '');
		expect(targetOnPage).toBe(100);

		// Make sure one KPI is below 25 %: registered users, reached entered as 10 of 100, with its reason.
		await usersSection.getByLabel(/Andere behaalde waarde/).fill('10');
		await usersSection
			.getByLabel('Reden van de andere waarde')
			.fill('Telling van de gebruikers die hun gemeente kozen.');
		await navigate(b, b.getByRole('button', { name: 'Indienen' }));
		expect(await b.getByText('Het rapport is als klad bewaard maar nog niet ingediend').isVisible()).toBe(
			true
		);
		expect(await usersSection.getByText('Deze KPI haalt de drempel niet: leg uit waarom.').isVisible()).toBe(
			true
		);
		expect(await usersSection.getByLabel(/Andere behaalde waarde/).inputValue()).toBe('10');
		await checkA11y(b, 'funder reports: submit refused');

		// A motivation and an initiative for every KPI below the threshold.
		const belows = b.locator('section.action', { has: b.locator('.below') });
		const count = await belows.count();
		expect(count).toBeGreaterThanOrEqual(1);
		for (let i = 0; i < count; i++) {
			const s = belows.nth(i);
			await s.getByLabel(/^Waarom werd 25 % niet behaald/).fill('Het platform startte pas in het voorjaar.');
			await s
				.getByRole('group', { name: 'Nieuw initiatief (vul in om toe te voegen)' })
				.getByLabel('Beschrijving')
				.fill('Campagne in het infoblad');
			await s
				.getByRole('group', { name: 'Nieuw initiatief (vul in om toe te voegen)' })
				.getByLabel(/^Timing/)
				.fill('juni');
			await s
				.getByRole('group', { name: 'Nieuw initiatief (vul in om toe te voegen)' })
				.getByLabel(/^Verwachte bijdrage/)
				.fill('40');
		}
		await navigate(b, b.getByRole('button', { name: 'Indienen' }));
		expect(b.url()).toContain('gelukt=submitted');
		expect(await b.getByText('Het rapport is ingediend en vergrendeld.').isVisible()).toBe(true);
		expect(await b.getByRole('button', { name: 'Indienen' }).count()).toBe(0);
		await checkA11y(b, 'funder reports: submitted');

		// Submitting asked the programme's named reviewer, Pieter, and no one else, by mail, with the report's link.
		const request = await smtp.waitFor(
			(m) => m.to.includes('pieter.desmedt@example.be') && m.decoded.includes('Rapport ter beoordeling'),
			60_000
		);
		const reportId = /\/(\d+)$/.exec(reportPath)![1];
		expect(request.decoded).toContain(`/beheer/rapportering/${reportId}`);
		expect(
			smtp.messages
				.filter((m) => m.decoded.includes('Rapport ter beoordeling'))
				.flatMap((m) => m.to)
				.filter((to) => to !== 'pieter.desmedt@example.be')
		).toEqual([]);

		// Pieter judges it.
		expect((await visit(pieter.page, '/beheer/rapportering')).status()).toBe(200);
		await checkA11y(pieter.page, 'funder reports: reviewer');
		await pieter.page
			.getByRole('link', { name: `Projectjaar 2 (${year})` })
			.first()
			.click();
		await pieter.page.waitForURL(new RegExp(`/beheer/rapportering/${reportId}$`));
		await pieter.page.waitForLoadState('networkidle');
		await checkA11y(pieter.page, 'funder reports: report to judge');
		const groups = pieter.page.locator('form[action="?/judge"] > fieldset');
		for (let i = 0; i < (await groups.count()); i++) {
			const g = groups.nth(i);
			await g
				.getByRole('group', { name: /voldoende concrete initiatieven/ })
				.getByLabel('ja')
				.check();
			await g
				.getByRole('group', { name: /volgende projectjaar verlengen/ })
				.getByLabel('ja')
				.check();
		}
		await groups.first().getByLabel('Conclusie').fill('Voldoende concreet; opvolgen in het najaar.');
		await pieter.page.getByRole('button', { name: 'Beoordeling bewaren' }).click();
		await pieter.page.waitForURL(/gelukt=judged/);

		// Bart sees the verdict and downloads the files; their figures match the impact dashboard.
		await visit(b, reportPath, { until: 'load' });
		expect(await b.getByText('Voldoende concreet; opvolgen in het najaar.').isVisible()).toBe(true);
		expect(await b.getByText('Status: beoordeeld').isVisible()).toBe(true);
		await checkA11y(b, 'funder reports: judged');
		await visit(b, '/geel/beheer/impact', { until: 'load' });
		const dashboardRow = b
			.locator('table')
			.first()
			.locator('tr', { has: b.getByRole('rowheader', { name: 'Geregistreerde gebruikers' }) });
		const dashboardUsers = figure((await dashboardRow.locator('td').nth(2).textContent()) ?? '');
		const xlsx = await b.request.get(`${reportPath}/rapport.xlsx`);
		expect(xlsx.status()).toBe(200);
		const workbook = XLSX.read(await xlsx.body(), { type: 'buffer' });
		const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['KPI’s']!, { header: 1 });
		const usersRow = rows.find((r) => r[0] === USERS_ACTION)!;
		expect(usersRow.slice(2, 5)).toEqual([100, 10, dashboardUsers]);
		expect(usersRow[12]).toBe('ja');
		expect(reachedOnPage).toBe(dashboardUsers);
		const pdfResponse = await b.request.get(`${reportPath}/rapport.pdf`);
		expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
		const pdf = await readPdf(new Uint8Array(await pdfResponse.body()));
		expect(pdf.tagged).toBe(true);
		expect(pdf.info.lang).toBe('nl-BE');
		const text = pdf.pages.map((p) => p.text).join(' ');
		expect(text).toContain('Te behalen: 100. Behaald: 10 (10 %).');
		expect(text).toContain(`Berekend door het platform: ${dashboardUsers.toLocaleString('nl-BE')}.`);

		// Tom, Mol's moderator, gets nothing of Geel's report.
		const tom = await person(/Tom Mertens/);
		const id = reportPath.split('/').pop();
		for (const path of [reportPath, `/mol/beheer/rapportering/${id}`, `/beheer/rapportering/${id}`]) {
			const response = await visit(tom.page, path);
			expect([403, 404], path).toContain(response.status());
			expect(await tom.page.content()).not.toContain('Het platform startte pas in het voorjaar.');
		}
		for (const file of ['xlsx', 'pdf'])
			expect([403, 404]).toContain((await tom.page.request.get(`${reportPath}/rapport.${file}`)).status());
		journey.forgetRefusals();

		// A programme from scratch: Els defines it with one action entered by hand (a target of zero refused beside
		// its field first), and Bart opens Geel's report for it.
		expect((await visit(els.page, '/beheer/rapportering', { until: 'load' })).status()).toBe(200);
		const create = els.page.locator('section', {
			has: els.page.getByRole('heading', { name: 'Nieuw programma', exact: true })
		});
		await create.getByLabel('Naam', { exact: true }).fill('Buurtwerking Kempen');
		await create.getByLabel('Financier', { exact: true }).fill('Provincie Antwerpen');
		await create.getByLabel('Drempel (procent van het doel)').fill('30');
		await create.getByLabel('Wie dient het rapport in?').selectOption('municipality');
		const first = create.getByRole('group', { name: 'Projectjaar 1' });
		await first.getByLabel('Naam van het projectjaar').fill(`Werkjaar ${year}`);
		await first.getByLabel('Van (JJJJ-MM-DD)').fill(`${year}-01-01`);
		await first.getByLabel('Tot en met (JJJJ-MM-DD)').fill(`${year}-12-31`);
		await navigate(els.page, create.getByRole('button', { name: 'Programma aanmaken' }));
		expect(els.page.url()).toContain('gelukt=created');
		const fresh = els.page.locator('section', {
			has: els.page.getByRole('heading', { name: 'Buurtwerking Kempen', exact: true })
		});
		await fresh.getByLabel('Naam van de actie').fill('Buurtfeesten');
		await fresh.getByLabel('Het KPI', { exact: true }).selectOption('manual');
		await fresh.getByLabel(/^Naam van het KPI/).fill('Georganiseerde buurtfeesten');
		await fresh.getByLabel('Doel (groter dan nul)').fill('0');
		await navigate(els.page, fresh.getByRole('button', { name: 'Actie toevoegen' }));
		expect(await fresh.getByText('Een doel moet groter zijn dan nul.').isVisible()).toBe(true);
		expect(await fresh.getByLabel('Naam van de actie').inputValue()).toBe('Buurtfeesten');
		journey.forgetRefusals();
		await checkA11y(els.page, 'funder reports: action refused');
		await fresh.getByLabel('Doel (groter dan nul)').fill('6');
		await navigate(els.page, fresh.getByRole('button', { name: 'Actie toevoegen' }));
		expect(els.page.url()).toContain('gelukt=saved');
		expect(await fresh.getByRole('rowheader', { name: 'Buurtfeesten' }).isVisible()).toBe(true);
		await checkA11y(els.page, 'funder reports: programme from scratch');

		// Els adds a minimum expectation (at least 4 of 3 refused beside its field, what she typed kept) and seed
		// 003's extra section of the mentor government (a count and a text within 250 characters).
		const addExpectation = fresh.locator('form[action="?/expectation"]').last();
		await addExpectation.getByLabel('Omschrijving van de verwachting').fill('Minstens twee buurtacties');
		await addExpectation.getByLabel('Soort').selectOption('atLeast');
		await addExpectation.getByLabel(/^Minstens hoeveel onderdelen/).fill('4');
		await addExpectation
			.getByLabel('Onderdelen, één per regel')
			.fill('Straatfeest\nBuurtontbijt\nOpruimactie');
		await addExpectation.getByLabel(/^Maximaal aantal tekens per antwoord/).fill('300');
		await navigate(els.page, addExpectation.getByRole('button', { name: 'Verwachting toevoegen' }));
		const refusedExpectation = fresh.locator('form[action="?/expectation"]').last();
		expect(
			await refusedExpectation
				.getByText('Vul een geheel getal in van 1 tot het aantal onderdelen.')
				.isVisible()
		).toBe(true);
		expect(await refusedExpectation.getByLabel('Onderdelen, één per regel').inputValue()).toBe(
			'Straatfeest\nBuurtontbijt\nOpruimactie'
		);
		expect(await refusedExpectation.getByLabel(/^Maximaal aantal tekens per antwoord/).inputValue()).toBe(
			'300'
		);
		journey.forgetRefusals();
		await checkA11y(els.page, 'funder reports: expectation refused');
		await refusedExpectation.getByLabel(/^Minstens hoeveel onderdelen/).fill('2');
		await navigate(els.page, refusedExpectation.getByRole('button', { name: 'Verwachting toevoegen' }));
		expect(els.page.url()).toContain('gelukt=saved');
		expect(
			await fresh.getByRole('heading', { name: 'Buurtfeesten: Minstens twee buurtacties' }).isVisible()
		).toBe(true);
		const MENTOR = 'Financiële stimulans mentorbestuur';
		const addMentorSection = async () => {
			const addSection = fresh.locator('form[action="?/section"]').last();
			await addSection.getByLabel('Titel van het onderdeel').fill(MENTOR);
			const q1 = addSection.getByRole('group', { name: 'Vraag 1' });
			await q1
				.getByLabel('Vraag', { exact: true })
				.fill('Hoeveel lerende netwerken werden er georganiseerd?');
			await q1.getByLabel('Antwoord').selectOption('count');
			const q2 = addSection.getByRole('group', { name: 'Vraag 2' });
			await q2.getByLabel('Vraag', { exact: true }).fill('Hoe werd de rol als mentorbestuur ervaren?');
			await q2.getByLabel(/^Maximaal aantal tekens/).fill('250');
			await navigate(els.page, addSection.getByRole('button', { name: 'Onderdeel toevoegen' }));
			expect(els.page.url()).toContain('gelukt=saved');
			expect(await fresh.getByRole('heading', { name: MENTOR }).isVisible()).toBe(true);
		};
		await addMentorSection();
		await checkA11y(els.page, 'funder reports: expectation and section added');

		// Els has the page open in a second tab as well and removes the section there. Her removal from the first
		// tab, made on the page as it was, is refused and the page says why at the top (the section's form is
		// gone with it); she adds the section again.
		const tab = await els.context.newPage();
		await visit(tab, '/beheer/rapportering', { until: 'load' });
		const freshInTab = tab.locator('section', {
			has: tab.getByRole('heading', { name: 'Buurtwerking Kempen', exact: true })
		});
		await freshInTab.getByLabel(`Ja, verwijder het onderdeel “${MENTOR}”`).check();
		await navigate(tab, freshInTab.locator('form[action="?/removeSection"]').getByRole('button'));
		expect(tab.url()).toContain('gelukt=saved');
		await tab.close();
		await fresh.getByLabel(`Ja, verwijder het onderdeel “${MENTOR}”`).check();
		await navigate(els.page, fresh.locator('form[action="?/removeSection"]').getByRole('button'));
		expect(
			await els.page
				.getByText(/^Wat u wilde wijzigen of verwijderen, bestaat niet meer: iemand anders/)
				.isVisible()
		).toBe(true);
		expect(await fresh.getByRole('heading', { name: MENTOR }).count()).toBe(0);
		journey.forgetRefusals();
		await checkA11y(els.page, 'funder reports: section removed meanwhile');
		await addMentorSection();

		await visit(b, '/geel/beheer/rapportering', { until: 'load' });
		const own = b.locator('section', {
			has: b.getByRole('heading', { name: 'Buurtwerking Kempen', exact: true })
		});
		await own.getByLabel('Tussentijds rapport openen voor').selectOption({ label: `Werkjaar ${year}` });
		await navigate(b, own.getByRole('button', { name: 'Rapport openen' }));
		expect(b.url()).toMatch(/\/geel\/beheer\/rapportering\/\d+$/);
		expect(await b.getByRole('heading', { name: 'Buurtfeesten' }).isVisible()).toBe(true);
		expect(figure((await b.locator('[data-figure="target"]').first().textContent()) ?? '')).toBe(6);
		// The report form asks the minimum expectation (ja/nee, why, per item within 300 characters) and the section.
		const expectationGroup = b.getByRole('group', { name: /Minstens twee buurtacties/ });
		expect(await expectationGroup.getByLabel(/Straatfeest/).isVisible()).toBe(true);
		expect(await expectationGroup.getByRole('radio').count()).toBe(2);
		expect(await b.getByRole('heading', { name: 'Financiële stimulans mentorbestuur' }).isVisible()).toBe(
			true
		);
		expect(await b.getByLabel(/^Hoeveel lerende netwerken werden er georganiseerd\?/).isVisible()).toBe(true);
		expect(await b.getByLabel(/^Hoe werd de rol als mentorbestuur ervaren\?/).isVisible()).toBe(true);
		await checkA11y(b, 'funder reports: report of the new programme');

		for (const c of [pieter, els, bart, tom]) await c.context.close();
		expect(journey.problems).toEqual([]);
	}, 480_000);
});
