// Coaching in real Chromium without JavaScript, with the keyboard, axe on every page: the demo's participation
// expert (Pieter De Smedt) finds exactly the municipalities he coaches on his back-office page, each leading to
// its events' back office, and is refused in Mol; the regional admin (Els Van den Broeck) gives him Mol and takes
// it back through the confirmation page, both in the region's log. Mol is taken back at the end, so the shared
// demo is as it was.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	blockPageScriptsKeepRedirects,
	checkA11y,
	realProblems,
	sharedServerJourney,
	visit,
	watchProblems
} from './support';

const journey = sharedServerJourney();

async function as(persona: RegExp): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
	// The page's own scripts are refused (as with JavaScript off); the test's axe still runs.
	const context = await journey.browser.newContext({ baseURL: journey.baseURL, locale: 'nl-BE' });
	await blockPageScriptsKeepRedirects(context);
	const page = await context.newPage();
	const problems = watchProblems(page);
	await journey.logInAs(persona, page);
	return { context, page, problems };
}

const coachedLinks = (page: Page) =>
	page
		.getByRole('region', { name: 'Gemeenten die je begeleidt' })
		.getByRole('link', { name: /^Activiteiten van / })
		.allTextContents();

describe('coaching', () => {
	it('shows the expert exactly the municipalities he coaches, and lets the regional admin give and take one', async () => {
		const expert = await as(/Pieter De Smedt/);
		const admin = await as(/Els Van den Broeck/);
		try {
			await visit(expert.page, '/beheer');
			await checkA11y(expert.page, 'the expert’s back office');
			expect(await coachedLinks(expert.page)).toEqual(['Activiteiten van Geel', 'Activiteiten van Olen']);
			await expert.page.getByRole('link', { name: 'Activiteiten van Geel' }).press('Enter');
			await expert.page.waitForURL(/\/geel\/beheer\/activiteiten$/);
			await checkA11y(expert.page, 'Geel’s events, as the expert');
			expect((await visit(expert.page, '/mol/beheer/activiteiten')).status()).toBe(403);
			expert.problems.splice(0);

			// The regional admin opens the expert's coaching from the region's roles and gives him Mol.
			await visit(admin.page, '/beheer');
			await admin.page
				.getByRole('link', { name: 'Gemeenten kiezen die Pieter De Smedt begeleidt' })
				.press('Enter');
			await admin.page.waitForURL(/\/beheer\/begeleiding\?/);
			await checkA11y(admin.page, 'the expert’s coaching');
			await admin.page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Mol' });
			await admin.page.getByRole('button', { name: 'Toekennen' }).press('Enter');
			await admin.page.waitForURL(/gelukt=toegekend/);
			expect(await admin.page.getByRole('status').first().textContent()).toContain('toegekend');
			await checkA11y(admin.page, 'Mol given');

			await visit(expert.page, '/beheer');
			expect(await coachedLinks(expert.page)).toEqual([
				'Activiteiten van Geel',
				'Activiteiten van Mol',
				'Activiteiten van Olen'
			]);
			expect((await visit(expert.page, '/mol/beheer/activiteiten')).status()).toBe(200);

			// Taking Mol back goes through the confirmation page.
			await admin.page.getByRole('checkbox', { name: /^Mol/ }).check();
			await admin.page
				.getByRole('button', { name: 'Begeleiding van de geselecteerde gemeenten beëindigen…' })
				.press('Enter');
			await admin.page.waitForURL(/\/beheer\/begeleiding\/verwijderen\?/);
			await checkA11y(admin.page, 'confirm ending the coaching of Mol');
			expect(await admin.page.locator('main').textContent()).toContain('Mol');
			await admin.page.getByRole('button', { name: 'Ja, verwijderen' }).press('Enter');
			await admin.page.waitForURL(/\/beheer\/begeleiding\?.*gelukt=verwijderd/);
			await visit(admin.page, '/beheer');
			const log = (await admin.page.getByRole('region', { name: /Recente wijzigingen/ }).textContent()) ?? '';
			expect(log).toContain('Begeleiding van een gemeente toegekend');
			expect(log).toContain('Begeleiding van een gemeente beëindigd');
			expect(log).toContain('gemeente: Mol');

			await visit(expert.page, '/beheer');
			expect(await coachedLinks(expert.page)).toEqual(['Activiteiten van Geel', 'Activiteiten van Olen']);
			expect((await visit(expert.page, '/mol/beheer/activiteiten')).status()).toBe(403);
			expert.problems.splice(0);
			expect(realProblems(admin.problems)).toEqual([]);
			expect(realProblems(expert.problems)).toEqual([]);
		} finally {
			await expert.context.close();
			await admin.context.close();
		}
	}, 180_000);
});
