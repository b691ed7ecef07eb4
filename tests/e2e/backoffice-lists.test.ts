// The back office's lists and their "are you sure?" steps, with axe on every page: the actions list found by
// search, "select all" (with and without JavaScript), a bulk status change and the action's history; the
// blocked people, one unblocked; the staff list, a role removed through its confirmation; the audit log
// filtered by who did it; the region's municipalities searched and one's participation switched.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { blockPageScripts, browserJourney, checkA11y, sveltekitRan, visit } from './support';

// Its own server: the journeys change demo actions, blocks and roles that other journeys count on.
const journey = browserJourney();
const { logInAs } = journey;
let page: Page;
let problems: string[];
beforeEach(() => {
	({ page, problems } = journey);
});

describe('back-office lists and confirmations', () => {
	it('actions: search, select all, change the status of all found, then read it in the history', async () => {
		await logInAs(/Sofie Wouters/);
		await visit(page, '/geel/beheer/acties');
		const firstRow = page.locator('table tbody tr').first();
		const title = (await firstRow.locator('th a').textContent())!.trim();
		const status = (await firstRow.locator('td').nth(1).textContent())!.trim();
		const [target, targetLabel] = status === 'Afgerond' ? ['stopped', 'Stopgezet'] : ['done', 'Afgerond'];

		// Search with the filter form: the address keeps the search under its Dutch name.
		await page.getByLabel('Zoek op titel').fill(title);
		await page.getByRole('button', { name: 'Toon', exact: true }).click();
		await page.waitForURL(/\/geel\/beheer\/acties\?zoek=/);
		await page.waitForLoadState('networkidle');
		const boxes = page.locator('input[name="actie"]');
		const found = await boxes.count();
		expect(found).toBeGreaterThanOrEqual(1);
		await checkA11y(page, 'actions list, searched');

		// "Select all" without JavaScript: a link the server answers with every box ticked, the search kept.
		const selectAll = page.getByRole('link', { name: 'Alles selecteren' });
		const href = (await selectAll.getAttribute('href'))!;
		expect(new URL(href, journey.server.url).searchParams.get('zoek')).toBe(title);
		expect(new URL(href, journey.server.url).searchParams.get('selecteer')).toBe('alles');
		const noJs = await journey.browser.newContext({
			baseURL: journey.server.url,
			locale: 'nl-BE',
			storageState: await journey.context.storageState()
		});
		await blockPageScripts(noJs);
		const p = await noJs.newPage();
		try {
			await p.goto(href, { waitUntil: 'networkidle' });
			expect(await sveltekitRan(p)).toBe(false);
			const ticked = p.locator('input[name="actie"]');
			expect(await ticked.count()).toBe(found);
			for (let i = 0; i < found; i++) expect(await ticked.nth(i).isChecked()).toBe(true);
			expect(await p.getByRole('link', { name: 'Niets selecteren' }).getAttribute('href')).not.toContain(
				'selecteer='
			);
			await checkA11y(p, 'actions list, all selected without JavaScript');
		} finally {
			await noJs.close();
		}

		// With JavaScript the same link ticks the boxes in place and the bar counts them.
		await selectAll.click();
		for (let i = 0; i < found; i++) expect(await boxes.nth(i).isChecked()).toBe(true);
		expect(await page.getByText(`${found} geselecteerd`).isVisible()).toBe(true);
		expect(page.url()).not.toContain('selecteer=');

		await page.getByLabel('Wat moet er gebeuren?').selectOption(`status:${target}`);
		await page.getByRole('button', { name: 'Verder naar bevestigen…' }).click();
		await page.waitForURL(/\/geel\/beheer\/acties\/bevestigen\?/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Weet je het zeker?');
		expect(await page.getByText(`De stand van zaken wordt ‘${targetLabel}’.`).isVisible()).toBe(true);
		await checkA11y(page, 'bulk change confirmation');
		await page.getByRole('button', { name: 'Ja, doe dit' }).click();
		await page.waitForURL(/\/geel\/beheer\/acties\?gelukt=bulk&aantal=\d+$/);
		await page.waitForLoadState('networkidle');
		// Every action found, less any that already had that status.
		const changed = Number(new URL(page.url()).searchParams.get('aantal'));
		expect(changed).toBeGreaterThanOrEqual(1);
		expect(changed).toBeLessThanOrEqual(found);
		const message = changed === 1 ? '1 actie is gewijzigd.' : `${changed} acties zijn gewijzigd.`;
		expect(await page.getByText(message).isVisible()).toBe(true);
		await checkA11y(page, 'actions list after the bulk change');

		// The action's history names the change and who made it.
		await visit(page, `/geel/beheer/acties?zoek=${encodeURIComponent(title)}`);
		await page.getByRole('link', { name: title, exact: true }).first().click();
		await page.waitForURL(/\/geel\/beheer\/acties\/\d+$/);
		await page.waitForLoadState('networkidle');
		await page.getByRole('link', { name: 'Geschiedenis van deze actie bekijken' }).click();
		await page.waitForURL(/\/geel\/beheer\/acties\/\d+\/geschiedenis$/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe(`Geschiedenis van ‘${title}’`);
		const newest = (await page.locator('table tbody tr').first().textContent()) ?? '';
		expect(newest).toContain('Stand van zaken gewijzigd');
		expect(newest).toContain('Sofie');
		expect(newest).toContain(targetLabel);
		await checkA11y(page, 'action history');

		expect(problems).toEqual([]);
	});

	it('blocked people: block an author, find them in the list, unblock them through the confirmation', async () => {
		await logInAs(/Bart Claes/);
		await visit(page, '/geel/beheer/suggesties/geblokkeerd');
		await checkA11y(page, 'blocked people');
		const before = await page.getByRole('link', { name: /^Deblokkeer / }).count();

		// A suggestion with an author to block, from the queue.
		await visit(page, '/geel/beheer/suggesties');
		const links = page.locator('table tbody th a');
		const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		let blocked = false;
		for (const href of hrefs.filter((h) => /\/suggesties\/\d+$/.test(h))) {
			await visit(page, href);
			const block = page.getByRole('button', { name: 'Indiener blokkeren…' });
			if ((await block.count()) === 0) continue;
			await block.click();
			await page.waitForURL(/\/blokkeren\??$/);
			await page.getByLabel('Reden (alleen voor het beheer)').fill('Steeds dezelfde reclame');
			await page.getByRole('button', { name: 'Ja, blokkeer' }).click();
			await page.waitForURL(/gelukt=blocked/);
			blocked = true;
			break;
		}
		expect(blocked).toBe(true);

		await visit(page, '/geel/beheer/suggesties/geblokkeerd');
		const row = page.getByRole('row', { name: /Steeds dezelfde reclame/ });
		expect(await row.count()).toBe(1);
		expect(await page.getByRole('link', { name: /^Deblokkeer / }).count()).toBe(before + 1);
		await checkA11y(page, 'blocked people with one more');

		await row.getByRole('link', { name: /^Deblokkeer / }).click();
		await page.waitForURL(/\/geblokkeerd\/[0-9a-f-]{36}$/);
		await page.waitForLoadState('networkidle');
		await checkA11y(page, 'unblock confirmation');
		await page.locator('#unblock-confirm').check();
		await page.getByRole('button', { name: 'Deblokkeren' }).click();
		await page.waitForURL(/\/geel\/beheer\/suggesties\/geblokkeerd\?gelukt=gedeblokkeerd$/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('Deze persoon kan weer bijdragen.').isVisible()).toBe(true);
		expect(await page.getByRole('row', { name: /Steeds dezelfde reclame/ }).count()).toBe(0);
		expect(await page.getByRole('link', { name: /^Deblokkeer / }).count()).toBe(before);
		await checkA11y(page, 'blocked people after unblocking');

		expect(problems).toEqual([]);
	});

	it('staff: remove a role through the confirmation, then find it in the audit log', async () => {
		await logInAs(/An Willems/);
		await visit(page, '/geel/beheer/medewerkers');
		expect(await page.getByRole('row', { name: /Luc Goossens/ }).count()).toBe(1);
		await checkA11y(page, 'staff list');

		await page.getByLabel(/selecteer deze rol van Luc Goossens/).check();
		await page.getByRole('button', { name: 'Geselecteerde rollen en uitnodigingen verwijderen…' }).click();
		await page.waitForURL(/\/geel\/beheer\/medewerkers\/verwijderen\?rol=/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Weet je het zeker?');
		expect(await page.getByText('Dit wordt verwijderd:').isVisible()).toBe(true);
		expect(await page.getByText('de rol Schepen van Luc Goossens').isVisible()).toBe(true);
		await checkA11y(page, 'staff removal confirmation');
		await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
		await page.waitForURL(/\/geel\/beheer\/medewerkers\?gelukt=verwijderd$/);
		await page.waitForLoadState('networkidle');
		expect(
			await page.getByText('De geselecteerde rollen en uitnodigingen zijn verwijderd.').isVisible()
		).toBe(true);
		expect(await page.getByRole('row', { name: /Luc Goossens/ }).count()).toBe(0);
		await checkA11y(page, 'staff list after the removal');

		// The audit log, filtered on who did it: the removal is there, the filter kept in the address.
		await visit(page, '/geel/beheer/logboek');
		const actors = await page.locator('#audit-actor option').allTextContents();
		const me = actors.find((name) => /^An\b/.test(name.trim()));
		expect(me).toBeDefined();
		await page.getByLabel('Wie').selectOption({ label: me! });
		await page.getByRole('button', { name: 'Toon', exact: true }).click();
		await page.waitForURL(/\/geel\/beheer\/logboek\?(.*&)?persoon=[0-9a-f-]{36}/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('table tbody').textContent()).toContain('Luc Goossens');
		await checkA11y(page, 'audit log filtered by who');

		expect(problems).toEqual([]);
	});

	it('region: search a municipality and switch its participation through the confirmation', async () => {
		await logInAs(/Els Van den Broeck/);
		await visit(page, '/beheer');
		await page.getByLabel('Zoek een gemeente').fill('Olen');
		await page.getByRole('button', { name: 'Toon', exact: true }).click();
		await page.waitForURL(/\/beheer\?regio=kempen&zoek=Olen/);
		await page.waitForLoadState('networkidle');
		const row = page.getByRole('row', { name: /^Olen/ });
		expect(await row.count()).toBe(1);
		const participating = (await row.textContent())!.includes('Doet mee');
		await checkA11y(page, 'region back office, searched');

		await row.getByRole('checkbox').check();
		await page
			.getByRole('button', { name: participating ? 'Deelname uitzetten…' : 'Deelname aanzetten…' })
			.click();
		await page.waitForURL(/\/beheer\/deelname\?/);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Weet je het zeker?');
		expect(await page.getByRole('listitem').filter({ hasText: 'Olen' }).count()).toBe(1);
		await checkA11y(page, 'participation confirmation');
		await page
			.getByRole('button', { name: participating ? 'Ja, deelname uitzetten' : 'Ja, deelname aanzetten' })
			.click();
		await page.waitForURL(/\/beheer\?gelukt=deelname$/);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('De deelname is aangepast.').isVisible()).toBe(true);
		const after = (await page.getByRole('row', { name: /^Olen/ }).textContent()) ?? '';
		expect(after).toContain(participating ? 'Doet niet mee' : 'Doet mee');
		await checkA11y(page, 'region back office after the change');

		expect(problems).toEqual([]);
	});
});
