// The climate plan's internal work in Chromium, with axe on every page: Geel's sustainability officer (Bart Claes)
// sees how many departments take part, puts Sofie in a department after the confirmation page, sets up a climate
// team, records a lunch talk with the green service whose agreement becomes a plan action (pre-filled, linked back
// to the meeting, then in the plan's table, and refused a second time) and whose other agreement becomes a task for
// Hilde, answers the diagnosis and opens a second round. Hilde sees her open task and marks it done with the
// keyboard. Without JavaScript, Bart records a climate team's meeting and removes it after its confirmation page.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserJourney, checkA11y, visit } from './support';

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

const PLAN = '/geel/beheer/klimaatplan';

describe('the climate plan’s departments, teams, meetings and diagnosis', () => {
	it('departments → team → lunch talk → plan action and task → diagnosis', async () => {
		await journey.logInAs(/Bart Claes/);

		// The board shows the figure and how it is counted.
		await visit(page, PLAN);
		expect(await page.getByText(/van de \d+ diensten nemen deel aan het klimaatplan/).isVisible()).toBe(true);
		await page.getByText('Hoe tellen we?').click();
		expect(await page.getByText(/Een dienst neemt deel als ze minstens één actie/).isVisible()).toBe(true);
		await checkA11y(page, 'climate plan: table with the participation figure');

		// Departments: Sofie to the communication department, after the confirmation page.
		await page.getByRole('link', { name: 'Diensten en medewerkers' }).click();
		await settle(page, /\/klimaatplan\/diensten$/);
		await checkA11y(page, 'climate plan: departments and staff');
		await page.getByLabel('Kies Sofie Wouters').check();
		await page.getByLabel('Wijziging').selectOption({ label: 'Naar dienst: Communicatiedienst' });
		await page.getByRole('button', { name: 'Verder…' }).click();
		await settle(page, /\/diensten\/bevestigen\?/);
		expect(await page.getByText('Ze horen voortaan bij Communicatiedienst.').isVisible()).toBe(true);
		await checkA11y(page, 'climate plan: department confirmation');
		await page.getByRole('button', { name: 'Ja, wijzig hun dienst' }).click();
		await settle(page, /gelukt=dienst/);
		expect(await page.getByText('De dienst van 1 medewerker is gewijzigd.').isVisible()).toBe(true);
		await page.getByLabel('Zoek op naam, e-mailadres of dienst').fill('Wouters');
		await page.getByRole('button', { name: 'Toon', exact: true }).click();
		await settle(page, /zoek=Wouters/);
		const rows = page.locator('table tbody tr');
		expect(await rows.count()).toBe(1);
		expect(await rows.first().textContent()).toContain('Communicatiedienst');

		// A climate team for mobility, led by Bart, with Sofie.
		await visit(page, `${PLAN}/teams`);
		await checkA11y(page, 'climate plan: teams');
		await page.getByLabel('Naam van het team').fill('Klimaatteam mobiliteit');
		await page.getByLabel('Thema', { exact: true }).selectOption({ label: 'Mobiliteit' });
		await page.getByLabel('Trekker (optioneel)').selectOption({ label: 'Bart Claes' });
		await page.getByRole('button', { name: 'Team oprichten' }).click();
		await settle(page, /\/teams\/\d+\?gelukt=opgericht/);
		expect(await page.getByText('Het klimaatteam is opgericht.').isVisible()).toBe(true);
		await page.getByRole('checkbox', { name: 'Sofie Wouters' }).check();
		await page.getByRole('button', { name: 'Voeg toe als lid' }).click();
		await settle(page, /gelukt=leden/);
		expect(await page.getByText('1 lid toegevoegd.').isVisible()).toBe(true);
		await checkA11y(page, 'climate plan: a team');

		// A lunch talk with the green service.
		await visit(page, `${PLAN}/overleg`);
		await checkA11y(page, 'climate plan: meetings');
		await page.getByRole('link', { name: 'Overleg noteren' }).click();
		await settle(page, /\/overleg\/nieuw$/);
		await checkA11y(page, 'climate plan: choosing the kind of meeting');
		await page.getByRole('link', { name: 'Lunchgesprek' }).click();
		await settle(page, /soort=lunchgesprek/);
		await checkA11y(page, 'climate plan: a new lunch talk');
		await page.getByLabel('Datum', { exact: true }).fill('2026-03-12');
		await page.getByLabel('Dienst van het lunchgesprek').selectOption({ label: 'Groendienst' });
		await page.getByRole('checkbox', { name: 'Bart Claes' }).check();
		await page.getByRole('checkbox', { name: 'Hilde Verachtert' }).check();
		await page.getByLabel('Verslag (optioneel)').fill('Op zoek naar win-win rond bermen en fietsen.');
		// By keyboard: the button has the focus and Enter sends the form.
		await page.getByRole('button', { name: 'Overleg bewaren' }).focus();
		await page.keyboard.press('Enter');
		await settle(page, /\/overleg\/\d+\?gelukt=genoteerd/);
		const meetingUrl = page.url().split('?')[0]!;
		expect(await page.getByRole('heading', { name: 'Lunchgesprek met Groendienst' }).isVisible()).toBe(true);

		await page.getByLabel('Wat is er afgesproken?').fill('Fietsenstallingen aan de groene speelplaatsen');
		await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
		await settle(page, /gelukt=afspraak/);
		await page.getByLabel('Wat is er afgesproken?').fill('Lijst van bermen doorsturen');
		await page.getByRole('button', { name: 'Afspraak toevoegen' }).click();
		await settle(page, /gelukt=afspraak/);
		await checkA11y(page, 'climate plan: a meeting with agreements');

		// The first agreement becomes a plan action, pre-filled from it.
		await page.getByRole('link', { name: 'Maak er een actie van het plan van' }).first().click();
		await settle(page, /\/afspraak\/\d+\/planactie$/);
		const actionFormUrl = page.url();
		expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(
			'Fietsenstallingen aan de groene speelplaatsen'
		);
		expect(await page.getByLabel('Trekkende dienst').locator('option:checked').textContent()).toBe(
			'Groendienst'
		);
		await checkA11y(page, 'climate plan: a plan action from an agreement');
		await page.getByRole('button', { name: 'Actie in het plan zetten' }).click();
		await settle(page, /\/klimaatplan\/\d+\?gelukt=aangemaakt/);
		expect(await page.getByText('De actie staat in het plan.').isVisible()).toBe(true);
		const origin = page.getByRole('link', {
			name: /Ontstaan uit een afspraak van het overleg: Lunchgesprek/
		});
		expect(await origin.isVisible()).toBe(true);
		await checkA11y(page, 'climate plan: the plan action with its origin');

		// It is in the plan's table.
		await visit(page, `${PLAN}?zoek=Fietsenstallingen`);
		expect(
			await page.getByRole('link', { name: 'Fietsenstallingen aan de groene speelplaatsen' }).count()
		).toBe(1);

		// Once only: the form of that agreement is refused now.
		expect((await visit(page, actionFormUrl)).status()).toBe(409);
		expect(await page.getByText('Van deze afspraak is al een actie of een taak gemaakt.').isVisible()).toBe(
			true
		);
		journey.problems.splice(0);

		// The second agreement becomes a task for Hilde.
		await visit(page, meetingUrl);
		expect(await page.getByText('Werd de actie van het plan').isVisible()).toBe(true);
		expect(await page.getByRole('link', { name: 'Maak er een actie van het plan van' }).count()).toBe(1);
		await page.getByLabel('Eigenaar', { exact: true }).selectOption({ label: 'Hilde Verachtert' });
		await page.getByLabel('Tegen').first().fill('2027-04-30');
		await page.getByRole('button', { name: 'Taak maken' }).click();
		await settle(page, /gelukt=taak/);
		expect(await page.getByText('De afspraak is een taak geworden.').isVisible()).toBe(true);
		expect(await page.getByText(/Werd een taak voor Hilde Verachtert/).isVisible()).toBe(true);

		await visit(page, `${PLAN}/taken`);
		await checkA11y(page, 'climate plan: tasks');
		expect(await page.getByRole('cell', { name: 'Hilde Verachtert' }).count()).toBeGreaterThan(0);

		// The diagnosis: Bart answers for the sustainability service in the demo's round, then opens a second one.
		await visit(page, `${PLAN}/diagnose`);
		await checkA11y(page, 'climate plan: diagnosis');
		await page.getByRole('link', { name: 'Vragenlijst invullen voor Nulmeting' }).click();
		await settle(page, /\/diagnose\/\d+$/);
		await checkA11y(page, 'climate plan: the questionnaire');
		await page.getByLabel('Voor de dienst').selectOption({ label: 'Duurzaamheidsdienst' });
		for (const [statement, score] of [
			['Onze dienst weet welke acties van het klimaatplan ze trekt of mee uitvoert.', '5'],
			['Bij klimaatacties werken we vlot samen met andere diensten.', '3'],
			['We hebben een vast aanspreekpunt en overleg met de duurzaamheidsdienst.', '4'],
			['Klimaat zit in onze eigen planning en ons budget.', '4'],
			['Het bestuur steunt ons zichtbaar bij klimaatacties.', '2']
		] as const)
			await page.getByRole('group', { name: statement }).getByLabel(score, { exact: true }).check();
		await page.getByLabel('Wat zou de samenwerking verbeteren? (optioneel)').fill('Klimaat op elke agenda.');
		await page.getByRole('button', { name: 'Antwoorden bewaren' }).click();
		await settle(page, /gelukt=beantwoord/);
		expect(await page.getByText('De antwoorden zijn bewaard.').isVisible()).toBe(true);
		expect(await page.getByText('2 diensten antwoordden').isVisible()).toBe(true);
		await page.getByLabel('Naam van de ronde').fill('Najaar 2027');
		await page.getByRole('button', { name: 'Ronde openen' }).click();
		await settle(page, /gelukt=ronde/);
		const header = page.locator('#results-caption').locator('xpath=..').locator('thead th');
		expect(await header.allTextContents()).toEqual(['Stelling', 'Nulmeting', 'Najaar 2027']);
		await checkA11y(page, 'climate plan: diagnosis with two rounds');

		expect(problems).toEqual([]);
	}, 300_000);

	it('lets Hilde see her open task and mark it done with the keyboard', async () => {
		await journey.logInAs(/Hilde Verachtert/);
		await visit(page, `${PLAN}/taken`);
		const mine = page.locator('table').first();
		expect(await mine.textContent()).toContain('Lijst van bermen doorsturen');
		await checkA11y(page, 'climate plan: a colleague’s tasks');
		await page.getByRole('button', { name: '“Lijst van bermen doorsturen” is klaar' }).first().focus();
		await page.keyboard.press('Enter');
		await settle(page, /gelukt=taak/);
		expect(await page.getByText('Je hebt geen open taken.').isVisible()).toBe(true);
		// She reads the meetings but records none.
		await visit(page, `${PLAN}/overleg`);
		expect(await page.getByRole('link', { name: 'Overleg noteren' }).count()).toBe(0);
		expect((await visit(page, `${PLAN}/overleg/nieuw`)).status()).toBe(403);
		journey.problems.splice(0);
	}, 120_000);

	it('records and removes a climate team’s meeting without JavaScript', async () => {
		const noJs = await journey.browser.newContext({
			baseURL: journey.server.url,
			locale: 'nl-BE',
			javaScriptEnabled: false
		});
		const p = await noJs.newPage();
		await journey.logInAs(/Bart Claes/, p);
		await visit(p, `${PLAN}/overleg/nieuw?soort=klimaatteam`);
		await p.getByLabel('Datum', { exact: true }).fill('2026-04-02');
		await p.getByLabel('Klimaatteam', { exact: true }).selectOption({ label: 'Klimaatteam gebouwen' });
		await p.getByRole('checkbox', { name: 'Hilde Verachtert' }).check();
		await p.getByRole('button', { name: 'Overleg bewaren' }).click();
		await settle(p, /\/overleg\/\d+\?gelukt=genoteerd/);
		expect(
			await p
				.getByRole('heading', { name: 'Overleg van een klimaatteam van Klimaatteam gebouwen' })
				.isVisible()
		).toBe(true);
		await p.getByRole('link', { name: 'Overleg verwijderen…' }).click();
		await settle(p, /\/verwijderen$/);
		await p.getByRole('button', { name: 'Ja, verwijder het overleg' }).click();
		await settle(p, /\/overleg\?gelukt=verwijderd/);
		expect(await p.getByText('Het overleg is verwijderd.').isVisible()).toBe(true);
		await noJs.close();
	}, 120_000);

	it('refuses a citizen and Mol’s officer the pages', async () => {
		await journey.logInAs(/Lotte/);
		for (const path of ['diensten', 'teams', 'overleg', 'taken', 'diagnose'])
			expect((await visit(page, `${PLAN}/${path}`)).status()).toBe(403);
		await checkA11y(page, 'climate plan teams refused to a citizen');
		journey.problems.splice(0);
		const mol = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
		const molPage = await mol.newPage();
		await journey.logInAs(/Tom Mertens/, molPage);
		for (const path of ['diensten', 'teams', 'overleg', 'taken', 'diagnose'])
			expect((await visit(molPage, `${PLAN}/${path}`)).status()).toBe(403);
		await mol.close();
	}, 120_000);
});
