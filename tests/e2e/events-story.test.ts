// The whole story of a working group, in order, as the people in it live it (steps 3 to 5 of the citizen journey
// in CONTEXT.md), in real Chromium on the demo of Geel with a real SMTP server; every link a person follows comes
// from a mail the server sent. Lotte, who suggested a place to unpave, joins the pool; Geel's admin creates a
// working group of two places for the action's working-group opportunity and invites the pool; Lotte registers
// from the invitation; a neighbour takes the last place and a third person the waitlist, both without an account;
// Lotte can't come and cancels from her confirmation mail, so the waitlisted person moves up and is mailed; staff
// tick who came and publish the report choosing Lotte's suggestion; Lotte reads in the report mail that it was
// chosen and finds the answer on her suggestion's page. Every page runs without JavaScript (the app's scripts
// blocked), the invitation, every registration and cancellation are typed and sent with the keyboard, and a
// mistyped address and a send without the tick are refused beside the field. Axe on every page.
//
// One browser and one context per person, kept for the whole story (staff and Lotte log in once). The steps
// share that state, so after a failed step the rest are skipped instead of failing for the same reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
	blockPageScriptsKeepRedirects,
	checkA11y,
	launchBrowser,
	logInAs,
	realProblems,
	removeDataDir,
	shown,
	startServer,
	sveltekitRan,
	visit,
	watchProblems,
	type RunningServer
} from './support';
import { startSmtpCatcher, type CaughtMail, type SmtpCatcher } from '../../src/lib/server/testing/smtp';

const TITLE = 'Werkgroep Klimaatmakers: kies de plekken';
const ACTION = 'Ontharden en vergroenen: van tegels naar planten';
const OPPORTUNITY = 'Werkgroep van de Klimaatmakers: we kiezen samen drie plekken';
const LOTTE = 'lotte.peeters@example.be';
const NEIGHBOUR = { name: 'Wim Verhoeven', email: 'wim.verhoeven@example.be' };
const WAITING = { name: 'Fatima El Amrani', email: 'fatima.elamrani@example.be' };
const ANSWER = 'De werkgroep koos deze plek: de Groendienst breekt ze op tijdens de plantdag.';
const REPORT = 'We kozen drie plekken om te ontharden. Volgende stap: de plantdag.';

/** The first address of that page in a mail (the server writes absolute links to its own origin). */
function linkIn(mail: CaughtMail, path: RegExp): string {
	const found = new RegExp(`https?://[^\\s"<>]+${path.source}`).exec(mail.decoded)?.[0];
	if (!found) throw new Error(`no link to ${path} in the mail to ${mail.to.join(', ')}`);
	return found;
}

/** The event page's line on places (and, when anyone waits, the waitlist). */
async function placesOf(page: Page): Promise<string> {
	return (await page.locator('#inschrijven p').first().innerText()).trim();
}

/** Types into a field as a person with a keyboard does: focus it, then type. */
async function typeInto(page: Page, label: string, text: string) {
	await page.getByLabel(label, { exact: true }).focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(text);
}

describe('the story of a working group', () => {
	// Its own server (it writes: the pool, a chosen suggestion) that mails to a real SMTP server, and one browser.
	// No context per test (browserJourney's): the people's contexts live through the whole story.
	let smtp: SmtpCatcher;
	let server: RunningServer;
	let browser: Browser;
	beforeAll(async () => {
		smtp = await startSmtpCatcher();
		[server, browser] = await Promise.all([startServer({ env: { SMTP_URL: smtp.url } }), launchBrowser()]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (server) removeDataDir(server.dataDir);
		await smtp?.close();
	});

	/** Each person's browser context, opened in their first step and kept; with what went wrong in their pages. */
	const people = new Map<string, { page: Page; problems: string[] }>();
	async function person(who: string, logIn?: RegExp) {
		const known = people.get(who);
		if (known) return known;
		const context = await browser.newContext({ baseURL: server.url, locale: 'nl-BE' });
		const page = await context.newPage();
		const problems = watchProblems(page);
		if (logIn) await logInAs(page, server.url, logIn);
		// After logging in (the identity provider's pages are not the app's): no script of the app runs.
		await blockPageScriptsKeepRedirects(context);
		const made = { page, problems };
		people.set(who, made);
		return made;
	}

	let failed: string | null = null;
	function step(name: string, run: () => Promise<void>) {
		it(name, async ({ skip }) => {
			if (failed) skip(`skipped: “${failed}” failed`);
			try {
				await run();
			} catch (err) {
				failed = name;
				throw err;
			}
		});
	}

	// What the story carries from step to step.
	let suggestion: { title: string; path: string };
	let eventId: string;
	let eventPath: string;
	let lotteConfirmed: CaughtMail;

	step('Lotte finds her suggestion among her activity and joins the pool of climate makers', async () => {
		const { page } = await person('lotte', /Lotte Peeters/);
		await visit(page, '/profiel/activiteit', { until: 'load' });
		await checkA11y(page, 'mijn activiteit');
		// Her published suggestion of the unpaving map (the other one still waits for the moderator).
		const mine = page
			.getByRole('region', { name: /^Mijn suggesties/ })
			.getByRole('listitem')
			.filter({ hasText: 'Gepubliceerd' })
			.first()
			.getByRole('link');
		suggestion = { title: (await mine.textContent())!.trim(), path: (await mine.getAttribute('href'))! };
		expect(suggestion.path).toMatch(/^\/geel\/suggesties\/\d+-/);

		await visit(page, '/profiel/pool?gemeente=geel', { until: 'load' });
		await checkA11y(page, 'pool question');
		await page.getByRole('button', { name: 'Ja, hou me op de hoogte' }).press('Enter');
		await page.waitForURL(/gelukt=pool-ja/);
		await shown(page, 'text=Welkom in de pool van klimaatmakers van Geel');
		await checkA11y(page, 'pool joined');
	});

	step(
		'Geel’s admin creates a working group of two places for the action’s working-group opportunity',
		async () => {
			const { page } = await person('staff', /An Willems/);
			await visit(page, '/geel/beheer/activiteiten/nieuw', { until: 'load' });
			await checkA11y(page, 'nieuwe activiteit');
			const day = new Date(Date.now() + 21 * 24 * 3600_000).toISOString().slice(0, 10);
			await page.getByLabel('Kans om mee te doen').selectOption({ label: `${ACTION} — ${OPPORTUNITY}` });
			await page.getByLabel('Soort activiteit').selectOption({ label: 'Werkgroep' });
			await page.getByLabel('Titel').fill(TITLE);
			await page.getByLabel('Begint op').fill(`${day}T19:30`);
			await page.getByLabel('Eindigt op').fill(`${day}T21:30`);
			await page.getByLabel('Locatie').fill('Gemeenschapscentrum De Werft, zaal 2');
			await page.getByLabel('Adres').fill('Werft 32, 2440 Geel');
			await page.getByLabel('Aantal plaatsen').fill('2');
			await page.getByLabel('Publicatie', { exact: true }).selectOption('published');
			await page.getByRole('button', { name: 'Activiteit bewaren' }).click();
			await page.waitForURL(/\/geel\/beheer\/activiteiten\/\d+\?gelukt=aangemaakt$/);
			await shown(page, 'text=De activiteit is bewaard.');
			await checkA11y(page, 'activiteit bewaard');
			eventId = /activiteiten\/(\d+)/.exec(page.url())![1]!;
			expect(await page.locator('main').textContent()).toContain('0 van 2 plaatsen ingenomen');
			eventPath = (await page
				.getByRole('link', { name: 'Bekijk de activiteit op de website' })
				.getAttribute('href'))!;
			expect(eventPath).toMatch(new RegExp(`^/geel/activiteiten/${eventId}-`));
		}
	);

	step('she invites the pool: counted first, then sent', async () => {
		const { page } = await person('staff');
		await page.getByRole('link', { name: /^Uitnodigen/ }).click();
		await shown(page, 'h1:text("Uitnodigen voor")');
		await checkA11y(page, 'uitnodigen');
		await page.getByLabel('De pool van klimaatmakers van Geel').focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Tel wie de uitnodiging krijgt' }).press('Enter');
		await page.waitForURL(/doelgroep=pool/);
		await shown(page, '.count .number');
		const count = Number(/\d+/.exec((await page.locator('.count .number').textContent()) ?? '')![0]);
		expect(count).toBeGreaterThanOrEqual(1);
		await checkA11y(page, 'uitnodigen, geteld');
		// Sending without the tick is refused beside it; with it, the invitation goes.
		await page.getByRole('button', { name: 'Uitnodiging versturen' }).press('Enter');
		await shown(page, 'text=Vink aan dat je deze mensen nu wil uitnodigen.');
		await checkA11y(page, 'uitnodigen, niet aangevinkt');
		await page.getByLabel(/^Ja, nodig deze \d+ (persoon|mensen) nu uit$/).focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Uitnodiging versturen' }).press('Enter');
		await page.waitForURL(/gelukt=verstuurd/);
		await shown(page, `text=De uitnodiging is verstuurd naar ${count}`);
		await checkA11y(page, 'uitnodiging verstuurd');
	});

	step('Lotte registers from the invitation mail with one key press', async () => {
		const { page } = await person('lotte');
		const invitation = await smtp.waitFor(
			(m) => m.to.includes(LOTTE) && m.decoded.includes(`nodigt je uit voor "${TITLE}"`)
		);
		await visit(page, linkIn(invitation, /\/geel\/activiteiten\/uitnodiging\?token=[\w-]+/), {
			until: 'load'
		});
		await shown(page, `h1:text("Uitnodiging: ${TITLE}")`);
		await checkA11y(page, 'uitnodiging');
		await page.getByRole('button', { name: 'Schrijf me in' }).press('Enter');
		await shown(page, 'text=Je bent ingeschreven. Je krijgt een bevestiging per mail.');
		await checkA11y(page, 'ingeschreven via de uitnodiging');
		lotteConfirmed = await smtp.waitFor(
			(m) => m.to.includes(LOTTE) && m.decoded.includes(`Je bent ingeschreven voor "${TITLE}"`)
		);
		expect(lotteConfirmed.raw).toContain('text/calendar');

		// Her registration is among her activity, with where it stands.
		await visit(page, '/profiel/activiteit', { until: 'load' });
		const registered = page
			.getByRole('region', { name: /^Mijn inschrijvingen/ })
			.getByRole('listitem')
			.filter({ hasText: TITLE });
		expect(await registered.textContent()).toContain('Ingeschreven');
		await checkA11y(page, 'mijn activiteit met een inschrijving');
	});

	step('a neighbour takes the last place without an account, confirming from the mail', async () => {
		const { page } = await person('neighbour');
		// The page Lotte forwarded to the neighbours.
		await visit(page, eventPath, { until: 'load' });
		await shown(page, `h1:text("${TITLE}")`);
		await checkA11y(page, 'de activiteit, 1 plaats vrij');
		const about = (await page.locator('article').textContent()) ?? '';
		expect(about).toContain('Trede 5: Meebeslissen');
		expect(about).toContain(ACTION);
		expect(await page.locator('#inschrijven').textContent()).toContain('1 van de 2 plaatsen vrij');
		expect(await sveltekitRan(page)).toBe(false);

		// A mistyped address: refused beside the field, the name kept.
		await typeInto(page, 'Naam', NEIGHBOUR.name);
		await typeInto(page, 'E-mailadres', NEIGHBOUR.email.replace('@', '-at-'));
		await page.getByRole('button', { name: 'Schrijf me in' }).press('Enter');
		await shown(page, '#inschrijven .error');
		await checkA11y(page, 'inschrijving geweigerd');
		expect(await page.locator('#inschrijven').textContent()).toContain('Dit is geen geldig e-mailadres');
		expect(await page.getByLabel('Naam', { exact: true }).inputValue()).toBe(NEIGHBOUR.name);

		await typeInto(page, 'E-mailadres', NEIGHBOUR.email);
		await page.getByRole('button', { name: 'Schrijf me in' }).press('Enter');
		await page.waitForURL(/\?gelukt=bevestig-je-mail/);
		await shown(page, 'p.confirmation');
		await checkA11y(page, 'bevestig je mail');

		const mail = await smtp.waitFor((m) => m.to.includes(NEIGHBOUR.email));
		await visit(page, linkIn(mail, /\/geel\/activiteiten\/inschrijving\?token=[\w-]+/), { until: 'load' });
		await shown(page, 'h1:text("Inschrijving bevestigen")');
		await checkA11y(page, 'inschrijving bevestigen');
		await page.getByRole('button', { name: 'Bevestig mijn inschrijving' }).press('Enter');
		await page.waitForURL(/\?gelukt=ingeschreven/);
		await shown(page, 'p.confirmation');
		await checkA11y(page, 'ingeschreven, volzet');
		expect(await placesOf(page)).toBe('Volzet: 2 plaatsen bezet.');
	});

	step('the event is full: a third person goes on the waitlist, confirming from the mail', async () => {
		const { page } = await person('waiting');
		await visit(page, eventPath, { until: 'load' });
		await shown(page, `h1:text("${TITLE}")`);
		await checkA11y(page, 'de activiteit, volzet');
		expect(await page.locator('#inschrijven').textContent()).toContain('Zet je op de wachtlijst');
		await typeInto(page, 'Naam', WAITING.name);
		await typeInto(page, 'E-mailadres', WAITING.email);
		await page.getByRole('button', { name: 'Zet me op de wachtlijst' }).press('Enter');
		await page.waitForURL(/\?gelukt=bevestig-je-mail/);

		const mail = await smtp.waitFor((m) => m.to.includes(WAITING.email));
		await visit(page, linkIn(mail, /\/geel\/activiteiten\/inschrijving\?token=[\w-]+/), { until: 'load' });
		await shown(page, 'h1:text("Inschrijving bevestigen")');
		await page.getByRole('button', { name: 'Bevestig mijn inschrijving' }).press('Enter');
		await page.waitForURL(/\?gelukt=wachtlijst/);
		await shown(page, 'p.confirmation');
		await checkA11y(page, 'op de wachtlijst');
		expect(await page.locator('p.confirmation').textContent()).toContain('Je staat op de wachtlijst');
		expect(await page.locator('#inschrijven').textContent()).toContain('1 persoon op de wachtlijst');
	});

	step(
		'Lotte can’t come and cancels from her mail; the waitlisted person moves up and is mailed',
		async () => {
			const { page } = await person('lotte');
			await visit(page, linkIn(lotteConfirmed, /\/geel\/activiteiten\/inschrijving\?token=[\w-]+/), {
				until: 'load'
			});
			await shown(page, 'h1:text("Uitschrijven")');
			await checkA11y(page, 'uitschrijven');
			await page.getByRole('button', { name: 'Ja, schrijf me uit' }).press('Enter');
			await page.waitForURL(/\?gelukt=uitgeschreven/);
			await shown(page, 'p.confirmation');
			await checkA11y(page, 'uitgeschreven');
			expect(await page.locator('p.confirmation').textContent()).toContain('Je bent uitgeschreven');
			// Full again and nobody waiting: her place went to the waitlist.
			expect(await placesOf(page)).toBe('Volzet: 2 plaatsen bezet.');

			const movedUp = await smtp.waitFor(
				(m) => m.to.includes(WAITING.email) && m.decoded.includes('er kwam een plaats vrij')
			);
			expect(movedUp.decoded).toContain(TITLE);
			expect(movedUp.raw).toContain('text/calendar');
		}
	);

	step('staff tick who came', async () => {
		const { page } = await person('staff');
		await visit(page, `/geel/beheer/activiteiten/${eventId}/inschrijvingen`, { until: 'load' });
		await checkA11y(page, 'inschrijvingen');
		// Only people with a place can be ticked: not Lotte, who cancelled.
		expect(await page.getByRole('checkbox').count()).toBe(2);
		await page.getByLabel(NEIGHBOUR.name).check();
		await page.getByLabel(WAITING.name).check();
		await page.getByRole('button', { name: 'Aanwezigheden bewaren' }).click();
		await shown(page, 'text=De aanwezigheden zijn bewaard.');
		await checkA11y(page, 'aanwezigheden bewaard');
		expect(await page.locator('main').textContent()).toContain('2 aanwezig');
	});

	step('staff publish the report, choosing Lotte’s suggestion with an answer', async () => {
		const { page } = await person('staff');
		await visit(page, `/geel/beheer/activiteiten/${eventId}/verslag`, { until: 'load' });
		await checkA11y(page, 'verslag');
		expect(await page.getByLabel('Aantal aanwezigen').inputValue()).toBe('2');
		await page.getByLabel('Verslag', { exact: true }).fill(REPORT);
		await page.getByRole('checkbox', { name: suggestion.title, exact: true }).check();
		await page.getByLabel(`Antwoord bij ‘${suggestion.title}’`).fill(ANSWER);
		await page.getByRole('button', { name: 'Publiceer het verslag' }).click();
		await page.waitForURL(/gelukt=gepubliceerd/);
		await shown(page, 'text=Het verslag is gepubliceerd.');
		await checkA11y(page, 'verslag gepubliceerd');
	});

	step('Lotte is mailed that her suggestion was chosen, and sees it chosen with the answer', async () => {
		const { page } = await person('lotte');
		const mail = await smtp.waitFor(
			(m) => m.to.includes(LOTTE) && m.decoded.includes(`Het verslag van ‘${TITLE}’`)
		);
		expect(mail.decoded).toContain(`- ${suggestion.title}: `);
		// Everyone with a place is told too.
		for (const { email } of [NEIGHBOUR, WAITING])
			await smtp.waitFor((m) => m.to.includes(email) && m.decoded.includes(`Het verslag van ‘${TITLE}’`));

		await visit(page, linkIn(mail, new RegExp(`${eventPath}(?=\\s)`)), { until: 'load' });
		await shown(page, 'h2:text("Verslag")');
		await checkA11y(page, 'de activiteit met het verslag');
		const report = (await page.locator('.report').textContent()) ?? '';
		expect(report).toContain(REPORT);
		expect(report).toContain('2 mensen waren erbij.');
		await page.locator('.report').getByRole('link', { name: suggestion.title }).click();
		await page.waitForURL((url) => url.pathname === suggestion.path);
		await shown(page, 'h1');
		await checkA11y(page, 'de gekozen suggestie');
		expect(await page.locator('.meta').textContent()).toMatch(/Status:\s*Gekozen/);
		// The answer is the reason of the step "Gekozen" in the suggestion's own story.
		const chosenStep = page
			.getByRole('region', { name: 'Wat er met deze suggestie gebeurde' })
			.getByRole('listitem')
			.filter({ hasText: ANSWER });
		expect(await chosenStep.textContent()).toContain('Gekozen');
		for (const [who, { problems }] of people) expect(realProblems(problems), who).toEqual([]);
	});
});
