// The events back office in real Chromium on a phone (320 px), on PostgreSQL with the demo: staff create a
// working group through the form, people are registered (written straight into the database beside the running
// server), staff tick who came, a capacity below the places taken is refused beside the field with their
// number and what was typed kept, and cancelling says how many will be told. Axe checks every page.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserJourney, checkA11y, realProblems, shown, visit } from './support';

const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `events_admin_e2e_${randomUUID().slice(0, 8)}`;
const databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);

async function reflows(page: Page): Promise<boolean> {
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth
	}));
	return scrollWidth <= innerWidth;
}

describe('the events back office on a phone', () => {
	beforeAll(async () => {
		const admin = new pg.Client({ connectionString: ADMIN_URL });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${database}`);
		await admin.end();
	});
	const journey = browserJourney({ env: () => ({ DATABASE_URL: databaseUrl, DEMO: 'true' }) });
	afterAll(async () => {
		const admin = new pg.Client({ connectionString: ADMIN_URL });
		await admin.connect();
		await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
		await admin.end();
	});

	it('creates a working group, ticks who came, refuses a capacity below the places taken and cancels', async () => {
		const { page, problems } = journey;
		await page.setViewportSize({ width: 320, height: 640 });
		await journey.logInAs(/Els Van den Broeck/);

		await visit(page, '/geel/beheer/activiteiten', { until: 'load' });
		await checkA11y(page, '/geel/beheer/activiteiten');
		expect(await reflows(page)).toBe(true);
		await page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
		await shown(page, 'h1:text("Nieuwe activiteit")');
		await checkA11y(page, '/geel/beheer/activiteiten/nieuw');
		expect(await reflows(page)).toBe(true);
		await page.getByLabel('Titel').fill('Werkgroep plantdag voorbereiden');
		await page.getByLabel('Begint op').fill('2027-09-10T19:30');
		await page.getByLabel('Eindigt op').fill('2027-09-10T21:30');
		await page.getByLabel('Aantal plaatsen').fill('2');
		await page.getByLabel('Publicatie', { exact: true }).selectOption('published');
		await page.getByRole('button', { name: 'Activiteit bewaren' }).click();
		await page.waitForURL(/\/geel\/beheer\/activiteiten\/\d+\?gelukt=aangemaakt$/);
		const id = Number(/activiteiten\/(\d+)/.exec(page.url())![1]);
		await shown(page, 'text=De activiteit is bewaard.');

		// Two people with a place (one with a long name and address) and one on the waitlist.
		const db = new pg.Client({ connectionString: databaseUrl });
		await db.connect();
		const found = await db.query<{ municipality_id: string }>(
			'SELECT municipality_id FROM events WHERE id = $1',
			[id]
		);
		const municipalityId = found.rows[0]!.municipality_id;
		const people = [
			['Anna Peeters', 'anna@example.be', 'confirmed'],
			[
				'Maximiliaan Vandenbroeckhovenstraatmans-Verhulst',
				'maximiliaan.vandenbroeckhovenstraatmans@een-heel-lange-domeinnaam.example.be',
				'confirmed'
			],
			['Chris Wouters', 'chris@example.be', 'waitlisted']
		];
		for (const [name, email, status] of people)
			await db.query(
				`INSERT INTO event_registrations (municipality_id, event_id, name, email, status, token_hash, queued_at)
				 VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())`,
				[municipalityId, id, name, email, status, randomUUID()]
			);
		await db.end();

		await visit(page, `/geel/beheer/activiteiten/${id}/inschrijvingen`, { until: 'load' });
		await checkA11y(page, 'inschrijvingen');
		expect(await reflows(page)).toBe(true);
		// The waitlisted person has no box: only people with a place can be ticked.
		expect(await page.getByRole('checkbox').count()).toBe(2);
		await page.getByLabel('Anna Peeters').check();
		await page.getByRole('button', { name: 'Aanwezigheden bewaren' }).click();
		await shown(page, 'text=De aanwezigheden zijn bewaard.');
		expect(await page.getByLabel('Anna Peeters').isChecked()).toBe(true);
		expect(await page.locator('main').textContent()).toContain('1 aanwezig');
		expect(await reflows(page)).toBe(true);

		await visit(page, `/geel/beheer/activiteiten/${id}`, { until: 'load' });
		await page.getByLabel('Aantal plaatsen').fill('1');
		await page.getByRole('button', { name: 'Wijzigingen bewaren' }).click();
		await shown(page, '#event-capacity-error');
		expect(await page.locator('#event-capacity-error').textContent()).toBe(
			'Er zijn al 2 plaatsen ingenomen. Zet het aantal plaatsen op 2 of meer.'
		);
		expect(await page.getByLabel('Aantal plaatsen').inputValue()).toBe('1');
		expect(await page.getByLabel('Aantal plaatsen').getAttribute('aria-invalid')).toBe('true');
		await checkA11y(page, 'capacity refused');
		expect(await reflows(page)).toBe(true);
		journey.forgetRefusals();

		await visit(page, `/geel/beheer/activiteiten/${id}/annuleren`, { until: 'load' });
		expect(await page.locator('main').textContent()).toContain(
			'We verwittigen 2 ingeschreven personen en 1 personen op de wachtlijst'
		);
		await checkA11y(page, 'annuleren');
		await page.getByLabel('Ja, annuleer deze activiteit').check();
		await page.getByRole('button', { name: 'Activiteit annuleren' }).click();
		await page.waitForURL(new RegExp(`/geel/beheer/activiteiten/${id}\\?gelukt=geannuleerd$`));
		await shown(page, 'text=De activiteit is geannuleerd.');
		expect(await page.locator('h2#event-state-heading').textContent()).toBe('Geannuleerd');
		expect(realProblems(problems)).toEqual([]);
	}, 120_000);
});
