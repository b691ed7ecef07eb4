// The playbook in real Chromium, axe on every page: the regional admin (Els Van den Broeck) adds a checklist line
// to a step of Klimaatdoeners and publishes it as a new version; Geel's sustainability officer (Bart Claes) starts
// a trajectory from it (a missing name is refused beside the field, what was typed kept), ticks its first step and
// is refused dates in the wrong order; the region's overview shows Geel using it; a visitor reads the template on
// the public page and downloads the PDF and the Markdown, which carry the new version; a citizen opening the back
// office is refused. Then Geel proposes a step back, which the admin declines only after ticking the box (without
// it: the message beside the box, the proposal still open), and the admin takes the template offline, again only
// after the tick, and its public page is gone. Staff pages run without JavaScript (the app's scripts blocked), by
// keyboard.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	blockPageScriptsKeepRedirects,
	browserJourney,
	checkA11y,
	realProblems,
	visit,
	watchProblems
} from './support';

const journey = browserJourney();
const TEMPLATE = 'Klimaatdoeners: een burgergroep met een eigen budget';
const NEW_LINE = 'Oproep gedeeld met de bibliotheek en de jeugdraad';
const TRAJECTORY = 'Klimaatdoeners Geel 2027';

async function as(persona: RegExp): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
	const context = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
	await blockPageScriptsKeepRedirects(context);
	const page = await context.newPage();
	const problems = watchProblems(page);
	await journey.logInAs(persona, page);
	return { context, page, problems };
}

/** Focuses the field by its label and types, as a person with a keyboard does. */
async function typeInto(page: Page, label: string, text: string) {
	const field = page.getByLabel(label, { exact: true });
	await field.focus();
	await field.fill('');
	await page.keyboard.type(text);
}

describe('the playbook', () => {
	it('is written and published by the region, run by Geel, followed by the region and read by anyone', async () => {
		const admin = await as(/Els Van den Broeck/);
		const bart = await as(/Bart Claes/);
		try {
			// The regional admin improves a step of Klimaatdoeners and publishes the template again.
			const a = admin.page;
			await visit(a, '/beheer');
			await a.getByRole('link', { name: 'Naar het draaiboek van de regio' }).press('Enter');
			await a.waitForURL(/\/beheer\/draaiboek$/);
			await checkA11y(a, 'the region’s playbook');
			await a.getByRole('link', { name: TEMPLATE }).press('Enter');
			await a.waitForURL(/\/beheer\/draaiboek\/klimaatdoeners$/);
			await checkA11y(a, 'the Klimaatdoeners template');
			await a.getByRole('link', { name: 'Oproep naar burgers' }).press('Enter');
			await a.waitForURL(/\/stappen\/s4$/);
			await checkA11y(a, 'a step of the template');
			const checklist = a.getByLabel('Checklist', { exact: true });
			await checklist.focus();
			await a.keyboard.press('ControlOrMeta+End');
			await a.keyboard.type(`\n${NEW_LINE}`);
			await a.getByRole('button', { name: 'Bewaren' }).press('Enter');
			await a.waitForURL(/gelukt=bewaard/);
			await checkA11y(a, 'the step saved');
			// Removing the step asks for the tick: without it the step stays, the message beside the box.
			await a.getByRole('button', { name: 'Stap verwijderen' }).press('Enter');
			await a.waitForLoadState('networkidle');
			expect(await a.locator('#remove-step-error').textContent()).toBe('Vink aan dat je het zeker weet.');
			expect(await a.getByLabel('Ja, verwijder de stap “Oproep naar burgers”').isChecked()).toBe(false);
			await checkA11y(a, 'a step not removed without the tick');
			await a.getByRole('link', { name: `← ${TEMPLATE}` }).press('Enter');
			await a.waitForURL(/\/beheer\/draaiboek\/klimaatdoeners$/);
			expect(await a.locator('main').innerText()).toContain('wijzigingen sinds de laatste publicatie');
			await a.getByRole('button', { name: 'Publiceren als nieuwe versie' }).press('Enter');
			await a.waitForURL(/gelukt=gepubliceerd/);
			expect(await a.getByRole('status').first().innerText()).toContain('Gepubliceerd');
			expect(await a.locator('main').innerText()).toContain('Versie 2');
			await checkA11y(a, 'the template published');

			// Geel starts a trajectory from it.
			const b = bart.page;
			await visit(b, '/geel/beheer/draaiboek');
			await checkA11y(b, 'Geel’s trajectories');
			// The demo: Geel already runs Klimaatdoeners.
			expect(await b.locator('main').innerText()).toContain('Klimaatdoeners Geel 2026');
			await b.getByRole('link', { name: 'Een traject starten' }).press('Enter');
			await b.waitForURL(/\/geel\/beheer\/draaiboek\/nieuw$/);
			await checkA11y(b, 'starting a trajectory');
			await b.getByLabel('Traject uit het draaiboek').selectOption({ label: TEMPLATE });
			// Only spaces: the browser lets it through, the server refuses it.
			await typeInto(b, 'Naam', '   ');
			await typeInto(b, 'Beleidsthema', 'Klimaat');
			await b.getByLabel('Startdatum').fill('2027-01-04');
			await b.getByRole('button', { name: 'Traject starten' }).press('Enter');
			await b.waitForLoadState('networkidle');
			expect(await b.locator('#start-title-error').innerText()).toBe('Vul een naam in.');
			expect(await b.getByLabel('Startdatum').inputValue()).toBe('2027-01-04');
			await checkA11y(b, 'a trajectory without a name');
			bart.problems.splice(0); // the refusal answers 422 on purpose
			await typeInto(b, 'Naam', TRAJECTORY);
			await b.getByRole('button', { name: 'Traject starten' }).press('Enter');
			await b.waitForURL(/\/geel\/beheer\/draaiboek\/\d+\?gelukt=gestart$/);
			await checkA11y(b, 'the new trajectory');
			const main = await b.locator('main').innerText();
			expect(main).toContain('4 januari 2027');
			expect(main).toContain('Kickoff');

			// Ticks the first step off.
			await b
				.getByRole('button', { name: 'Afvinken — Intakegesprek en afstemming met de gemeente' })
				.press('Enter');
			await b.waitForURL(/gelukt=afgevinkt/);
			expect(await b.locator('#stap-' + (await firstStepId(b))).innerText()).toContain(
				'Afgevinkt door Bart Claes'
			);
			await checkA11y(b, 'a step ticked off');

			// Dates in the wrong order are refused beside the field.
			await b.locator('details summary').first().press('Enter');
			const fase = b.locator('form.dates').first();
			await fase.getByLabel('Begin van de fase').fill('2027-03-01');
			await fase.getByLabel('Einde van de fase').fill('2027-02-01');
			await fase.getByRole('button', { name: 'Bewaren' }).press('Enter');
			await b.waitForLoadState('networkidle');
			expect(await b.locator('main').innerText()).toContain('Het einde ligt voor het begin');
			await checkA11y(b, 'dates in the wrong order');
			bart.problems.splice(0);

			// The step page carries the region's new checklist line.
			await visit(b, (await b.getByRole('link', { name: 'Oproep naar burgers' }).getAttribute('href'))!);
			expect(await b.locator('main').innerText()).toContain(NEW_LINE);
			await checkA11y(b, 'a step of Geel’s trajectory');

			// The region sees Geel using the playbook.
			await visit(a, '/beheer/draaiboek');
			await a.getByRole('link', { name: 'Welke gemeenten gebruiken het draaiboek?' }).press('Enter');
			await a.waitForURL(/\/beheer\/draaiboek\/gebruik$/);
			await checkA11y(a, 'the region’s overview');
			const row = a.getByRole('row', { name: new RegExp(TRAJECTORY) });
			expect(await row.innerText()).toContain('Geel');
			expect(await row.innerText()).toContain('1 van 14 stappen afgevinkt');

			expect(realProblems(admin.problems)).toEqual([]);
			expect(realProblems(bart.problems)).toEqual([]);
		} finally {
			await admin.context.close();
			await bart.context.close();
		}

		// A visitor reads the template and downloads it.
		const page = journey.page;
		await visit(page, '/draaiboek');
		await checkA11y(page, 'the public playbook');
		await page.getByRole('link', { name: TEMPLATE }).click();
		await page.waitForURL(/\/draaiboek\/klimaatdoeners$/);
		await checkA11y(page, 'the public Klimaatdoeners page');
		expect(await page.locator('main').innerText()).toContain(NEW_LINE);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Als PDF (toegankelijk)' }).click()
		]);
		expect(download.suggestedFilename()).toBe('draaiboek-klimaatdoeners.pdf');
		const bytes = await readFile((await download.path())!);
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const md = await page.request.get('/draaiboek/klimaatdoeners/draaiboek.md');
		expect(md.headers()['content-type']).toContain('text/markdown');
		expect(await md.text()).toContain(`- [ ] ${NEW_LINE}`);
		expect(realProblems(journey.problems)).toEqual([]);

		// A citizen opening the back office of the playbook is refused.
		const lotte = await as(/Lotte Peeters/);
		try {
			expect((await visit(lotte.page, '/geel/beheer/draaiboek')).status()).toBe(403);
			expect((await visit(lotte.page, '/beheer/draaiboek')).status()).toBe(403);
			await checkA11y(lotte.page, 'the refusal');
		} finally {
			await lotte.context.close();
		}
		// A budget for a slow machine: 20 s in a quiet CI, 42 s on a loaded one, and the default is 60 s.
	}, 180_000);

	// Apart from the journey above, so each stays within the test's time: the two one-click changes of the
	// template's page that cannot simply be undone ask for the tick first.
	it('declines a proposal and takes a template offline only after the tick, without JavaScript', async () => {
		const admin = await as(/Els Van den Broeck/);
		const bart = await as(/Bart Claes/);
		try {
			// Geel proposes a step of its demo trajectory back to the region.
			const b = bart.page;
			await visit(b, '/geel/beheer/draaiboek');
			await b.getByRole('link', { name: 'Klimaatdoeners Geel 2026' }).press('Enter');
			await b.waitForURL(/\/geel\/beheer\/draaiboek\/\d+$/);
			await b.getByRole('link', { name: 'Oproep naar burgers' }).press('Enter');
			await b.waitForURL(/\/stappen\/\d+$/);
			await typeInto(b, 'Wat is er beter?', 'De bibliotheek deelt de oproep ook.');
			await b.getByRole('button', { name: 'Voorstellen aan de regio' }).press('Enter');
			await b.waitForURL(/gelukt=voorgesteld/);

			// The regional admin declines it: without the tick the message is beside the box and it stays open.
			const a = admin.page;
			await visit(a, '/beheer/draaiboek/klimaatdoeners#voorstellen');
			await a.getByRole('button', { name: 'Afwijzen — Geel' }).press('Enter');
			await a.locator('[id^="decline-"][id$="-error"]').waitFor();
			const declineBox = a.getByLabel(/^Ja, wijs het voorstel van Geel af/);
			const declineError = await declineBox.getAttribute('aria-describedby');
			expect(await a.locator(`#${declineError}`).innerText()).toBe('Vink aan dat je het zeker weet.');
			expect(await declineBox.getAttribute('aria-invalid')).toBe('true');
			expect(await a.locator('#voorstellen').innerText()).not.toContain('Beslist');
			await checkA11y(a, 'a proposal not declined without the tick');
			await declineBox.check();
			await a.getByRole('button', { name: 'Afwijzen — Geel' }).press('Enter');
			await a.waitForURL(/gelukt=afgewezen/);
			expect(await a.getByRole('status').first().innerText()).toContain('Het voorstel is afgewezen.');
			expect(await a.locator('#voorstellen').innerText()).toContain('afgewezen');
			await checkA11y(a, 'a proposal declined');

			// Taking the template offline: refused without the tick (still public), done with it (gone).
			await a.getByRole('button', { name: 'Offline halen' }).press('Enter');
			await a.locator('#unpublish-error').waitFor();
			expect(await a.locator('#unpublish-error').innerText()).toBe('Vink aan dat je het zeker weet.');
			await checkA11y(a, 'a template not taken offline without the tick');
			expect((await visit(journey.page, '/draaiboek/klimaatdoeners')).status()).toBe(200);
			await a.getByLabel(`Ja, haal het traject “${TEMPLATE}” offline`).check();
			await a.getByRole('button', { name: 'Offline halen' }).press('Enter');
			await a.waitForURL(/gelukt=offline/);
			expect(await a.getByRole('status').first().innerText()).toContain('offline gehaald');
			await checkA11y(a, 'the template offline');
			expect((await visit(journey.page, '/draaiboek/klimaatdoeners')).status()).toBe(404);

			expect(realProblems(admin.problems)).toEqual([]);
			expect(realProblems(bart.problems)).toEqual([]);
		} finally {
			await admin.context.close();
			await bart.context.close();
		}
	});
});

/** The id of the first step on a trajectory's page (its element is `#stap-{id}`). */
async function firstStepId(page: Page): Promise<string> {
	const id = await page.locator('li[id^="stap-"]').first().getAttribute('id');
	return id!.slice('stap-'.length);
}
