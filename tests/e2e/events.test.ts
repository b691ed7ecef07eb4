// Events as a citizen meets them, in real Chromium on the demo: from Geel's home to its events, the filters
// without JavaScript, an event's page (its calendar file, its schema.org data, the old slug), the region's
// list and past events with their report, and the API. Axe checks every page on the way.
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

const GROUP = 'Werkgroep ontharding: we kiezen samen drie plekken';

describe('events for citizens', () => {
	let smtp: SmtpCatcher;
	beforeAll(async () => {
		smtp = await startSmtpCatcher();
	});
	afterAll(async () => {
		await smtp?.close();
	});
	const journey = browserJourney({ env: () => ({ SMTP_URL: smtp.url }) });

	it('finds Geel’s events from its home, filters them without JavaScript and reads one', async () => {
		const { page, context, problems } = journey;
		await blockPageScriptsKeepRedirects(context);
		await visit(page, '/geel', { until: 'load' });
		await checkA11y(page, '/geel');
		await page.getByRole('link', { name: 'Alle activiteiten in Geel' }).click();
		await shown(page, 'h1:text("Activiteiten in Geel")');
		await checkA11y(page, '/geel/activiteiten');
		expect(await page.getByRole('status').textContent()).toContain('2 activiteiten gevonden');

		// The GET form by keyboard: choose a kind, send it.
		await page.getByLabel('Soort activiteit').selectOption({ label: 'Actiedag' });
		await page.getByRole('button', { name: 'Toon activiteiten' }).press('Enter');
		await page.waitForURL(/\/geel\/activiteiten\?.*soort=actionDay/);
		await shown(page, 'h1');
		expect(await page.getByRole('status').textContent()).toContain('1 activiteit gevonden');
		expect(await page.getByLabel('Soort activiteit').inputValue()).toBe('actionDay');

		await visit(page, '/geel/activiteiten', { until: 'load' });
		await page.getByRole('link', { name: GROUP }).click();
		await shown(page, `h1:text("${GROUP}")`);
		const path = new URL(page.url()).pathname;
		expect(path).toMatch(/^\/geel\/activiteiten\/\d+-werkgroep-ontharding/);
		await checkA11y(page, path);
		const main = (await page.locator('article').textContent()) ?? '';
		expect(main).toContain('Gemeenschapscentrum, zaal De Linde');
		expect(main).toContain('rolstoeltoegankelijk');
		expect(main).toContain('Trede 5: Meebeslissen');
		expect(main).toContain('20 van de 20 plaatsen vrij');
		// Without JavaScript the place is text.
		expect(await page.locator('figcaption').first().textContent()).toContain('Markt 1, 2440 Geel');

		const ld = JSON.parse(
			(await page.locator('script[type="application/ld+json"]').textContent())!
		) as Record<string, unknown>;
		expect(ld).toMatchObject({ '@type': 'Event', name: GROUP });

		const ics = await page.request.get(
			(await page.getByRole('link', { name: 'Zet in mijn agenda' }).getAttribute('href'))!
		);
		expect(ics.status()).toBe(200);
		expect(ics.headers()['content-type']).toContain('text/calendar');
		expect(await ics.text()).toContain('DTSTART;TZID=Europe/Brussels:');

		const id = /\/activiteiten\/(\d+)-/.exec(path)![1];
		const old = await page.request.get(`/geel/activiteiten/${id}-oude-naam`, { maxRedirects: 0 });
		expect(old.status()).toBe(301);
		expect(old.headers()['location']).toBe(path);
		expect(realProblems(problems)).toEqual([]);
	}, 60_000);

	it('shows the region’s events, past ones with their report, and the same through the API', async () => {
		const { page, problems } = journey;
		await visit(page, '/', { until: 'load' });
		await page.getByRole('link', { name: 'Alle activiteiten in de regio' }).click();
		await shown(page, 'h1:text("Activiteiten in de regio")');
		await checkA11y(page, '/activiteiten');
		expect(await page.getByRole('link', { name: GROUP }).count()).toBe(1);

		await visit(page, '/geel/activiteiten?wanneer=voorbij', { until: 'load' });
		await checkA11y(page, '/geel/activiteiten?wanneer=voorbij');
		await page.locator('ul.grid a').first().click();
		await shown(page, 'h2:text("Verslag")');
		await checkA11y(page, new URL(page.url()).pathname);
		expect(await page.locator('.report').textContent()).toContain('ontharding wordt de eerste werf');
		expect(await page.locator('#inschrijven').textContent()).toContain('Deze activiteit is voorbij');
		expect(await page.locator('form').filter({ hasText: 'Schrijf me in' }).count()).toBe(0);

		const list = (await (
			await page.request.get('/api/v1/municipalities/geel/events?kind=workingGroup')
		).json()) as {
			data: { id: number; title: string }[];
		};
		expect(list.data.map((e) => e.title)).toEqual([GROUP]);
		const one = await page.request.get(`/api/v1/events/${list.data[0]!.id}`);
		expect(one.status()).toBe(200);
		expect(((await one.json()) as { data: { title: string } }).data.title).toBe(GROUP);
		const openapi = (await (await page.request.get('/api/v1/openapi.json')).json()) as { paths: object };
		expect(Object.keys(openapi.paths)).toEqual(
			expect.arrayContaining(['/municipalities/{slug}/events', '/events/{id}'])
		);
		expect(problems).toEqual([]);
	}, 60_000);
});
