// The moderator's tools beyond the bulk step, with axe on every page: approving one row of the queue with the
// keyboard; rejecting one row through its confirmation without JavaScript (a reason asked in Dutch first);
// finding the suggestion to merge into by title and the block confirmation, without JavaScript; placing a
// suggestion on the map by clicking (the typed coordinates follow); and the municipality's colours with
// a colour picker and the contrast shown live, refused on save without JavaScript when text on it is unreadable.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { blockPageScripts, browserJourney, checkA11y, sveltekitRan, visit } from './support';

// Its own server: it approves, rejects and places demo suggestions.
const journey = browserJourney();
const { logInAs, forgetRefusals } = journey;
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

/** A context with the session of the journey's page, whose own scripts never run. */
async function withoutJavaScript() {
	const context = await journey.browser.newContext({
		baseURL: journey.server.url,
		locale: 'nl-BE',
		storageState: await journey.context.storageState()
	});
	await blockPageScripts(context);
	return context;
}

describe('moderation tools', () => {
	it('approves one row of the queue with the keyboard, and rejects another through its confirmation without JavaScript', async () => {
		await logInAs(/Bart Claes/);
		await visit(page, '/geel/beheer/suggesties?wat=waiting');
		const boxes = page.locator('input[name="item"][value^="s"]');
		expect(await boxes.count()).toBeGreaterThanOrEqual(2);
		const [approveKey, rejectKey] = [
			await boxes.nth(0).getAttribute('value'),
			await boxes.nth(1).getAttribute('value')
		];
		await checkA11y(page, 'queue with a decision per row');

		// From the row's checkbox, Tab to its "Goedkeuren" and press Enter: only that row changes.
		await boxes.nth(0).focus();
		let reached = false;
		for (let i = 0; i < 10 && !reached; i++) {
			await page.keyboard.press('Tab');
			reached = await page.evaluate((key) => {
				const active = document.activeElement as HTMLButtonElement | null;
				return active?.name === 'rij' && active.value === key;
			}, approveKey);
		}
		expect(reached).toBe(true);
		expect(
			await page.evaluate(() => document.activeElement?.textContent?.trim().startsWith('Goedkeuren'))
		).toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/geel\/beheer\/suggesties\?wat=waiting&.*gelukt=approve$/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('Goedgekeurd en gepubliceerd.').isVisible()).toBe(true);
		expect(await page.locator(`input[name="item"][value="${approveKey}"]`).count()).toBe(0);
		expect(await page.locator(`input[name="item"][value="${rejectKey}"]`).count()).toBe(1);
		await checkA11y(page, 'queue after approving one row');

		// "Afwijzen…" of a row, without JavaScript: the confirmation asks a reason before anything changes.
		const noJs = await withoutJavaScript();
		const p = await noJs.newPage();
		try {
			await visit(p, '/geel/beheer/suggesties?wat=waiting');
			expect(await sveltekitRan(p)).toBe(false);
			const row = p.locator('tr', { has: p.locator(`input[value="${rejectKey}"]`) });
			await row.getByRole('link', { name: /^Afwijzen…/ }).click();
			await p.waitForURL(/\/suggesties\/bevestigen\?item=s\d+&wijziging=reject$/);
			expect(await p.locator('h1').textContent()).toBe('Bevestig je keuze');
			await checkA11y(p, 'reject one row: confirmation');
			await p.getByRole('button', { name: 'Ja, doe dit' }).click();
			await p.waitForLoadState('networkidle');
			expect(await p.locator('#bulk-reason-error').textContent()).toBe('Kies een reden uit de lijst.');
			await checkA11y(p, 'reject one row: reason asked');
			await p.getByLabel('Reden', { exact: true }).selectOption('spam');
			await p.getByRole('button', { name: 'Ja, doe dit' }).click();
			await p.waitForLoadState('networkidle');
			// (The address bar keeps the confirmation's address here: the test's script blocker follows redirects.)
			expect(await p.getByText('1 item gewijzigd.').isVisible()).toBe(true);
			expect(await p.locator(`input[name="item"][value="${rejectKey}"]`).count()).toBe(0);
		} finally {
			await noJs.close();
		}
		forgetRefusals();
		expect(problems).toEqual([]);
	});

	it('finds the suggestion to merge into by title and reaches the block confirmation, without JavaScript', async () => {
		await logInAs(/Bart Claes/);
		await visit(page, '/geel/beheer/suggesties?wat=all');
		const keys = await page
			.locator('input[name="item"][value^="s"]')
			.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
		const key = keys[0];
		const noJs = await withoutJavaScript();
		const p = await noJs.newPage();
		try {
			await visit(p, `/geel/beheer/suggesties/${key!.slice(1)}`);
			expect(await sveltekitRan(p)).toBe(false);
			// No number to type: a GET search on the page lists the candidates in a select.
			expect(await p.getByLabel('Nummer van de suggestie die blijft').count()).toBe(0);
			await p.getByRole('searchbox', { name: 'Zoek de suggestie die blijft op titel' }).fill('e');
			await p.getByRole('button', { name: 'Zoeken', exact: true }).click();
			await p.waitForURL(/zoek=e#samenvoegen$/);
			const options = p.getByLabel('Suggestie die blijft', { exact: true }).locator('option');
			expect(await options.count()).toBeGreaterThanOrEqual(1);
			await checkA11y(p, 'merge candidates without JavaScript');
			const chosen = await options.first().getAttribute('value');
			await p.getByRole('button', { name: 'Verder naar bevestigen' }).click();
			await p.waitForURL(new RegExp(`/samenvoegen\\?met=${chosen}$`));
			expect(await p.locator('h1').textContent()).toBe('Suggesties samenvoegen');

			// Blocking starts with a page that says who; nothing is blocked by the first button. The first
			// waiting suggestion whose author can be blocked (a citizen, not staff) is the one to try.
			const block = p.getByRole('button', { name: 'Indiener blokkeren…' });
			let blockable: string | undefined;
			for (const candidate of keys) {
				await visit(p, `/geel/beheer/suggesties/${candidate.slice(1)}`);
				if ((await block.count()) > 0) {
					blockable = candidate;
					break;
				}
			}
			expect(blockable, 'a waiting suggestion of a citizen in the demo queue').toBeDefined();
			await block.click();
			await p.waitForURL(/\/blokkeren\??$/);
			expect(await p.locator('h1').textContent()).toBe('Iemand blokkeren?');
			expect(await p.getByRole('button', { name: 'Ja, blokkeer' }).count()).toBe(1);
			await checkA11y(p, 'block confirmation without JavaScript');
		} finally {
			await noJs.close();
		}
		expect(problems).toEqual([]);
	});

	it('places a suggestion on the map by clicking, the typed coordinates following, and saves it', async () => {
		await logInAs(/Bart Claes/);
		await visit(page, '/geel/beheer/suggesties?wat=all');
		const key = await page.locator('input[name="item"][value^="s"]').first().getAttribute('value');
		await visit(page, `/geel/beheer/suggesties/${key!.slice(1)}`);
		// Leaflet comes when the map's frame nears the screen.
		await page.locator('#place-heading ~ form .map-frame').scrollIntoViewIfNeeded();
		const map = page.locator('#place-heading ~ form .leaflet-container');
		await map.waitFor();
		await map.scrollIntoViewIfNeeded();
		const box = (await map.boundingBox())!;
		await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
		const lat = page.getByLabel('Breedtegraad (lat)');
		const lng = page.getByLabel('Lengtegraad (lng)');
		await expect.poll(() => lat.inputValue()).toMatch(/^51,\d+$/);
		expect(await lng.inputValue()).toMatch(/^[45],\d+$/);
		const typed = [await lat.inputValue(), await lng.inputValue()];
		expect(await page.getByText('Gekozen plaats:').count()).toBe(1);
		await checkA11y(page, 'suggestion placed on the map');
		await page.getByRole('button', { name: 'Plaats bewaren' }).click();
		await page.waitForURL(/gelukt=placed/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De plaats op de kaart is bewaard.').isVisible()).toBe(true);
		expect([await lat.inputValue(), await lng.inputValue()]).toEqual(typed);
		expect(problems).toEqual([]);
	});

	it('shows the contrast of a brand colour live, and refuses an unreadable one beside the field without JavaScript', async () => {
		await logInAs(/An Willems/);
		await visit(page, '/geel/beheer/instellingen');
		const primary = page.getByLabel('Hoofdkleur', { exact: true });
		const contrast = page.locator('#primary-color-contrast');
		expect(await page.getByLabel('Hoofdkleur: kleurkiezer').count()).toBe(1);
		await primary.fill('#ffff00');
		expect(await contrast.textContent()).toContain('Tekst op deze kleur wordt zwart');
		await primary.fill('#777777');
		expect(await contrast.textContent()).toContain('Niet goed leesbaar');
		expect(await contrast.textContent()).toMatch(/witte tekst 4,4 op 1/);
		// The picker and the text field are one value.
		await page.getByLabel('Hoofdkleur: kleurkiezer').fill('#1f5f3f');
		expect(await primary.inputValue()).toBe('#1f5f3f');
		expect(await contrast.textContent()).toContain('Tekst op deze kleur wordt wit');
		await checkA11y(page, 'settings with the colour picker');

		const noJs = await withoutJavaScript();
		const p = await noJs.newPage();
		try {
			await visit(p, '/geel/beheer/instellingen');
			expect(await p.getByLabel('Hoofdkleur: kleurkiezer').count()).toBe(0);
			// The saved colour's contrast is there without JavaScript too.
			expect(await p.locator('#primary-color-contrast').textContent()).toContain('Contrast met witte tekst');
			await p.getByLabel('Hoofdkleur', { exact: true }).fill('#777777');
			await p.getByRole('button', { name: 'Huisstijl bewaren' }).click();
			await p.waitForLoadState('networkidle');
			expect(await p.locator('#primary-color-error').textContent()).toContain('zwarte noch witte tekst');
			expect(await p.getByLabel('Hoofdkleur', { exact: true }).inputValue()).toBe('#777777');
			expect(await p.locator('#primary-color-contrast').textContent()).toContain('Niet goed leesbaar');
			await checkA11y(p, 'colour refused without JavaScript');
		} finally {
			await noJs.close();
		}
		expect(problems).toEqual([]);
	});
});
