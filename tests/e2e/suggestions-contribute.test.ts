// A citizen of Geel adds a suggestion without JavaScript and with the keyboard only (through the login,
// keeping what they typed, past "Bedoel je één van deze?"), then supports, comments, replies and reports on
// a listed suggestion. Axe checks every page on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import sharp from 'sharp';
import {
	blockPageScriptsKeepRedirects,
	checkA11y,
	geelOpportunity,
	launchBrowser,
	logInOverHttp,
	realProblems,
	shown,
	sveltekitRan,
	visit,
	watchProblems,
	type RunningServer
} from './support';
import { jpegWithGps } from '../../src/lib/server/testing/images';

/** Types into a field reached with the keyboard: focus by Tab order is what a person does; we focus it. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
	const field = page.getByLabel(label, { exact: typeof label === 'string' });
	await field.focus();
	await page.keyboard.type(text);
}

async function logInAsLotte(page: Page) {
	await page.waitForURL(/\/aanmelden\?verzoek=[\w-]+&terug=/);
	await checkA11y(page, 'login page');
	await page.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' }).press('Enter');
	await shown(page, 'h1:text("Aanmelden bij de ontwikkel-identiteitsprovider")');
	await page.getByRole('button', { name: /Lotte Peeters/ }).press('Enter');
}

describe('contributing suggestions', () => {
	const baseURL = inject('baseURL');
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let problems: string[];

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});
	beforeEach(async () => {
		context = await browser.newContext({ baseURL, locale: 'nl-BE' });
		await blockPageScriptsKeepRedirects(context);
		page = await context.newPage();
		problems = watchProblems(page);
	});
	afterEach(async () => {
		await context?.close();
	});

	it('adds a suggestion without JavaScript: login keeps the text, similar ones first, then pending', async () => {
		const opportunityId = await geelOpportunity(baseURL, 'Plekken om te ontharden en te vergroenen');
		const formPath = `/geel/kansen/${opportunityId}/nieuw`;
		const response = await visit(page, formPath);
		expect(response.status()).toBe(200);
		expect(await sveltekitRan(page)).toBe(false);
		expect(await page.locator('h1').textContent()).toBe('Een suggestie toevoegen');
		expect(await page.getByText('Je moet aangemeld zijn om een suggestie in te dienen.').isVisible()).toBe(
			true
		);
		await checkA11y(page, 'add a suggestion (visitor)');

		const title = 'Pleintje aan de kerk vergroenen met bomen';
		await typeInto(page, 'Titel', title);
		await typeInto(page, 'Beschrijving', 'Tegels eruit, <script>alert(1)</script> bomen en bankjes erin.');
		await typeInto(page, 'Adres of plek', 'Sint-Amandsplein, Geel');
		await page.getByRole('button', { name: 'Suggestie indienen' }).press('Enter');

		await logInAsLotte(page);
		await page.waitForURL((url) => url.pathname === formPath && url.searchParams.has('concept'));
		// What the visitor typed waited for them across the login.
		expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(title);
		expect(await page.getByLabel('Adres of plek').inputValue()).toBe('Sint-Amandsplein, Geel');
		await checkA11y(page, 'add a suggestion (after login)');
		await page.getByRole('button', { name: 'Suggestie indienen' }).press('Enter');

		await shown(page, 'h2:text("Bedoel je één van deze?")');
		expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(title);
		const similar = page.locator('.similar li a');
		expect(await similar.count()).toBeGreaterThan(0);
		await checkA11y(page, 'similar suggestions');
		await page.getByRole('button', { name: 'Toch indienen' }).press('Enter');

		await page.waitForURL(
			/\/geel\/suggesties\/\d+-pleintje-aan-de-kerk-vergroenen-met-bomen\?gelukt=ingediend$/
		);
		expect(await page.getByRole('status').first().textContent()).toContain(
			'Bedankt! Je suggestie is ingediend en wacht op goedkeuring door de gemeente.'
		);
		expect(await page.locator('h1').textContent()).toBe(title);
		expect(await page.getByText('Deze suggestie wacht op goedkeuring door de gemeente.').isVisible()).toBe(
			true
		);
		expect(
			await page.getByText('Nog niet op de kaart: de gemeente plaatst deze suggestie.').isVisible()
		).toBe(true);
		expect(await page.getByText('Je volgt deze suggestie.', { exact: true }).isVisible()).toBe(true);
		// The script was stored as text and is shown escaped, never run or injected.
		expect(await page.locator('article script').count()).toBe(0);
		expect(await page.locator('.markdown').first().textContent()).toContain('<script>alert(1)</script>');
		await checkA11y(page, 'own pending suggestion');

		// Anyone else gets a 404 for it.
		const anonymous = await fetch(`${baseURL}${new URL(page.url()).pathname}`);
		expect(anonymous.status).toBe(404);

		// A file that is not a photo is refused beside the field, and what was typed stays.
		await visit(page, formPath);
		await typeInto(page, 'Titel', 'Een heel ander voorstel voor de Markt');
		await typeInto(page, 'Beschrijving', 'Meer groen op de Markt.');
		await typeInto(page, 'Breedtegraad (niet verplicht)', '48,85');
		await typeInto(page, 'Lengtegraad (niet verplicht)', '2,35');
		await page.getByLabel('Foto (niet verplicht)').setInputFiles({
			name: 'foto.jpg',
			mimeType: 'image/jpeg',
			buffer: Buffer.from('Dit is geen foto maar tekst.')
		});
		await typeInto(page, 'Beschrijf wat er op de foto staat', 'De Markt');
		await page.getByRole('button', { name: 'Suggestie indienen' }).press('Enter');
		await shown(page, 'text=Dit bestand is geen foto.');
		// What was typed stays as typed, decimal comma and all.
		expect(await page.getByLabel('Breedtegraad (niet verplicht)').inputValue()).toBe('48,85');
		expect(await page.getByText('Deze plaats ligt niet in Vlaanderen.').isVisible()).toBe(true);
		expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(
			'Een heel ander voorstel voor de Markt'
		);
		expect(await page.getByLabel('Foto (niet verplicht)').getAttribute('aria-invalid')).toBe('true');
		await checkA11y(page, 'add a suggestion with errors');
		expect(realProblems(problems)).toEqual([]);
	});

	it('supports and withdraws, comments and replies, and reports a comment', async () => {
		// Under post-moderation, without a vote limit: the roofs for solar panels.
		const opportunityId = await geelOpportunity(baseURL, 'Daken die geschikt zijn voor zonnepanelen');
		await visit(page, `/geel/kansen/${opportunityId}/nieuw`);
		await typeInto(page, 'Titel', 'Dak van basisschool');
		await typeInto(page, 'Beschrijving', 'Zonnepanelen op de school.');
		await typeInto(page, 'Adres of plek', 'Geel');
		await page.getByRole('button', { name: 'Suggestie indienen' }).press('Enter');
		await logInAsLotte(page);
		await page.waitForURL(/concept=/);
		await page.getByRole('button', { name: 'Suggestie indienen' }).press('Enter');
		await shown(page, 'h2:text("Bedoel je één van deze?")');
		const link = page.locator('.similar li a').first();
		const suggestionPath = (await link.getAttribute('href'))!;
		await link.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === suggestionPath);
		await checkA11y(page, 'a listed suggestion');

		const votes = async () => (await page.locator('#vote-heading + p').textContent())!.trim();
		const before = await votes();
		await page.getByRole('button', { name: /^Steun deze suggestie: "/ }).press('Enter');
		await shown(page, '[role="status"] >> text=Je steunt deze suggestie.');
		const after = await votes();
		expect(Number(after.split(' ')[0])).toBe(Number(before.split(' ')[0]) + 1);
		// Post/redirect/get: the address is the page's own with the message, so a reload posts nothing.
		expect(page.url()).toBe(`${baseURL}${suggestionPath}?gelukt=gesteund`);
		const posts: string[] = [];
		page.on('request', (r) => {
			if (r.method() !== 'GET') posts.push(r.url());
		});
		await page.reload();
		expect(posts).toEqual([]);
		expect(await votes()).toBe(after);
		expect(await page.getByRole('status').textContent()).toContain('Je steunt deze suggestie.');
		await checkA11y(page, 'suggestion, supported');
		await page.getByRole('button', { name: /^Trek je steun in: "/ }).press('Enter');
		await shown(page, 'text=Je steunt deze suggestie niet meer.');
		expect(await votes()).toBe(before);
		expect(page.url()).toBe(`${baseURL}${suggestionPath}?gelukt=steun-ingetrokken`);

		// A vote from a list returns there (the `terug` field).
		const listed = await context.request.post(`${suggestionPath}?/vote`, {
			form: { terug: '/geel' },
			headers: { origin: baseURL, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(listed.status()).toBe(303);
		expect(listed.headers()['location']).toBe('/geel');
		const evil = await context.request.post(`${suggestionPath}?/unvote`, {
			form: { terug: '//evil.example' },
			headers: { origin: baseURL, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(evil.headers()['location'] ?? '').not.toContain('evil');

		await typeInto(page, 'Je reactie', 'Goed idee, <b>echt</b>!');
		await page.getByRole('button', { name: 'Reageer', exact: true }).press('Enter');
		await shown(page, 'text=Je reactie staat online.');
		const mine = page.locator('.comment', { hasText: 'Goed idee, <b>echt</b>!' });
		expect(await mine.count()).toBe(1);
		expect(page.url()).toBe(`${baseURL}${suggestionPath}?gelukt=gereageerd`);
		posts.length = 0;
		await page.reload();
		expect(posts).toEqual([]);
		expect(await mine.count()).toBe(1);
		await checkA11y(page, 'suggestion, commented');

		// Someone else (the citizen of Mol, over HTTP) comments too, so there is always another's comment.
		const neighbour = await logInOverHttp({ url: baseURL } as RunningServer, 'dev-citizen-mol');
		const theirs = await neighbour.fetch(new URL(`${suggestionPath}?/comment`, baseURL), {
			method: 'POST',
			form: { body: 'Ook ons dak zou kunnen.', parentId: '' }
		});
		expect(theirs.status).toBeLessThan(400);
		await visit(page, suggestionPath);

		// Reply to the comment of someone else, then report it.
		const other = page
			.locator('.comments > li > .comment')
			.filter({ hasText: 'Ook ons dak zou kunnen.' })
			.first();
		expect(await other.count()).toBe(1);
		const target = other;
		// "Antwoord" and "Reactie melden" sit side by side with the usual gap, not a wide hole between them.
		const textBox = (label: string) =>
			target
				.locator('summary', { hasText: label })
				.first()
				.evaluate((summary) => {
					const range = document.createRange();
					range.selectNodeContents(summary);
					const r = range.getBoundingClientRect();
					return { left: r.left, right: r.right, top: r.top };
				});
		const answerText = await textBox('Antwoord');
		const reportText = await textBox('Reactie melden');
		expect(Math.abs(reportText.top - answerText.top)).toBeLessThan(2);
		// The tools' gap and the second summary's marker, not the first one's empty width.
		expect(reportText.left - answerText.right).toBeLessThanOrEqual(40);
		await target.locator('summary', { hasText: 'Antwoord' }).first().press('Enter');
		const replyField = target.getByLabel(/^Je antwoord op /).first();
		await replyField.focus();
		await page.keyboard.type('Daar ben ik het mee eens.');
		await target.getByRole('button', { name: 'Antwoord plaatsen' }).first().press('Enter');
		await shown(page, 'text=Je reactie staat online.');
		expect(await page.locator('.replies', { hasText: 'Daar ben ik het mee eens.' }).count()).toBe(1);
		await checkA11y(page, 'suggestion, replied');

		const reported = page
			.locator('.comments > li > .comment')
			.filter({ hasText: 'Ook ons dak zou kunnen.' })
			.first();
		await reported.locator('summary', { hasText: 'Reactie melden' }).first().press('Enter');
		await reported.getByLabel('Waarom meld je dit?').first().selectOption('offensive');
		await reported.getByRole('button', { name: 'Melden' }).first().press('Enter');
		await shown(page, 'text=Bedankt voor je melding. De gemeente bekijkt ze.');
		expect(page.url()).toBe(`${baseURL}${suggestionPath}?gelukt=gemeld`);
		await checkA11y(page, 'suggestion, reported');

		// The write API with the same session: two tabs voting at once count once; DELETE takes it back.
		const id = Number(/\/suggesties\/(\d+)-/.exec(suggestionPath)![1]);
		const put = () => context.request.put(`/api/v1/suggestions/${id}/vote`, { headers: { origin: baseURL } });
		const [a, b] = await Promise.all([put(), put()]);
		expect([a.status(), b.status()]).toEqual([200, 200]);
		const counts = [(await a.json()).voteCount, (await b.json()).voteCount];
		expect(counts[0]).toBe(counts[1]);
		const removed = await context.request.delete(`/api/v1/suggestions/${id}/vote`, {
			headers: { origin: baseURL }
		});
		expect(await removed.json()).toMatchObject({ voted: false, voteCount: counts[0] - 1 });
		const formBody = await context.request.put(`/api/v1/suggestions/${id}/vote`, {
			headers: { origin: baseURL, 'content-type': 'application/x-www-form-urlencoded' },
			data: 'a=1'
		});
		expect([403, 415]).toContain(formBody.status());
		const created = await context.request.post(`/api/v1/opportunities/${opportunityId}/suggestions`, {
			headers: { origin: baseURL, 'content-type': 'application/json' },
			data: JSON.stringify({ title: '', body: 'x'.repeat(100_000), lat: 'NaN' })
		});
		expect(created.status()).toBe(422);
		const problem = await created.json();
		expect(Object.keys(problem.errors).sort()).toEqual(['body', 'lat', 'title']);

		// Follow and unfollow.
		await page.getByRole('button', { name: 'Volg deze suggestie' }).press('Enter');
		await shown(page, '[role="status"] >> text=Je volgt deze suggestie. Hier en bij');
		await page.getByRole('button', { name: 'Niet meer volgen' }).press('Enter');
		await shown(page, 'text=Je volgt deze suggestie niet meer.');
		expect(page.url()).toBe(`${baseURL}${suggestionPath}?gelukt=niet-meer-gevolgd`);
		expect(realProblems(problems)).toEqual([]);
	});

	it('takes a photo, and answers a 50 MB upload with a calm Dutch page', async () => {
		const opportunityId = await geelOpportunity(baseURL, 'Daken die geschikt zijn voor zonnepanelen');
		const formPath = `/geel/kansen/${opportunityId}/nieuw`;
		await visit(page, `/aanmelden?terug=${encodeURIComponent(formPath)}`);
		await page
			.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' })
			.press('Enter');
		await shown(page, 'h1:text("Aanmelden bij de ontwikkel-identiteitsprovider")');
		await page.getByRole('button', { name: /Lotte Peeters/ }).press('Enter');
		await page.waitForURL((url) => url.pathname === formPath);

		// A real (small) photo goes through, resized and without its metadata, and is shown with its alt text.
		// It is placed on a listed suggestion, so "Bedoel je één van deze?" always comes first and the photo
		// must survive that step.
		const listed = (await (
			await fetch(`${baseURL}/api/v1/opportunities/${opportunityId}/suggestions?limit=50`)
		).json()) as { data: { location: { lat: number; lng: number } | null }[] };
		const near = listed.data.find((s) => s.location)!.location!;
		const jpeg = await jpegWithGps(2000, 1500);
		await typeInto(page, 'Titel', `Zonnedak op de loods ${Date.now()}`);
		await typeInto(page, 'Beschrijving', 'Een groot plat dak op het zuiden.');
		await typeInto(page, 'Breedtegraad (niet verplicht)', near.lat.toFixed(5).replace('.', ','));
		await typeInto(page, 'Lengtegraad (niet verplicht)', near.lng.toFixed(5).replace('.', ','));
		await page
			.getByLabel('Foto (niet verplicht)')
			.setInputFiles({ name: 'dak.jpg', mimeType: 'image/jpeg', buffer: jpeg });
		await typeInto(page, 'Beschrijf wat er op de foto staat', 'Een plat dak met grind');
		await page.getByRole('button', { name: 'Suggestie indienen' }).press('Enter');
		await shown(page, 'h2:text("Bedoel je één van deze?")');
		expect(await page.getByText('Je foto is bewaard.').isVisible()).toBe(true);
		// What was typed is all still there (the coordinates were lost here once, in the server's rendering).
		expect(await page.getByLabel('Breedtegraad (niet verplicht)').inputValue()).toBe(
			near.lat.toFixed(5).replace('.', ',')
		);
		await page.getByRole('button', { name: 'Toch indienen' }).press('Enter');
		await page.waitForURL(/\/geel\/suggesties\/\d+-zonnedak-op-de-loods-\d+\?gelukt=online$/);
		const photo = page.getByRole('img', { name: 'Een plat dak met grind' });
		expect(await photo.count()).toBe(1);
		const served = await context.request.get((await photo.getAttribute('src'))!);
		expect(served.status()).toBe(200);
		expect(served.headers()['content-type']).toBe('image/jpeg');
		const stored = await sharp(await served.body()).metadata();
		expect([stored.width, stored.height, stored.exif]).toEqual([1600, 1200, undefined]);
		await checkA11y(page, 'suggestion with a photo');

		// 50 MB: larger than the server reads, so the form cannot keep the text; it says so in Dutch.
		const huge = await context.request.post(formPath, {
			headers: { origin: baseURL, accept: 'text/html' },
			multipart: {
				title: 'Te grote foto',
				body: 'Met een foto van 50 MB.',
				photo: { name: 'groot.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(50 * 1024 * 1024, 0xff) }
			},
			maxRedirects: 0
		});
		expect(huge.status()).toBe(413);
		const html = await huge.text();
		expect(html).toContain('Wat je verstuurde is te groot');
		expect(html).not.toContain('Er ging iets mis');
		expect(realProblems(problems)).toEqual([]);
	});

	it('with JavaScript, a click on the map fills the coordinates, also without a base map', async () => {
		const withJs = await browser.newContext({ baseURL, locale: 'nl-BE' });
		try {
			const jsPage = await withJs.newPage();
			const jsProblems = watchProblems(jsPage);
			const opportunityId = await geelOpportunity(baseURL, 'Plekken om te ontharden en te vergroenen');
			await visit(jsPage, `/geel/kansen/${opportunityId}/nieuw`);
			await jsPage.waitForSelector('.place .leaflet-container');
			// TILE_URL=none in the journeys: the marker works on a plain background, and the page says so.
			await jsPage.waitForSelector('text=De achtergrondkaart is niet beschikbaar.');
			const map = jsPage.locator('.place .leaflet-container');
			await map.scrollIntoViewIfNeeded();
			const box = (await map.boundingBox())!;
			await jsPage.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 - 30);
			// Shown with a decimal comma, as the hint ("Bijvoorbeeld 51,16 en 4,99.") and Belgian readers write it.
			const latText = await jsPage.getByLabel('Breedtegraad (niet verplicht)').inputValue();
			const lngText = await jsPage.getByLabel('Lengtegraad (niet verplicht)').inputValue();
			expect(latText).toMatch(/^\d+,\d{1,6}$/);
			expect(lngText).toMatch(/^\d+,\d{1,6}$/);
			const lat = Number(latText.replace(',', '.'));
			const lng = Number(lngText.replace(',', '.'));
			// Without tiles the map is no blank box: a grid to see it move, and zoom buttons (for the mouse and
			// touch; the typed fields are the keyboard's way, so the buttons are out of the tab order).
			const zoomIn = jsPage.locator('.place .leaflet-control-zoom-in');
			expect(await zoomIn.getAttribute('title')).toBe('Inzoomen');
			expect(await zoomIn.getAttribute('tabindex')).toBe('-1');
			expect(await jsPage.locator('.place .leaflet-control-zoom-out').getAttribute('title')).toBe(
				'Uitzoomen'
			);
			expect(await map.locator('.map-grid-tile').count(), 'a plain grey box').toBeGreaterThan(0);
			expect(lat).toBeGreaterThan(51.1);
			expect(lat).toBeLessThan(51.25);
			expect(lng).toBeGreaterThan(4.9);
			expect(lng).toBeLessThan(5.1);
			expect(await jsPage.locator('.place-picker-marker').count()).toBe(1);
			await checkA11y(jsPage, 'add a suggestion with the map', { targetSize: true });
			expect(jsProblems).toEqual([]);
		} finally {
			await withJs.close();
		}
	});

	it('answers the API with problem documents and counts votes once', async () => {
		const opportunityId = await geelOpportunity(baseURL, 'Daken die geschikt zijn voor zonnepanelen');
		const unauth = await fetch(`${baseURL}/api/v1/opportunities/${opportunityId}/suggestions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: baseURL },
			body: JSON.stringify({ title: 'x', body: 'y' })
		});
		expect(unauth.status).toBe(401);
		expect(unauth.headers.get('content-type')).toContain('application/problem+json');
		const form = await fetch(`${baseURL}/api/v1/opportunities/${opportunityId}/suggestions`, {
			method: 'POST',
			headers: { 'content-type': 'text/plain', origin: baseURL },
			body: 'title=x'
		});
		expect([403, 415]).toContain(form.status);
		// Votes over the API count once: two at the same moment (two tabs) and a third later add one vote.
		const listed = (await (
			await fetch(`${baseURL}/api/v1/opportunities/${opportunityId}/suggestions?limit=1`)
		).json()) as { data: { id: number }[] };
		const suggestionId = listed.data[0]!.id;
		const voter = await logInOverHttp({ url: baseURL } as RunningServer, 'dev-citizen-olen');
		const voteUrl = new URL(`/api/v1/suggestions/${suggestionId}/vote`, baseURL);
		const send = async (method: 'PUT' | 'DELETE') => {
			const response = await fetch(voteUrl, {
				method,
				headers: { origin: baseURL, cookie: voter.header(voteUrl) }
			});
			expect(response.status).toBe(200);
			return ((await response.json()) as { voted: boolean; voteCount: number }).voteCount;
		};
		const stored = async () => {
			const url = new URL(`/api/v1/suggestions/${suggestionId}`, baseURL);
			const response = await fetch(url, { headers: { cookie: voter.header(url) } });
			return ((await response.json()) as { data: { votes: number } }).data.votes;
		};
		const before = await send('DELETE');
		expect(await Promise.all([send('PUT'), send('PUT')])).toEqual([before + 1, before + 1]);
		expect(await send('PUT')).toBe(before + 1);
		expect(await stored()).toBe(before + 1);
		expect(await send('DELETE')).toBe(before);
		expect(await stored()).toBe(before);

		const missing = await fetch(`${baseURL}/api/v1/suggestions/999999999`);
		expect(missing.status).toBe(404);
		expect(((await missing.json()) as { title: string }).title).toBe('Niet gevonden');
		const openapi = (await (await fetch(`${baseURL}/api/v1/openapi.json`)).json()) as {
			paths: Record<string, unknown>;
		};
		expect(Object.keys(openapi.paths)).toEqual(
			expect.arrayContaining([
				'/suggestions/{id}',
				'/suggestions/{id}/vote',
				'/opportunities/{id}/suggestions'
			])
		);
	});
});
