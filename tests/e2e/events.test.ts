// Events as a citizen meets them, in real Chromium on the demo: from Geel's home to its events, the filters
// without JavaScript, an event's page (its calendar file, its schema.org data, the old slug), the region's
// list and past events with their report and its photos (staff add one by keyboard without JavaScript, the
// citizen sees it), and the API. Axe checks every page on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
	blockPageScriptsKeepRedirects,
	browserJourney,
	checkA11y,
	realProblems,
	shown,
	visit
} from './support';
import sharp from 'sharp';
import { startSmtpCatcher, type SmtpCatcher } from '../../src/lib/server/testing/smtp';
import { jpegWithGps } from '../../src/lib/server/testing/images';

const GROUP = 'Werkgroep ontharding: we kiezen samen drie plekken';
const DAY = 'Plantdag: samen tegels eruit en planten erin';

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
		const reportPath = new URL(page.url()).pathname;
		await checkA11y(page, reportPath);
		expect(await page.locator('.report').textContent()).toContain('ontharding wordt de eerste werf');
		// The demo report's two drawn photos, each with its description.
		const photos = page.getByRole('list', { name: 'Foto’s' }).getByRole('img');
		expect(await photos.count()).toBe(2);
		expect(await photos.first().getAttribute('alt')).toMatch(/^Tekening: een kaart van Geel/);

		// Staff add a photo to the published report by keyboard, without JavaScript.
		const staffContext = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
		await blockPageScriptsKeepRedirects(staffContext);
		const staff = await staffContext.newPage();
		await journey.logInAs(/Els Van den Broeck/, staff);
		const eventId = /\/activiteiten\/(\d+)-/.exec(reportPath)![1];
		await visit(staff, `/geel/beheer/activiteiten/${eventId}/verslag`, { until: 'load' });
		await checkA11y(staff, '/geel/beheer/activiteiten/:id/verslag');
		const file = staff.getByLabel('Foto toevoegen');
		await file.focus();
		await file.setInputFiles({
			name: 'IMG_2041.JPG',
			mimeType: 'image/jpeg',
			buffer: await jpegWithGps(2000, 1500)
		});
		await staff.keyboard.press('Tab');
		expect(await staff.evaluate(() => document.activeElement?.id)).toBe('report-photo-alt');
		await staff.keyboard.type('Dertig buren rond de kaart van Geel in zaal De Linde');
		await staff.keyboard.press('Tab');
		expect(await staff.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
			'Bewaar de wijzigingen'
		);
		await staff.keyboard.press('Enter');
		await staff.waitForURL(/\/verslag\?gelukt=bijgewerkt$/);
		await shown(staff, 'text=Het gepubliceerde verslag is bijgewerkt.');
		expect(await staff.getByRole('img', { name: 'Dertig buren rond de kaart van Geel' }).count()).toBe(1);
		await checkA11y(staff, '/geel/beheer/activiteiten/:id/verslag (photo added)');
		await staffContext.close();

		// The citizen sees it on the event page, after the other two, loaded and without its GPS position.
		await visit(page, reportPath, { until: 'load' });
		expect(await photos.count()).toBe(3);
		const added = photos.nth(2);
		expect(await added.getAttribute('alt')).toBe('Dertig buren rond de kaart van Geel in zaal De Linde');
		expect(await added.getAttribute('loading')).toBe('lazy');
		await added.scrollIntoViewIfNeeded();
		await added.evaluate((img: HTMLImageElement) => img.decode());
		expect(await added.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
		const image = await page.request.get((await added.getAttribute('src'))!);
		expect(image.headers()['content-type']).toBe('image/jpeg');
		expect((await sharp(await image.body()).metadata()).exif).toBeUndefined();
		await checkA11y(page, `${reportPath} (three photos)`);
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

	/** Types into a field as a person with a keyboard does: focus it, then type. */
	async function typeInto(page: Page, label: string, text: string) {
		await page.getByLabel(label, { exact: true }).focus();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type(text);
	}

	it('registers without an account and cancels from the mail, by keyboard and without JavaScript', async () => {
		const { page, context, problems } = journey;
		await blockPageScriptsKeepRedirects(context);
		await visit(page, '/geel/activiteiten?soort=actionDay', { until: 'load' });
		await page.getByRole('link', { name: DAY }).click();
		await shown(page, `h1:text("${DAY}")`);
		const path = new URL(page.url()).pathname;
		expect(await page.locator('#inschrijven').textContent()).toContain('40 van de 40 plaatsen vrij');

		// A mistyped address: refused beside the field, everything typed kept.
		await typeInto(page, 'Naam', 'Lien Janssens');
		await typeInto(page, 'E-mailadres', 'lien.janssens-at-example.be');
		await typeInto(page, 'Hoeveel mensen breng je mee?', '2');
		await page.getByLabel('Ik breng een spade mee').focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Schrijf me in' }).press('Enter');
		await shown(page, '#inschrijven .error');
		await checkA11y(page, `${path} (refused)`);
		expect(await page.locator('#inschrijven').textContent()).toContain('Dit is geen geldig e-mailadres');
		expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe('Lien Janssens');
		expect(await page.getByLabel('Hoeveel mensen breng je mee?').inputValue()).toBe('2');
		expect(await page.getByLabel('Ik breng een spade mee').isChecked()).toBe(true);

		await typeInto(page, 'E-mailadres', 'lien.janssens@example.be');
		await page.getByRole('button', { name: 'Schrijf me in' }).press('Enter');
		await page.waitForURL(/\?gelukt=bevestig-je-mail/);
		await shown(page, 'p.confirmation');
		await checkA11y(page, `${path} (mail sent)`);
		expect(await page.locator('p.confirmation').textContent()).toContain('we stuurden je een mail');

		const mail = await smtp.waitFor((m) => m.to.includes('lien.janssens@example.be'));
		const link = /(http:\/\/127\.0\.0\.1:\d+\/geel\/activiteiten\/inschrijving\?token=[\w-]+)/.exec(
			mail.decoded
		)?.[1];
		expect(link).toBeTruthy();
		// Opening the link changes nothing: the page asks to confirm.
		await visit(page, link!, { until: 'load' });
		await shown(page, 'h1:text("Inschrijving bevestigen")');
		await checkA11y(page, 'the mail’s link (confirm)');
		await page.getByRole('button', { name: 'Bevestig mijn inschrijving' }).press('Enter');
		await page.waitForURL(/\?gelukt=ingeschreven/);
		await shown(page, 'p.confirmation');
		expect(await page.locator('#inschrijven').textContent()).toContain('37 van de 40 plaatsen vrij');

		const placed = await smtp.waitFor((m) => m.to.includes('lien.janssens@example.be') && m !== mail);
		expect(placed.raw).toContain('text/calendar');
		const cancelLink = /(http:\/\/127\.0\.0\.1:\d+\/geel\/activiteiten\/inschrijving\?token=[\w-]+)/.exec(
			placed.decoded
		)?.[1];
		await visit(page, cancelLink!, { until: 'load' });
		await shown(page, 'h1:text("Uitschrijven")');
		await checkA11y(page, 'the mail’s link (cancel)');
		await page.getByRole('button', { name: 'Ja, schrijf me uit' }).press('Enter');
		await page.waitForURL(/\?gelukt=uitgeschreven/);
		await shown(page, 'p.confirmation');
		expect(await page.locator('p.confirmation').textContent()).toContain('Je bent uitgeschreven');
		expect(await page.locator('#inschrijven').textContent()).toContain('40 van de 40 plaatsen vrij');
		expect(realProblems(problems)).toEqual([]);
	}, 60_000);
});
