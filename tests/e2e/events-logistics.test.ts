// An event's logistics in real Chromium on a phone without JavaScript, on the demo with a real SMTP server:
// Geel's moderator opens the plant day's checklist from the event's back-office page, an empty item is refused
// beside its field, items are added, changed, ticked and removed after a confirmation, and the briefing reaches
// the colleague named on the list. Axe on every page.
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
});
