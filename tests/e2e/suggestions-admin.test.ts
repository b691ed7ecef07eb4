// The back office of suggestions as Geel's moderator (Bart Claes) uses it, with axe on every page: the queue,
// a bulk approval of two pending suggestions through the confirmation step, an official answer and the status
// "chosen" with a reason; the answer with the keyboard only; a rejection without JavaScript that first asks
// for a reason in Dutch beside the field.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { blockPageScripts, browserJourney, checkA11y, sveltekitRan, visit } from './support';

// Its own server: the journey approves and rejects demo suggestions, which other journeys may count.
const journey = browserJourney();
const { logInAs, forgetRefusals } = journey;
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

describe('back office of suggestions', () => {
	it('queue → bulk approve two through the confirmation → answer (keyboard) → chosen with a reason', async () => {
		await logInAs(/Bart Claes/);
		const queue = await visit(page, '/geel/beheer');
		expect(queue.status()).toBe(200);
		await page.getByRole('link', { name: 'Suggesties', exact: true }).click();
		await page.waitForURL(/\/geel\/beheer\/suggesties$/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Suggesties modereren');
		await checkA11y(page, 'moderation queue');

		// Only what waits for approval, with the GET filter form.
		await page.getByLabel('Wat', { exact: true }).selectOption('waiting');
		await page.getByRole('button', { name: 'Toon', exact: true }).click();
		await page.waitForURL(/wat=waiting/);
		await page.waitForLoadState('networkidle');
		const boxes = page.locator('input[name="item"][value^="s"]');
		expect(await boxes.count()).toBeGreaterThanOrEqual(2);
		const keys = [await boxes.nth(0).getAttribute('value'), await boxes.nth(1).getAttribute('value')];
		const ids = keys.map((k) => Number(k!.slice(1)));
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		await page.getByLabel('Wat wil je doen?').selectOption('approve');
		await page.getByRole('button', { name: 'Verder naar bevestigen' }).click();
		await page.waitForURL(/\/geel\/beheer\/suggesties\/bevestigen\?/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Bevestig je keuze');
		expect(await page.getByText('Dit gaat over 2 items:').isVisible()).toBe(true);
		await checkA11y(page, 'bulk confirmation');
		await page.getByRole('button', { name: 'Ja, doe dit' }).click();
		await page.waitForURL(/\/geel\/beheer\/suggesties\?gelukt=bulk&aantal=2/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('2 items gewijzigd.').isVisible()).toBe(true);
		await checkA11y(page, 'queue after the bulk approval');

		// One of them: its back-office page, now published.
		await visit(page, `/geel/beheer/suggesties/${ids[0]}`);
		expect(await page.locator('h1').textContent()).toMatch(/^Suggestie: /);
		expect(await page.locator('dd', { hasText: 'Goedgekeurd' }).count()).toBe(1);
		await checkA11y(page, 'suggestion back office');

		// The official answer with the keyboard only: type in the field, Tab to the button, Enter.
		await page.locator('#answer').focus();
		await page.keyboard.type('Dank je! We bekijken dit **in het voorjaar** samen met de buurt.');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Antwoord bewaren');
		await page.keyboard.press('Enter');
		await page.waitForURL(/gelukt=answered/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('Het antwoord van de gemeente is bewaard.').isVisible()).toBe(true);
		expect(await page.locator('.answer strong').textContent()).toBe('in het voorjaar');
		await checkA11y(page, 'after the answer');

		// "Not chosen" without a reason is refused beside the field, in Dutch, keeping the choice.
		await page.getByLabel('Nieuwe status').selectOption('notChosen');
		await page.getByRole('button', { name: 'Status wijzigen' }).click();
		await page.waitForLoadState('networkidle');
		const error = page.locator('#status-reason-error');
		await error.waitFor();
		expect(await error.textContent()).toBe('Leg uit waarom deze suggestie niet gekozen is.');
		expect(await page.locator('#status-reason').getAttribute('aria-describedby')).toContain(
			'status-reason-error'
		);
		forgetRefusals();
		await checkA11y(page, 'status refused');

		// Chosen, with a reason for the residents.
		await page.getByLabel('Nieuwe status').selectOption('chosen');
		await page.getByLabel('Uitleg voor de inwoners').fill('Past in het klimaatplan van Geel.');
		await page.getByRole('button', { name: 'Status wijzigen' }).click();
		await page.waitForURL(/gelukt=status/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De status is gewijzigd.').isVisible()).toBe(true);
		expect(await page.locator('dd', { hasText: 'Gekozen' }).count()).toBeGreaterThanOrEqual(1);
		expect(await page.locator('.story').textContent()).toContain('Status: Gekozen');
		expect(await page.locator('.story').textContent()).toContain('Past in het klimaatplan van Geel.');
		await checkA11y(page, 'after the status');

		// The opportunity's settings (top 3) and its exports, from the suggestion's page.
		await page.getByRole('link', { name: 'instellingen en export' }).click();
		await page.waitForURL(/\/geel\/beheer\/acties\/\d+\/kansen\/\d+/);
		await page.waitForLoadState('networkidle');
		await checkA11y(page, 'opportunity with suggestion settings');
		await page.getByLabel('Hoeveel suggesties mag één persoon steunen?').fill('nul');
		await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
		await page.locator('#settings-vote-limit-error').waitFor();
		expect(await page.locator('#settings-vote-limit-error').textContent()).toBe(
			'Vul een getal van 1 tot 100 in, of laat het veld leeg.'
		);
		expect(await page.getByLabel('Hoeveel suggesties mag één persoon steunen?').inputValue()).toBe('nul');
		forgetRefusals();
		await page.getByLabel('Hoeveel suggesties mag één persoon steunen?').fill('3');
		await page.getByRole('button', { name: 'Instellingen bewaren' }).click();
		await page.waitForURL(/gelukt=suggestieInstellingen/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De instellingen van de suggesties zijn bewaard.').isVisible()).toBe(true);
		expect(await page.getByLabel('Hoeveel suggesties mag één persoon steunen?').inputValue()).toBe('3');
		const csvHref = await page.getByRole('link', { name: 'Exporteer als CSV (Excel)' }).getAttribute('href');
		const csv = await page.request.get(csvHref!);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="suggesties-geel-.+\.csv"$/);
		expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		expect((await csv.text()).split('\r\n')[0]).toContain('"id";"Titel";"Beschrijving"');
		const geoHref = await page
			.getByRole('link', { name: 'Exporteer als GeoJSON (kaart)' })
			.getAttribute('href');
		const geo = await page.request.get(geoHref!);
		expect(geo.status()).toBe(200);
		expect((await geo.json()).type).toBe('FeatureCollection');

		expect(problems).toEqual([]);
	});

	it('rejects without JavaScript: the confirmation asks for a reason beside the field, then rejects', async () => {
		// Logged in with JavaScript (the identity provider's pages are not ours), then the app without it.
		await logInAs(/Bart Claes/);
		const noJs = await journey.browser.newContext({
			baseURL: journey.server.url,
			locale: 'nl-BE',
			storageState: await journey.context.storageState()
		});
		await blockPageScripts(noJs);
		const p = await noJs.newPage();
		try {
			await p.goto('/geel/beheer/suggesties?wat=waiting', { waitUntil: 'networkidle' });
			expect(await sveltekitRan(p)).toBe(false);
			const box = p.locator('input[name="item"]').first();
			const key = await box.getAttribute('value');
			await box.check();
			await p.locator('#bulk-operation').selectOption('reject');
			await p.getByRole('button', { name: 'Verder naar bevestigen' }).click();
			await p.waitForURL(/bevestigen/);
			await checkA11y(p, 'reject confirmation without JavaScript');
			await p.getByRole('button', { name: 'Ja, doe dit' }).click();
			await p.waitForLoadState('networkidle');
			expect(await p.locator('#bulk-reason-error').textContent()).toBe('Kies een reden uit de lijst.');
			expect(await p.locator('#bulk-reason').getAttribute('aria-invalid')).toBe('true');
			await checkA11y(p, 'reject refused without JavaScript');
			await p.locator('#bulk-reason').selectOption('other');
			await p.locator('#bulk-note').fill('Dit hoort bij een andere vraag <script>alert(1)</script>');
			await p.getByRole('button', { name: 'Ja, doe dit' }).click();
			// (The script blocker fetches documents itself and follows the 303, so the address bar stays put.)
			await p.waitForLoadState('networkidle');
			expect(await p.getByText('1 item gewijzigd.').isVisible()).toBe(true);
			// It left the waiting list.
			await p.goto('/geel/beheer/suggesties?wat=waiting', { waitUntil: 'networkidle' });
			expect(await p.locator(`input[name="item"][value="${key}"]`).count()).toBe(0);
		} finally {
			await noJs.close();
		}
	});

	it('merges a duplicate through its confirmation, blocks its author and unblocks them again', async () => {
		await logInAs(/Bart Claes/);
		// Two public suggestions of one opportunity, from that opportunity's GeoJSON export.
		await visit(page, '/geel/beheer/suggesties?wat=reported');
		const first = page.locator('input[name="item"][value^="s"]').first();
		const start = Number((await first.getAttribute('value'))!.slice(1));
		await visit(page, `/geel/beheer/suggesties/${start}`);
		const settings = await page.getByRole('link', { name: 'instellingen en export' }).getAttribute('href');
		const opportunityId = /\/kansen\/(\d+)/.exec(settings!)![1];
		const geo = await (
			await page.request.get(`/geel/beheer/kansen/${opportunityId}/suggesties.geojson`)
		).json();
		const listed = (
			geo.features as {
				id: number;
				properties: { title: string; moderation: string; mergedIntoId: number | null };
			}[]
		).filter((f) => f.properties.moderation === 'approved' && f.properties.mergedIntoId === null);
		expect(listed.length).toBeGreaterThanOrEqual(2);
		const [kept, duplicate] = [listed[0]!.id, listed[1]!.id];
		const keptTitle = listed[0]!.properties.title;

		// The other suggestion is found by a part of its title, with the keyboard: type, Enter, choose, go on.
		await visit(page, `/geel/beheer/suggesties/${duplicate}`);
		await page.getByLabel('Zoek de suggestie die blijft op titel').fill(keptTitle.slice(2, 14));
		await page.keyboard.press('Enter');
		await page.waitForURL(/zoek=/);
		await page.waitForLoadState('networkidle');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('merge-search');
		const choice = page.getByLabel('Suggestie die blijft', { exact: true });
		expect(await choice.locator('option').allTextContents()).toContainEqual(
			expect.stringContaining(`“${keptTitle}”`)
		);
		await checkA11y(page, 'merge candidates found by title');
		await choice.selectOption(String(kept));
		await page.getByRole('button', { name: 'Verder naar bevestigen' }).click();
		await page.waitForURL(/samenvoegen\?met=/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Suggesties samenvoegen');
		await checkA11y(page, 'merge confirmation');
		await page.getByRole('button', { name: 'Samenvoegen' }).click();
		await page.locator('#merge-confirm-error').waitFor();
		expect(await page.locator('#merge-confirm-error').textContent()).toBe('Vink aan dat je het zeker weet.');
		forgetRefusals();
		await page.getByLabel('Ja, ik wil deze twee suggesties samenvoegen').check();
		await page.getByRole('button', { name: 'Samenvoegen' }).click();
		await page.waitForURL(new RegExp(`/geel/beheer/suggesties/${kept}\\?gelukt=merged`));
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De suggesties zijn samengevoegd.').isVisible()).toBe(true);
		await visit(page, `/geel/beheer/suggesties/${duplicate}`);
		expect(await page.getByText('Deze suggestie is samengevoegd met').isVisible()).toBe(true);

		// Block the kept suggestion's author, see them listed, then unblock through the confirmation.
		await visit(page, `/geel/beheer/suggesties/${kept}`);
		const block = page.getByRole('button', { name: 'Indiener blokkeren…' });
		expect(await block.count()).toBe(1);
		await block.click();
		// Nothing is blocked before the confirmation step says who, and is confirmed.
		await page.waitForURL(new RegExp(`/geel/beheer/suggesties/${kept}/blokkeren`));
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Iemand blokkeren?');
		await checkA11y(page, 'block confirmation');
		await page.getByLabel('Reden (alleen voor het beheer)').fill('Herhaaldelijk reclame');
		await page.getByRole('button', { name: 'Ja, blokkeer' }).click();
		await page.waitForURL(/gelukt=blocked/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('Deze persoon kan in deze gemeente niet meer bijdragen.').isVisible()).toBe(
			true
		);
		await page.getByRole('link', { name: 'Geblokkeerde personen' }).first().click();
		await page.waitForURL(/\/geblokkeerd$/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('Herhaaldelijk reclame').isVisible()).toBe(true);
		await checkA11y(page, 'blocked people');
		await page
			.getByRole('link', { name: /^Deblokkeer / })
			.first()
			.click();
		await page.waitForURL(/\/geblokkeerd\/[0-9a-f-]{36}$/);
		await page.waitForLoadState('networkidle');
		await checkA11y(page, 'unblock confirmation');
		await page.locator('#unblock-confirm').check();
		await page.getByRole('button', { name: 'Deblokkeren' }).click();
		await page.waitForURL(/gelukt=gedeblokkeerd/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('Deze persoon kan weer bijdragen.').isVisible()).toBe(true);
		expect(problems).toEqual([]);
	});

	it("refuses Geel's queue and exports to Mol's moderator, in Dutch", async () => {
		await logInAs(/Tom Mertens/);
		const response = await page.goto('/geel/beheer/suggesties', { waitUntil: 'networkidle' });
		expect(response!.status()).toBe(403);
		expect(await page.locator('h1').textContent()).toBe('Geen toegang');
		await checkA11y(page, 'refused queue');
		const exported = await page.request.get('/geel/beheer/kansen/1/suggesties.csv', { maxRedirects: 0 });
		expect(exported.status()).toBe(403);
		// The refusals are the point here.
		problems.length = 0;
	});
});
