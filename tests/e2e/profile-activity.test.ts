// "Mijn activiteit" and the readable export, without JavaScript, as Lotte (a citizen of Geel): she follows an
// action and supports a suggestion, finds both under "Mijn activiteit", ends the follow there (told which, with
// the way back to the action's page), and finds her support on "Bekijk mijn gegevens". Axe on every page.
// Then a neighbourhood story: Lotte tells one with a photo without JavaScript (a PDF named .jpg refused beside
// the field, what she typed kept), finds it waiting under "Mijn activiteit"; Sofie (communication) publishes it
// on Geel's home with the keyboard only; a visitor, who saw Geel's home before (the page cache), now finds it
// there with its photo (no EXIF left), and Lotte is told and sees it published. Axe on every page.
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { jpegWithGps } from '../../src/lib/server/testing/images';
import { profile } from '../../src/lib/i18n/messages/nl/profile';
import {
	blockPageScripts,
	blockPageScriptsKeepRedirects,
	browserJourney,
	checkA11y,
	sveltekitRan,
	shown,
	visit
} from './support';

// Its own server: the journey follows and supports demo content, which other journeys may count.
const journey = browserJourney();
const { logInAs } = journey;
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

describe('mijn activiteit', () => {
	it('follow and support → find them → unfollow with a way back → the readable export', async () => {
		await logInAs(/Lotte Peeters/);
		expect(problems).toEqual([]);
		// The rest without JavaScript, in a context of its own (its blocked scripts are no problem to report).
		const noJs = await journey.browser.newContext({
			baseURL: journey.server.url,
			locale: 'nl-BE',
			storageState: await journey.context.storageState()
		});
		await blockPageScripts(noJs);
		page = await noJs.newPage();
		try {
			await walk();
		} finally {
			await noJs.close();
		}
	}, 120_000);
});

/** Follow and support, find both, unfollow, then the readable export: on `page`, without JavaScript. */
async function walk() {
	// Follow an action.
	await visit(page, '/geel/acties');
	await page.locator('main h2 a, main h3 a').first().click();
	await page.waitForLoadState('load');
	expect(await sveltekitRan(page)).toBe(false);
	const actionTitle = (await page.locator('h1').textContent())!.trim();
	const actionUrl = new URL(page.url()).pathname;
	await page.locator('#volgen').getByRole('button', { name: 'Volg deze actie' }).click();
	await shown(page, 'text=Je volgt nu deze actie.');

	// Support a suggestion, from the map a rung page leads to.
	await visit(page, '/geel/acties/trede/2');
	await page.locator('ul.grid a.button[href*="/kansen/"]').first().click();
	await page.waitForLoadState('load');
	await page.locator('a[href*="/suggesties/"]').first().click();
	await page.waitForLoadState('load');
	const suggestionTitle = (await page.locator('h1').textContent())!.trim();
	await page.locator('button', { hasText: 'Steun deze suggestie' }).click();
	await page.waitForLoadState('load');

	// Both under "Mijn activiteit", reached from the profile.
	await visit(page, '/profiel');
	await page.getByRole('link', { name: /^Mijn activiteit/ }).click();
	await page.waitForURL(/\/profiel\/activiteit$/);
	expect(await page.locator('h1').textContent()).toBe('Mijn activiteit');
	await checkA11y(page, 'mijn activiteit');
	const actions = page.getByRole('region', { name: /^Acties die ik volg/ });
	expect(await actions.getByRole('link', { name: actionTitle }).count()).toBe(1);
	const supported = page.getByRole('region', { name: /^Wat ik steun/ });
	expect(await supported.getByRole('link', { name: suggestionTitle }).count()).toBe(1);

	// End the follow: told which, with the way back; the list no longer has it.
	await actions.getByRole('button', { name: `Niet meer volgen: ${actionTitle}` }).click();
	await page.waitForLoadState('load');
	const status = page.getByRole('status');
	expect(await status.textContent()).toContain(`Je volgt "${actionTitle}" niet meer.`);
	expect(
		await page
			.getByRole('region', { name: /^Acties die ik volg/ })
			.getByRole('link', { name: actionTitle })
			.count()
	).toBe(0);
	await checkA11y(page, 'mijn activiteit, after unfollowing');
	await status.getByRole('link').click();
	await page.waitForLoadState('load');
	expect(new URL(page.url()).pathname).toBe(actionUrl);
	expect(await page.locator('#volgen').getByRole('button', { name: 'Volg deze actie' }).count()).toBe(1);

	// The readable export: the same sections as the JSON file.
	await visit(page, '/profiel');
	await page.getByRole('link', { name: 'Bekijk mijn gegevens' }).click();
	await page.waitForURL(/\/profiel\/gegevens$/);
	expect(await page.locator('h1').textContent()).toBe('Mijn gegevens');
	const votes = page.getByRole('region', { name: 'Suggesties die je steunt' });
	expect(await votes.textContent()).toContain(suggestionTitle);
	const you = page.getByRole('region', { name: 'Jij' });
	expect(await you.textContent()).toContain('Lotte');
	// Every field under its Dutch label from the catalogue, none under the export's own name (displayName, …).
	const terms = await page.locator('main dt').allTextContents();
	expect(await you.locator('dt').allTextContents()).toEqual(
		expect.arrayContaining(['Naam op Meedoen', 'E-mailadres'])
	);
	const names = Object.keys(profile.export.fields);
	expect(terms.filter((term) => names.includes(term.trim()))).toEqual([]);
	// The codes in the records under their Dutch names too (how often she gets mail), never as the code.
	const frequency = await you.locator('dt:text-is("Hoe vaak je mails krijgt") + dd').textContent();
	expect(['Meteen', 'Dagelijks', 'Wekelijks', 'Nooit']).toContain(frequency!.trim());
	const descriptions = (await page.locator('main dd').allTextContents()).map((d) => d.trim());
	const codes = [
		'immediate',
		'daily',
		'weekly',
		'never',
		'privacy',
		'updates',
		'pool',
		'published',
		'approved'
	];
	expect(descriptions.filter((d) => codes.includes(d))).toEqual([]);
	await checkA11y(page, 'mijn gegevens');
}

const STORY = {
	title: 'Zes geveltuinen in de Pas',
	body: 'Met zes buren haalden we de tegels voor onze gevels weg.\n\nNu bloeien er lavendel en kattenkruid.',
	initiative: 'Buren van de Pas',
	alt: 'Zes buren met spades voor een rij huizen'
};

/** A context of Lotte's session in which the page's own scripts do not run. */
async function withoutJavaScript(
	journey: { browser: { newContext: (o: object) => Promise<BrowserContext> } },
	from: BrowserContext,
	url: string
) {
	const noJs = await journey.browser.newContext({
		baseURL: url,
		locale: 'nl-BE',
		storageState: await from.storageState()
	});
	// The address follows the 303 after the form (post/redirect/get), as in a browser without JavaScript.
	await blockPageScriptsKeepRedirects(noJs);
	return noJs;
}

/** Reaches an element with the keyboard's focus and activates it with Enter (or Space for a radio). */
async function press(page: Page, locator: ReturnType<Page['locator']>, key: 'Enter' | 'Space' = 'Enter') {
	await locator.focus();
	await page.keyboard.press(key);
}

describe('verhalen uit de buurt', () => {
	it('tell a story without JavaScript → staff publish it with the keyboard → on the home with its photo', async () => {
		const url = journey.server.url;
		// A visitor's Geel home before: the page cache keeps it, and publishing must clear it.
		const visitor = await journey.browser.newContext({ baseURL: url, locale: 'nl-BE' });
		const visitorPage = await visitor.newPage();
		await visit(visitorPage, '/geel', { until: 'load' });
		const homeStories = visitorPage.getByRole('region', { name: 'Verhalen uit de buurt' });
		expect(await homeStories.getByRole('link', { name: 'Twaalf geveltuinen in één zaterdag' }).count()).toBe(
			1
		);
		expect(await homeStories.getByRole('link', { name: STORY.title }).count()).toBe(0);
		await checkA11y(visitorPage, 'geel home with stories');

		await logInAs(/Lotte Peeters/);
		const noJs = await withoutJavaScript(journey, journey.context, url);
		const lotte = await noJs.newPage();
		try {
			// From the home to the form.
			await visit(lotte, '/geel', { until: 'load' });
			await lotte.getByRole('link', { name: 'Deel het verhaal van je buurtinitiatief' }).click();
			await lotte.waitForURL(/\/geel\/verhalen\/nieuw$/);
			expect(await sveltekitRan(lotte)).toBe(false);
			await checkA11y(lotte, 'story form');
			await lotte.getByLabel('Titel', { exact: true }).fill(STORY.title);
			await lotte.getByLabel('Je verhaal', { exact: true }).fill(STORY.body);
			await lotte.getByLabel('Naam van jullie initiatief').fill(STORY.initiative);
			await lotte.getByLabel('Wat staat er op de foto?').fill(STORY.alt);
			await lotte.getByLabel(/Ja, publiceer het met mijn naam/).check();
			// A PDF named .jpg: refused beside the field, what she typed still there.
			await lotte.getByLabel('Foto (niet verplicht)').setInputFiles({
				name: 'tuin.jpg',
				mimeType: 'image/jpeg',
				buffer: Buffer.from('%PDF-1.7\n%%EOF')
			});
			await lotte.getByRole('button', { name: 'Verhaal indienen' }).click();
			await shown(lotte, '#photo-error');
			expect(await lotte.locator('#photo-error').textContent()).toContain('Dit bestand is geen foto');
			expect(await lotte.getByLabel('Titel', { exact: true }).inputValue()).toBe(STORY.title);
			expect(await lotte.getByLabel('Je verhaal', { exact: true }).inputValue()).toBe(STORY.body);
			await checkA11y(lotte, 'story form, refused');
			// A phone's photo, with where it was taken in it.
			await lotte.getByLabel('Foto (niet verplicht)').setInputFiles({
				name: 'tuin.jpg',
				mimeType: 'image/jpeg',
				buffer: await jpegWithGps(1200, 900)
			});
			await lotte.getByRole('button', { name: 'Verhaal indienen' }).click();
			await lotte.waitForURL(/\/geel\/verhalen\/bedankt\?verhaal=\d+$/);
			expect(await lotte.locator('h1').textContent()).toBe('Bedankt voor je verhaal');
			expect(await lotte.getByRole('status').textContent()).toContain(STORY.title);
			await checkA11y(lotte, 'story sent');
			await lotte.getByRole('link', { name: 'Volg je verhaal op in Mijn activiteit' }).click();
			await lotte.waitForURL(/\/profiel\/activiteit$/);
			const mine = lotte.getByRole('region', { name: /^Mijn verhalen/ });
			expect(await mine.textContent()).toContain(STORY.title);
			expect(await mine.textContent()).toContain('Wacht op nalezing door de gemeente');

			// Sofie (communication) publishes it on the home, with the keyboard only.
			const staff = await journey.browser.newContext({ baseURL: url, locale: 'nl-BE' });
			const sofie = await staff.newPage();
			try {
				await journey.logInAs(/Sofie Wouters/, sofie);
				await visit(sofie, '/geel/beheer/verhalen?status=submitted');
				await checkA11y(sofie, 'stories queue');
				await press(sofie, sofie.getByRole('link', { name: STORY.title }));
				await sofie.waitForURL(/\/geel\/beheer\/verhalen\/\d+$/);
				await sofie.waitForLoadState('networkidle');
				expect(await sofie.getByRole('img', { name: STORY.alt }).count()).toBe(1);
				await checkA11y(sofie, 'story in the back office');
				await press(sofie, sofie.getByLabel('Op de startpagina, bij “Verhalen uit de buurt”'), 'Space');
				await press(sofie, sofie.getByRole('button', { name: 'Publiceren' }));
				await sofie.waitForURL(/\?gelukt=gepubliceerd$/);
				await sofie.waitForLoadState('networkidle');
				expect(await sofie.getByText('Het verhaal staat op de startpagina.').count()).toBe(1);
				await checkA11y(sofie, 'story published');
			} finally {
				await staff.close();
			}

			// The visitor now finds it on Geel's home, and its page with the photo.
			await visit(visitorPage, '/geel', { until: 'load' });
			const link = visitorPage
				.getByRole('region', { name: 'Verhalen uit de buurt' })
				.getByRole('link', { name: STORY.title });
			expect(await link.count()).toBe(1);
			await link.click();
			await visitorPage.waitForURL(/\/geel\/verhalen\/\d+$/);
			expect(await visitorPage.locator('h1').textContent()).toBe(STORY.title);
			expect(await visitorPage.getByText(/Verteld door Lotte P\., Buren van de Pas/).count()).toBe(1);
			const photo = visitorPage.getByRole('img', { name: STORY.alt });
			const src = await photo.getAttribute('src');
			const served = await visitorPage.request.get(src!);
			expect(served.status()).toBe(200);
			const meta = await sharp(await served.body()).metadata();
			expect(meta.exif).toBeUndefined();
			await checkA11y(visitorPage, 'story page');

			// Lotte is told, and sees it published.
			await expect
				.poll(
					async () => {
						await visit(lotte, '/meldingen', { until: 'load' });
						return lotte.locator('main').textContent();
					},
					{ timeout: 20_000 }
				)
				.toContain(`Je verhaal “${STORY.title}” staat online`);
			await checkA11y(lotte, 'notifications');
			await visit(lotte, '/profiel/activiteit', { until: 'load' });
			expect(await lotte.getByRole('region', { name: /^Mijn verhalen/ }).textContent()).toContain(
				'Gepubliceerd op de startpagina'
			);
			await checkA11y(lotte, 'mijn activiteit with a published story');
		} finally {
			await noJs.close();
			await visitor.close();
		}
	}, 180_000);
});
