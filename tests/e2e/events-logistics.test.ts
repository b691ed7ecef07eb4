// An event's logistics in real Chromium on a phone without JavaScript, on the demo with a real SMTP server:
// Geel's moderator opens the plant day's checklist from the event's back-office page, an empty item is refused
// beside its field, items are added, changed, ticked and removed after a confirmation, and the briefing reaches
// the colleague named on the list. Then a colleague of another department, end to end without JavaScript: Geel's
// admin gives Lotte the colleague's role for the green service (a missing department refused beside the field,
// the audit log says so), she follows the unpaving action from "Volg als collega" with the keyboard and is refused
// the moderation queue, Geel's civil servant publishes an update, and her mail arrives at the SMTP server with the
// link to stop following. Axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	blockPageScriptsKeepRedirects,
	browserJourney,
	checkA11y,
	realProblems,
	shown,
	visit
} from './support';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/lib/server/testing/smtp';

const DAY = 'Plantdag: samen tegels eruit en planten erin';

describe('an event’s logistics', () => {
	let smtp: SmtpCatcher;
	beforeAll(async () => {
		smtp = await startSmtpCatcher();
	});
	afterAll(async () => {
		await smtp?.close();
	});
	const journey = browserJourney({ env: () => ({ SMTP_URL: smtp.url }) });

	it('keeps a checklist and briefs the colleague on it, without JavaScript', async () => {
		const { page, context, problems } = journey;
		await page.setViewportSize({ width: 320, height: 640 });
		await journey.logInAs(/Bart Claes/);
		await blockPageScriptsKeepRedirects(context);
		await visit(page, '/geel/activiteiten?soort=actionDay', { until: 'load' });
		const href = await page.getByRole('link', { name: DAY }).getAttribute('href');
		const id = /activiteiten\/(\d+)-/.exec(href!)![1];
		await visit(page, `/geel/beheer/activiteiten/${id}`, { until: 'load' });
		await page.getByRole('link', { name: 'Logistiek en briefing' }).click();
		await shown(page, 'h1');
		expect(new URL(page.url()).pathname).toBe(`/geel/beheer/activiteiten/${id}/logistiek`);
		await checkA11y(page, 'logistiek');

		// An empty item: refused beside the field, the other fields kept.
		await page.getByLabel('Verantwoordelijke dienst (niet verplicht)').fill('Groendienst');
		await page.getByRole('button', { name: 'Taak toevoegen' }).click();
		await shown(page, '#add-text-error');
		expect(await page.locator('#add-text-error').textContent()).toContain('Vul in wat er moet gebeuren.');
		expect(await page.getByLabel('Verantwoordelijke dienst (niet verplicht)').inputValue()).toBe(
			'Groendienst'
		);
		await checkA11y(page, 'logistiek (refused)');
		journey.forgetRefusals();

		await page.getByLabel('Wat moet er gebeuren?').fill('Container voor opgebroken tegels');
		await page.getByLabel('E-mailadres van de collega (niet verplicht)').fill('groendienst@geel.be');
		await page.getByRole('button', { name: 'Taak toevoegen' }).click();
		await shown(page, 'text=De taak staat op de checklist.');
		await page.getByLabel('Wat moet er gebeuren?').fill('Koffie voor de vrijwilligers');
		await page.getByRole('button', { name: 'Taak toevoegen' }).click();
		await shown(page, 'text=De taak staat op de checklist.');

		// Tick, change, remove.
		await page.getByRole('button', { name: 'Afvinken — Container voor opgebroken tegels' }).click();
		await shown(page, 'text=De taak is bijgewerkt.');
		expect(await page.locator('.checklist').textContent()).toContain(
			'Klaar: Container voor opgebroken tegels'
		);
		await page.getByRole('link', { name: 'Wijzigen — Koffie voor de vrijwilligers' }).click();
		await shown(page, 'h3:text("Taak wijzigen")');
		await checkA11y(page, 'logistiek (change)');
		await page.locator('.checklist').getByLabel('Wat moet er gebeuren?').fill('Koffie en water');
		await page.getByRole('button', { name: 'Taak bewaren' }).click();
		await shown(page, 'text=De taak is gewijzigd.');
		await page.getByRole('link', { name: 'Verwijderen… — Koffie en water' }).click();
		await shown(page, 'h1:text("Taak verwijderen?")');
		await checkA11y(page, 'remove item');
		await page.getByRole('button', { name: 'Ja, verwijder de taak' }).click();
		await shown(page, 'text=De taak is verwijderd.');
		expect(await page.locator('.checklist').textContent()).not.toContain('Koffie');

		await page.getByRole('button', { name: 'Briefing sturen' }).click();
		await shown(page, 'text=De briefing is verstuurd naar 1 collega.');
		await checkA11y(page, 'logistiek (briefed)');
		const mail = await smtp.waitFor((m) => m.to.includes('groendienst@geel.be'));
		expect(mail.decoded).toContain(`Briefing: ${DAY}`);
		expect(mail.decoded).toContain('- Container voor opgebroken tegels (klaar)');
		expect(realProblems(problems)).toEqual([]);
	}, 90_000);

	it('makes a colleague of the green service who follows an action and gets its update by mail, without JavaScript', async () => {
		const { page, context, browser, problems } = journey;
		const origin = journey.server.url;
		const ACTION = 'Ontharden en vergroenen: van tegels naar planten';

		// Geel's admin grants the role; without a department it is refused beside the field, the address kept.
		await journey.logInAs(/An Willems/);
		await blockPageScriptsKeepRedirects(context);
		await visit(page, '/geel/beheer/medewerkers', { until: 'load' });
		await page.locator('#invite-email').fill('lotte.peeters@example.be');
		await page.locator('#invite-role').selectOption('colleague');
		await page.getByRole('button', { name: 'Uitnodigen' }).click();
		await shown(page, '#invite-department-error');
		expect(await page.locator('#invite-department-error').textContent()).toContain(
			'Vul in bij welke dienst deze collega werkt.'
		);
		expect(await page.locator('#invite-email').inputValue()).toBe('lotte.peeters@example.be');
		await checkA11y(page, 'medewerkers (department missing)');
		journey.forgetRefusals();
		await page.locator('#invite-role').selectOption('colleague');
		await page.locator('#invite-department').fill('Groendienst');
		await page.getByRole('button', { name: 'Uitnodigen' }).click();
		await shown(page, 'text=De rol is meteen toegekend');
		expect(await page.locator('main').textContent()).toContain('Collega (andere dienst): Groendienst');
		await checkA11y(page, 'medewerkers (colleague granted)');
		await visit(page, '/geel/beheer/logboek', { until: 'load' });
		expect(await page.locator('main').textContent()).toContain('dienst: Groendienst');
		await checkA11y(page, 'logboek');

		// Lotte, now a colleague, follows the action with the keyboard; the moderation queue is not hers.
		const colleagueContext = await browser.newContext({ baseURL: origin, locale: 'nl-BE' });
		const colleague = await colleagueContext.newPage();
		await journey.logInAs(/Lotte Peeters/, colleague);
		await blockPageScriptsKeepRedirects(colleagueContext);
		expect((await visit(colleague, '/geel/beheer/suggesties', { until: 'load' })).status()).toBe(403);
		await visit(colleague, '/geel/beheer', { until: 'load' });
		await colleague
			.getByRole('navigation', { name: 'Beheer' })
			.getByRole('link', { name: 'Volg als collega' })
			.click();
		await shown(colleague, 'h1:text("Volg als collega")');
		await checkA11y(colleague, 'volg als collega');
		await colleague.getByLabel('Zoek op titel of naam').fill('ontharden');
		await colleague.getByLabel('Soort').selectOption('actie');
		await colleague.getByRole('button', { name: 'Toon' }).click();
		await shown(colleague, `th:has-text("${ACTION}")`);
		const followButton = colleague.getByRole('button', { name: `Volgen — ${ACTION}` });
		await followButton.focus();
		await colleague.keyboard.press('Enter');
		await colleague.waitForURL(/gelukt=gevolgd/);
		await shown(colleague, 'text=Je volgt nu 1 actie of thema meer.');
		expect(new URL(colleague.url()).searchParams.get('zoek')).toBe('ontharden');
		await shown(colleague, `button:has-text("Niet meer volgen")`);
		await checkA11y(colleague, 'volg als collega (followed)');

		// Geel's civil servant publishes an update on the action.
		const staffContext = await browser.newContext({ baseURL: origin, locale: 'nl-BE' });
		const staffPage = await staffContext.newPage();
		await journey.logInAs(/Bart Claes/, staffPage);
		await blockPageScriptsKeepRedirects(staffContext);
		await visit(staffPage, '/geel/beheer/acties?zoek=ontharden', { until: 'load' });
		await staffPage.getByRole('link', { name: ACTION }).first().click();
		await shown(staffPage, 'h2#updates');
		await staffPage.locator('#update-title').fill('De container staat klaar');
		await staffPage.locator('#update-publish').check();
		await staffPage.getByRole('button', { name: 'Update bewaren' }).click();
		await shown(staffPage, 'text=De update is gepubliceerd.');
		await staffContext.close();

		// Her mail, from the domain event's handler, at the real SMTP server.
		const mail = await smtp.waitFor(
			(m) => m.to.includes('lotte.peeters@example.be') && m.decoded.includes('De container staat klaar')
		);
		expect(mail.decoded).toContain(`Nieuws bij “${ACTION}”: De container staat klaar`);
		expect(mail.decoded).toContain(`${origin}/geel/beheer/collega`);
		expect(mail.decoded).toContain(`${origin}/profiel/meldingen`);
		await colleagueContext.close();
		expect(realProblems(problems).filter((p) => !p.includes('status of 403'))).toEqual([]);
	}, 120_000);
});
