// Newsletters in real Chromium, on PostgreSQL with the demo and a real SMTP server: the communication officer
// writes one (a remote image refused beside the field), sees the preview follow her typing and the exact number
// of recipients, sends a test to herself, is refused a time in the past, sends it now, sees the counts and the
// public archive page; the mails caught each carry their own unsubscribe link. Without JavaScript the form and
// its preview work with the keyboard alone. Axe checks every page.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
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

const ADMIN_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `newsletters_e2e_${randomUUID().slice(0, 8)}`;
const databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
const SUBJECT = 'Plantdag in Geel: doe je mee?';

describe('newsletters', () => {
	let smtp: SmtpCatcher;
	beforeAll(async () => {
		smtp = await startSmtpCatcher();
		const admin = new pg.Client({ connectionString: ADMIN_URL });
		await admin.connect();
		await admin.query(`CREATE DATABASE ${database}`);
		await admin.end();
	});
	const journey = browserJourney({
		env: () => ({ DATABASE_URL: databaseUrl, DEMO: 'true', SMTP_URL: smtp.url })
	});
	afterAll(async () => {
		await smtp?.close();
		const admin = new pg.Client({ connectionString: ADMIN_URL });
		await admin.connect();
		await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
		await admin.end();
	});

	/** Three people of Geel who want newsletters, and one who does not, written beside the running server. */
	async function arrangePeople(): Promise<string[]> {
		const db = new pg.Client({ connectionString: databaseUrl });
		await db.connect();
		const addresses: string[] = [];
		for (const [name, wants] of [
			['lien', true],
			['jef', true],
			['mira', true],
			['tom', false]
		] as const) {
			const email = `${name}.${randomUUID().slice(0, 6)}@example.be`;
			const { rows } = await db.query<{ id: string }>(
				`INSERT INTO users (display_name, email, email_verified_at, home_municipality_id)
				 VALUES ($1, $2, now(), (SELECT id FROM municipalities WHERE slug = 'geel')) RETURNING id`,
				[name, email]
			);
			if (wants) {
				await db.query(
					`INSERT INTO consents (user_id, kind, version) VALUES ($1, 'newsletters', '2026-12')`,
					[rows[0]!.id]
				);
				addresses.push(email);
			}
		}
		await db.end();
		return addresses;
	}

	it('composes, previews, counts, tests, refuses the past, sends, counts and archives', async () => {
		const { page, problems } = journey;
		const wanted = await arrangePeople();
		await journey.logInAs(/Sofie Wouters/);

		await visit(page, '/geel/beheer/nieuwsbrieven', { until: 'load' });
		await checkA11y(page, '/geel/beheer/nieuwsbrieven');
		await page.getByRole('link', { name: 'Nieuwe nieuwsbrief' }).click();
		await shown(page, 'h1:text("Nieuwe nieuwsbrief")');
		await checkA11y(page, '/geel/beheer/nieuwsbrieven/nieuw');

		await page.getByLabel('Onderwerp').fill(SUBJECT);
		await page
			.getByLabel('Tekst')
			.fill('Kom naar de **plantdag**!\n\n![foto](https://tracker.example/pixel.gif)');
		await page.getByRole('button', { name: 'Ontwerp aanmaken' }).click();
		await shown(page, '#newsletter-body-error');
		expect(await page.locator('#newsletter-body-error').textContent()).toContain(
			'Afbeeldingen kunnen niet in een nieuwsbrief'
		);
		expect(await page.getByLabel('Onderwerp').inputValue()).toBe(SUBJECT);
		await checkA11y(page, 'image refused');
		journey.forgetRefusals();

		// The preview follows the typing (JavaScript) and gives the exact count.
		await page.getByLabel('Tekst').fill('Kom naar de **plantdag** op het Sint-Dimpnaplein.');
		await page.getByLabel(/Iedereen uit Geel/).check();
		await page.locator('.newsletter-preview .mail strong', { hasText: 'plantdag' }).waitFor();
		const count = (await page.getByRole('status').filter({ hasText: 'precies' }).textContent()) ?? '';
		const recipients = Number(/precies (\d+)/.exec(count)![1]);
		expect(recipients).toBeGreaterThanOrEqual(wanted.length);

		await page.getByRole('button', { name: 'Ontwerp aanmaken' }).click();
		await page.waitForURL(/\/geel\/beheer\/nieuwsbrieven\/\d+\?gelukt=aangemaakt$/);
		const path = new URL(page.url()).pathname;
		const id = Number(/(\d+)$/.exec(path)![1]);
		await shown(page, 'text=Het ontwerp is aangemaakt.');
		await checkA11y(page, path);

		await page.getByRole('button', { name: 'Test naar mezelf' }).click();
		await shown(page, 'text=De test is verstuurd naar je eigen adres.');
		const test = await smtp.waitFor((m) => m.decoded.includes(`TEST: ${SUBJECT}`));
		expect(test.to).toEqual(['sofie.wouters@example.be']);

		await page.getByLabel('Inplannen op').check();
		await page.getByLabel('Datum en uur (Brussel)').fill('2020-05-01T10:00');
		await page.getByRole('button', { name: 'Versturen of inplannen' }).click();
		await shown(page, '#send-at-error');
		expect(await page.locator('#send-at-error').textContent()).toBe(
			'Dat moment is al voorbij. Kies een moment in de toekomst.'
		);
		await checkA11y(page, 'past refused');
		journey.forgetRefusals();

		await page.getByLabel('Nu versturen').check();
		await page.getByRole('button', { name: 'Versturen of inplannen' }).click();
		await shown(page, 'text=De nieuwsbrief vertrekt nu.');
		for (const address of wanted)
			await smtp.waitFor((m) => m.to.includes(address) && m.decoded.includes(SUBJECT));
		const sent = smtp.messages.filter((m) => m.decoded.includes(`Subject: ${SUBJECT}`));
		expect(new Set(sent.flatMap((m) => m.to)).size).toBe(sent.length);
		for (const mail of sent) {
			const head = mail.decoded.replace(/\r?\n[ \t]+/g, ' ');
			expect(head).toMatch(/List-Unsubscribe:\s*<http[^>]+\/uitschrijven\/[0-9a-f]{32}4/);
			expect(head).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
			expect(mail.decoded).not.toMatch(/<img/i);
		}

		// The page shows the counts; reloads until the job has queued everyone.
		for (let i = 0; i < 40; i++) {
			await visit(page, path, { until: 'load' });
			if ((await page.locator('h1 + p, p strong').first().textContent())?.includes('Verstuurd')) break;
			await page.waitForTimeout(250);
		}
		const counts = (await page.locator('section[aria-labelledby="counts-heading"]').textContent()) ?? '';
		expect(counts).toContain(`Ontvangers${recipients}`);
		expect(counts).toContain(`Klaargezet${recipients}`);
		await checkA11y(page, 'sent');

		await visit(page, '/geel/nieuwsbrieven', { until: 'load' });
		await checkA11y(page, '/geel/nieuwsbrieven');
		await page.getByRole('link', { name: SUBJECT }).click();
		await shown(page, `h1:text("${SUBJECT}")`);
		expect(new URL(page.url()).pathname).toBe(`/geel/nieuwsbrieven/${id}`);
		const article = (await page.locator('article').textContent()) ?? '';
		expect(article).toContain('plantdag');
		for (const address of wanted) expect(article).not.toContain(address);
		await checkA11y(page, `/geel/nieuwsbrieven/${id}`);
		expect(realProblems(problems)).toEqual([]);
	});

	it('without JavaScript, with the keyboard alone: a draft, its preview and its count', async () => {
		const { page, context } = journey;
		await journey.logInAs(/Sofie Wouters/);
		await blockPageScriptsKeepRedirects(context);
		await visit(page, '/geel/beheer/nieuwsbrieven/nieuw', { until: 'load' });
		await page.getByLabel('Onderwerp').focus();
		await page.keyboard.type('Zonder script');
		await page.keyboard.press('Tab');
		await page.keyboard.type('Gewoon *tekst*.');
		await page.getByRole('button', { name: 'Voorbeeld en aantal bijwerken' }).focus();
		await page.keyboard.press('Enter');
		await page.locator('.newsletter-preview .mail em', { hasText: 'tekst' }).waitFor();
		expect(await page.getByRole('status').filter({ hasText: 'precies' }).textContent()).toMatch(
			/precies \d+/
		);
		expect(await page.getByLabel('Onderwerp').inputValue()).toBe('Zonder script');
		await checkA11y(page, 'preview without JavaScript');
		await page.getByRole('button', { name: 'Ontwerp aanmaken' }).focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/geel\/beheer\/nieuwsbrieven\/\d+\?gelukt=aangemaakt$/);
	});

	// The same officer's other tool, on the same server: the week of the communication plans (the demo's plans
	// announce today). Copying needs JavaScript; marking published works without it, with the keyboard alone.
	it('the week of the communication plans: a text copied, its short link tagged, marked published without JavaScript', async () => {
		const { page, context, problems } = journey;
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
		await journey.logInAs(/Sofie Wouters/);
		await visit(page, '/geel/beheer/communicatie', { until: 'load' });
		await checkA11y(page, '/geel/beheer/communicatie');
		const item = page.locator('article.item').filter({ hasText: 'WhatsApp · Aankondigen' }).first();
		const text = await item.getByLabel('Tekst voor WhatsApp', { exact: true }).inputValue();
		const short = /(http:\/\/127\.0\.0\.1:\d+\/k\/[a-z0-9]{7})/.exec(text)?.[1];
		expect(short).toBeTruthy();
		await item.getByRole('button', { name: 'Kopieer de tekst voor WhatsApp' }).focus();
		await page.keyboard.press('Enter');
		await item.getByRole('status').filter({ hasText: 'Gekopieerd' }).waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
		// The short link leads to the page with the channel's tags, which a newcomer's first channel records.
		const landing = await page.request.get(short!, { maxRedirects: 0 });
		expect(landing.status()).toBe(302);
		const target = new URL(landing.headers()['location']!, journey.server.url);
		expect(target.searchParams.get('utm_source')).toBe('whatsapp');
		expect((await page.request.get(target.href)).status()).toBe(200);
		// A visitor who follows it gets the channel remembered until they register (the accounts feature writes it
		// to their account then, as accounts-pages.test.ts shows for a poster).
		const visitor = await context.browser()!.newContext();
		expect((await visitor.request.get(short!)).status()).toBe(200);
		const cookies = await visitor.cookies();
		expect(cookies.find((c) => c.name === 'meedoen_channel')?.value).toBe('whatsapp');
		await visitor.close();

		// The plan behind it, with the magazine's QR code to download.
		await item.getByRole('link').first().click();
		await page.waitForURL(/\/geel\/beheer\/communicatie\/\d+$/);
		await checkA11y(page, 'a communication plan');
		const qr = await page.request.get(
			(await page
				.getByRole('link', { name: 'QR-code als SVG (voor drukwerk)' })
				.first()
				.getAttribute('href'))!
		);
		expect(qr.headers()['content-type']).toContain('image/svg+xml');

		await blockPageScriptsKeepRedirects(context);
		await visit(page, '/geel/beheer/communicatie?kanaal=whatsapp&status=open', { until: 'load' });
		// Without JavaScript there is no copy button: the text is in a read-only field to select.
		expect(await page.getByRole('button', { name: /^Kopieer/ }).count()).toBe(0);
		const field = page.getByLabel('Tekst voor WhatsApp', { exact: true }).first();
		expect(await field.getAttribute('readonly')).not.toBeNull();
		const before = await page.locator('article.item').count();
		await page
			.getByRole('button', { name: 'Markeer als gepubliceerd: WhatsApp (Aankondigen)' })
			.first()
			.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/gelukt=gepubliceerd/);
		expect(page.url()).toContain('kanaal=whatsapp');
		expect(await page.getByRole('status').first().textContent()).toContain(
			'1 tekst gemarkeerd als gepubliceerd'
		);
		expect(await page.locator('article.item').count()).toBe(before - 1);
		await checkA11y(page, 'the week after marking');
		await visit(page, '/geel/beheer/communicatie?kanaal=whatsapp&status=published', { until: 'load' });
		expect(await page.locator('article.item').first().textContent()).toContain(
			'Gepubliceerd door Sofie Wouters'
		);
		expect(realProblems(problems)).toEqual([]);
	});
});
