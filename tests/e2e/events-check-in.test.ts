// Check-in at the door by QR code, in real Chromium on the demo with a real SMTP server: a citizen registers with
// one click and gets the mail with the QR code (read from the PNG as a phone would); the citizen and Mol's staff
// who open its address are refused; Geel's moderator opens it on a phone without JavaScript, sees the name and
// the event and presses "Aanwezig melden"; a second time it says already checked in; a tampered code and the
// code under another event say so in Dutch; the tick list counts the same check-in. Then the invitation: Lotte
// joins the pool, Geel's admin invites it to the working group, and the mail's link registers her with one click;
// the admin adds Mieke from a paper list (a wrong line refused, the text kept) and invites her. Axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import sharp from 'sharp';
import {
	blockPageScriptsKeepRedirects,
	browserJourney,
	checkA11y,
	realProblems,
	shown,
	visit
} from './support';
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '../../src/lib/server/testing/smtp';

const DAY = 'Plantdag: samen tegels eruit en planten erin';
const GROUP = 'Werkgroep ontharding: we kiezen samen drie plekken';

/** The QR code in the mail's inline PNG, decoded. */
async function qrOf(mail: CaughtMail): Promise<string> {
	const part = mail.raw.split(/\r?\n--[^\r\n]+\r?\n/).find((p) => /Content-Type: image\/png/i.test(p));
	if (!part) throw new Error('no QR code in the mail');
	const png = Buffer.from(
		part
			.split(/\r?\n\r?\n/)
			.slice(1)
			.join('')
			.replace(/\s+/g, ''),
		'base64'
	);
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	const text = jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
	if (!text) throw new Error('the QR code does not scan');
	return text;
}

describe('check-in by QR code', () => {
	let smtp: SmtpCatcher;
	beforeAll(async () => {
		smtp = await startSmtpCatcher();
	});
	afterAll(async () => {
		await smtp?.close();
	});
	const journey = browserJourney({ env: () => ({ SMTP_URL: smtp.url }) });

	it('lets Geel’s staff mark the person of a mail’s QR code present on a phone, and nobody else', async () => {
		const { page, browser, problems } = journey;
		// A citizen registers with one click and gets the mail with the code.
		await journey.logInAs(/Lotte Peeters/);
		await visit(page, '/geel/activiteiten?soort=actionDay', { until: 'load' });
		await page.getByRole('link', { name: DAY }).click();
		await shown(page, `h1:text("${DAY}")`);
		const eventPath = new URL(page.url()).pathname;
		await page.getByRole('button', { name: 'Schrijf me in' }).click();
		await page.waitForURL(/\?gelukt=/);
		const mail = await smtp.waitFor(
			(m) => m.to.includes('lotte.peeters@example.be') && m.decoded.includes('Je bent ingeschreven')
		);
		const url = new URL(await qrOf(mail));
		expect(url.pathname).toMatch(/^\/geel\/beheer\/activiteiten\/\d+\/inchecken$/);
		expect(mail.decoded).toContain(url.href);
		const checkIn = `${url.pathname}${url.search}`;

		// The citizen herself cannot use it.
		const asCitizen = await visit(page, checkIn, { until: 'load' });
		expect(asCitizen.status()).toBe(403);
		expect(await page.locator('main').textContent()).not.toContain('Aanwezig melden');

		// Nor Mol's moderator.
		const mol = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'nl-BE' });
		const molPage = await mol.newPage();
		await journey.logInAs(/Tom Mertens/, molPage);
		expect((await visit(molPage, checkIn, { until: 'load' })).status()).toBe(403);
		await mol.close();

		// Geel's moderator on a phone, without JavaScript.
		const staff = await browser.newContext({
			baseURL: new URL(page.url()).origin,
			locale: 'nl-BE',
			viewport: { width: 320, height: 640 }
		});
		const phone = await staff.newPage();
		await journey.logInAs(/Bart Claes/, phone);
		await blockPageScriptsKeepRedirects(staff);
		await visit(phone, checkIn, { until: 'load' });
		await shown(phone, 'h1:text("Aanwezig melden")');
		const card = (await phone.locator('main').textContent()) ?? '';
		expect(card).toContain('Lotte P.');
		expect(card).toContain(DAY);
		await checkA11y(phone, 'check-in');
		await phone.getByRole('button', { name: 'Aanwezig melden' }).press('Enter');
		await phone.waitForURL(/inchecken\?gelukt=aanwezig&code=/);
		await shown(phone, 'text=Lotte P. is aanwezig gemeld.');
		await checkA11y(phone, 'checked in');
		expect(await phone.getByRole('button', { name: 'Aanwezig melden' }).count()).toBe(0);

		// Scanned a second time: already checked in.
		await visit(phone, checkIn, { until: 'load' });
		await shown(phone, 'text=Lotte P. is al aanwezig gemeld');

		// A tampered code, and the code under another event.
		const code = url.searchParams.get('code')!;
		const tampered = `${code.slice(0, -3)}${code.slice(-3) === 'xyz' ? 'abc' : 'xyz'}`;
		await visit(phone, `${url.pathname}?code=${tampered}`, { until: 'load' });
		await shown(phone, 'text=Deze QR-code is ongeldig');
		await checkA11y(phone, 'tampered code');
		expect(await phone.getByRole('button', { name: 'Aanwezig melden' }).count()).toBe(0);
		await visit(phone, '/geel/activiteiten', { until: 'load' });
		const groupHref = await phone.getByRole('link', { name: GROUP }).getAttribute('href');
		const groupId = /activiteiten\/(\d+)-/.exec(groupHref!)![1];
		await visit(phone, `/geel/beheer/activiteiten/${groupId}/inchecken?code=${code}`, { until: 'load' });
		await shown(phone, 'text=Deze QR-code hoort bij een andere activiteit');
		await checkA11y(phone, 'code of another event');

		// The tick list counts the same check-in.
		const eventId = /activiteiten\/(\d+)\//.exec(url.pathname)![1];
		expect(eventPath).toContain(`/activiteiten/${eventId}-`);
		await visit(phone, `/geel/beheer/activiteiten/${eventId}/inschrijvingen`, { until: 'load' });
		expect(await phone.getByLabel('Lotte P.').isChecked()).toBe(true);
		await staff.close();
		expect(realProblems(problems).filter((p) => !p.includes('status of 403'))).toEqual([]);
	}, 120_000);

	it('invites the pool: Lotte joins it, Geel’s admin counts and sends, Lotte registers from the mail with one click', async () => {
		const { page, browser, problems } = journey;
		const origin = () => new URL(page.url()).origin;
		// Lotte answers the question whether to join the pool (on its own page; after a contribution it is asked there).
		await journey.logInAs(/Lotte Peeters/);
		await visit(page, '/profiel/pool?gemeente=geel', { until: 'load' });
		await page.getByRole('button', { name: 'Ja, hou me op de hoogte' }).click();
		await page.waitForURL(/gelukt=pool-ja/);
		await shown(page, 'text=Welkom in de pool van klimaatmakers van Geel');
		await checkA11y(page, 'pool joined on its own page');

		// Geel's admin invites the pool to the working group, without JavaScript and with the keyboard.
		const staff = await browser.newContext({ baseURL: origin(), locale: 'nl-BE' });
		const admin = await staff.newPage();
		await journey.logInAs(/An Willems/, admin);
		await blockPageScriptsKeepRedirects(staff);
		await visit(admin, '/geel/activiteiten', { until: 'load' });
		const groupHref = await admin.getByRole('link', { name: GROUP }).getAttribute('href');
		const groupId = /activiteiten\/(\d+)-/.exec(groupHref!)![1];
		await visit(admin, `/geel/beheer/activiteiten/${groupId}`, { until: 'load' });
		await admin.getByRole('link', { name: /^Uitnodigen/ }).click();
		await shown(admin, 'h1:text("Uitnodigen voor")');
		await checkA11y(admin, 'invite page');
		await admin.getByLabel('De pool van klimaatmakers van Geel').check();
		await admin.getByRole('button', { name: 'Tel wie de uitnodiging krijgt' }).press('Enter');
		await admin.waitForURL(/doelgroep=pool/);
		const countText = (await admin.locator('.count .number').textContent()) ?? '';
		const count = Number(/\d+/.exec(countText)![0]);
		expect(count).toBeGreaterThanOrEqual(1);
		await checkA11y(admin, 'invite page with the count');
		// Sending without the tick is refused beside it; with it, the invitation goes.
		await admin.getByRole('button', { name: 'Uitnodiging versturen' }).press('Enter');
		await shown(admin, 'text=Vink aan dat je deze mensen nu wil uitnodigen.');
		await admin.getByLabel(/^Ja, nodig deze \d+ (persoon|mensen) nu uit$/).check();
		await admin.getByRole('button', { name: 'Uitnodiging versturen' }).press('Enter');
		await admin.waitForURL(/gelukt=verstuurd/);
		await shown(admin, `text=De uitnodiging is verstuurd naar ${count}`);
		await checkA11y(admin, 'invitation sent');

		// From the invite page to the list of interest outside the platform: a paper list goes in, a wrong line is
		// named and what was typed is kept; Mieke, who signed it, is then invited with that audience.
		const invitePath = new URL(admin.url()).pathname;
		await admin.getByRole('link', { name: /buiten het platform interesse toonden/ }).click();
		await shown(admin, 'h1:text("Interesse buiten het platform")');
		await checkA11y(admin, 'list of interest outside the platform');
		const lines = admin.getByLabel('Naam en e-mailadres, één persoon per regel');
		await lines.fill('Mieke Mertens, mieke.mertens@example.be\nJef zonder adres');
		await admin.getByLabel('Hoe stemden ze in?').fill('papieren lijst op de infoavond');
		await admin.getByRole('button', { name: 'Toevoegen aan de lijst' }).press('Enter');
		await shown(admin, 'text=Regel 2: schrijf een naam, een komma en een e-mailadres.');
		expect(await lines.inputValue()).toBe('Mieke Mertens, mieke.mertens@example.be\nJef zonder adres');
		await checkA11y(admin, 'paper list refused');
		await lines.fill('Mieke Mertens, mieke.mertens@example.be');
		await admin.getByRole('button', { name: 'Toevoegen aan de lijst' }).press('Enter');
		await admin.waitForURL(/gelukt=toegevoegd/);
		await shown(admin, 'td:text("mieke.mertens@example.be")');
		await checkA11y(admin, 'paper list added');
		await admin.getByRole('link', { name: 'Verwijderen — Mieke Mertens' }).click();
		await shown(admin, 'h1:text("Van de lijst verwijderen")');
		await checkA11y(admin, 'remove from the paper list');
		await visit(admin, `${invitePath}?doelgroep=offline`, { until: 'load' });
		await admin.getByLabel(/^Ja, nodig deze 1 persoon nu uit$/).check();
		await admin.getByRole('button', { name: 'Uitnodiging versturen' }).press('Enter');
		await admin.waitForURL(/gelukt=verstuurd/);
		await staff.close();
		const paper = await smtp.waitFor(
			(m) =>
				m.to.includes('mieke.mertens@example.be') && m.decoded.includes('Subject: Uitnodiging: Werkgroep')
		);
		expect(paper.decoded.replace(/=\r?\n/g, '')).toContain('(papieren lijst op de infoavond)');

		// The mail's link registers Lotte with one click, without logging in and without JavaScript.
		const mail = await smtp.waitFor(
			(m) =>
				m.to.includes('lotte.peeters@example.be') && m.decoded.includes('Subject: Uitnodiging: Werkgroep')
		);
		const link = /https?:\/\/[^\s]+\/geel\/activiteiten\/uitnodiging\?token=[\w-]+/.exec(mail.decoded)![0];
		const anonymous = await browser.newContext({ baseURL: origin(), locale: 'nl-BE' });
		await blockPageScriptsKeepRedirects(anonymous);
		const inbox = await anonymous.newPage();
		await visit(inbox, new URL(link).pathname + new URL(link).search, { until: 'load' });
		await shown(inbox, 'h1:text("Uitnodiging: Werkgroep")');
		await checkA11y(inbox, 'invitation link');
		await inbox.getByRole('button', { name: 'Schrijf me in' }).press('Enter');
		await shown(inbox, 'text=Je bent ingeschreven. Je krijgt een bevestiging per mail.');
		await checkA11y(inbox, 'registered from the invitation');
		// The answer came through a redirect (post/redirect/get): a reload asks again for the page, posts nothing
		// and still says what happened.
		expect(new URL(inbox.url()).searchParams.get('gelukt')).toBe('confirmed');
		const posts: string[] = [];
		inbox.on('request', (r) => {
			if (r.method() === 'POST') posts.push(r.url());
		});
		await inbox.reload({ waitUntil: 'load' });
		await shown(inbox, 'text=Je bent ingeschreven. Je krijgt een bevestiging per mail.');
		expect(posts).toEqual([]);
		await anonymous.close();
		await smtp.waitFor(
			(m) =>
				m.to.includes('lotte.peeters@example.be') &&
				m.decoded.includes('Werkgroep ontharding') &&
				m.decoded.includes('Je bent ingeschreven')
		);
		expect(realProblems(problems)).toEqual([]);
	}, 120_000);
});
