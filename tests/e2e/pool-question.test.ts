// The question after a first contribution whether to join the pool, in real Chromium without JavaScript and
// with the keyboard only, axe on every page: Marie supports a suggestion, the confirmation asks her, Enter on
// "Ja, hou me op de hoogte" brings her back to the suggestion with the welcome in its place, her data export
// says she is in the pool with both consents, and supporting again asks nothing. Her support is withdrawn
// at the end, so the shared demo's counts are as they were.
import { describe, expect, it } from 'vitest';
import {
	blockPageScriptsKeepRedirects,
	checkA11y,
	realProblems,
	geelOpportunity,
	listedSuggestionPath,
	sharedServerJourney,
	visit,
	watchProblems
} from './support';

const journey = sharedServerJourney();

describe('the pool question', () => {
	it('is asked once after a contribution and answered with one key press, without JavaScript', async () => {
		// The page's own scripts are refused (as with JavaScript off); the test's axe still runs.
		const context = await journey.browser.newContext({ baseURL: journey.baseURL, locale: 'nl-BE' });
		await blockPageScriptsKeepRedirects(context);
		const page = await context.newPage();
		const problems = watchProblems(page);
		try {
			await journey.logInAs(/Marie Maes/, page);
			const opportunityId = await geelOpportunity(
				journey.baseURL,
				'Daken die geschikt zijn voor zonnepanelen'
			);
			const path = await listedSuggestionPath(journey.baseURL, opportunityId);
			await visit(page, path);
			await page.getByRole('button', { name: /^Steun deze suggestie/ }).press('Enter');
			await page.waitForURL(/\?gelukt=gesteund$/);

			const question = page.getByRole('region', {
				name: 'Blijf op de hoogte van je thema’s en kom in de pool'
			});
			expect(await question.count()).toBe(1);
			expect(await question.textContent()).toMatch(/mag \S+ je uitnodigen voor werkgroepen en actiedagen/);
			await checkA11y(page, 'suggestion supported, the pool question');

			await question.getByRole('button', { name: 'Ja, hou me op de hoogte' }).press('Enter');
			await page.waitForURL(
				(url) => url.pathname === path && url.search === '?gelukt=pool-ja' && url.hash === '#pool'
			);
			expect(
				await page.getByRole('status').filter({ hasText: 'Welkom in de pool van klimaatmakers van' }).count()
			).toBe(1);
			await checkA11y(page, 'pool joined');

			const exported = (await (await page.request.get('/profiel/gegevens.json')).json()) as {
				person: { wantsToHelp: boolean; poolAnsweredAt: string | null };
				consents?: unknown;
			};
			expect(exported.person.wantsToHelp).toBe(true);
			expect(exported.person.poolAnsweredAt).not.toBeNull();
			const consents = JSON.stringify(exported);
			expect(consents).toContain('"pool"');
			expect(consents).toContain('"updates"');

			// Asked once: supporting it again asks nothing more.
			await page.getByRole('button', { name: /^Trek je steun in/ }).press('Enter');
			await page.waitForURL(/\?gelukt=steun-ingetrokken$/);
			await page.getByRole('button', { name: /^Steun deze suggestie/ }).press('Enter');
			await page.waitForURL(/\?gelukt=gesteund$/);
			expect(await page.getByRole('region', { name: /kom in de pool/ }).count()).toBe(0);
			await page.getByRole('button', { name: /^Trek je steun in/ }).press('Enter');
			await page.waitForURL(/\?gelukt=steun-ingetrokken$/);
			expect(realProblems(problems)).toEqual([]);
		} finally {
			await context.close();
		}
	}, 120_000);
});
