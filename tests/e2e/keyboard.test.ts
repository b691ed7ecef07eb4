// Keyboard only: the skip link comes first, leads to the content, and Tab and Enter reach a municipality;
// acting on a suggestion or an action with Enter keeps the focus on the control and announces the outcome.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
	checkA11y,
	geelOpportunity,
	launchBrowser,
	listedSuggestionPath,
	visit,
	watchProblems
} from './support';

/** What has the focus now: tag, id, href and text. */
function focused(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		return {
			tag: el?.tagName.toLowerCase() ?? null,
			id: el?.id ?? '',
			href: el?.getAttribute('href') ?? null,
			text: el?.textContent?.trim() ?? ''
		};
	});
}

describe('keyboard only', () => {
	const baseURL = inject('baseURL');
	let browser: Browser;
	let context: BrowserContext;

	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext({ baseURL, locale: 'nl-BE' });
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});

	it('skip link first, Enter to the content, Tab and Enter to Geel', async () => {
		const page = await context.newPage();
		const problems = watchProblems(page);
		await visit(page, '/');
		await checkA11y(page);

		await page.keyboard.press('Tab');
		const skip = await focused(page);
		expect(skip).toMatchObject({ tag: 'a', href: '#inhoud', text: 'Naar de inhoud' });
		// Focused, the skip link is on screen (it hides off-screen until then).
		const box = await page.locator('a.skip-link').boundingBox();
		expect(box && box.x >= 0 && box.y >= 0).toBe(true);

		await page.keyboard.press('Enter');
		await expect.poll(() => focused(page).then((f) => `${f.tag}#${f.id}`)).toBe('main#inhoud');

		// From the content on, Tab reaches the link to Geel without passing the header again.
		let reached = false;
		for (let i = 0; i < 60 && !reached; i++) {
			await page.keyboard.press('Tab');
			const now = await focused(page);
			expect(now.text, 'Tab left the content before reaching Geel').not.toBe('Naar de inhoud');
			reached = now.tag === 'a' && now.href === '/geel';
		}
		expect(reached, 'Tab never reached the link to Geel').toBe(true);

		await page.keyboard.press('Enter');
		await page.waitForURL(`${baseURL}/geel`);
		await page.waitForLoadState('networkidle');
		expect(await page.locator('h1').textContent()).toBe('Welkom op Meedoen Geel');
		await checkA11y(page);
		expect(problems).toEqual([]);
	});

	/** Presses Enter on the control, waits for the status region to say `message`, and checks where focus is. */
	async function pressAndStay(page: Page, control: string, message: string, after: RegExp) {
		// The accessible name starts with the visible text (and may name what it acts on).
		const button = page.getByRole('button', { name: new RegExp(`^${control}`) });
		await button.focus();
		const posted = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.keyboard.press('Enter');
		await posted;
		await expect.poll(() => page.getByRole('status').filter({ hasText: message }).count()).toBe(1);
		const now = await focused(page);
		expect(now.tag, `focus after "${control}"`).toBe('button');
		expect(now.text).toMatch(after);
		// The address is the page's own, with the message: a reload shows it and posts nothing.
		expect(page.url()).not.toContain('?/');
	}

	it('supporting, following, commenting and reporting keep the focus on the control and announce it', async () => {
		const page = await context.newPage();
		const problems = watchProblems(page);
		await visit(page, '/aanmelden');
		await page
			.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' })
			.press('Enter');
		await page.getByRole('button', { name: /Lotte Peeters/ }).press('Enter');
		await page.waitForURL(`${baseURL}/`);

		// Under post-moderation and without a vote limit: the roofs for solar panels.
		const opportunityId = await geelOpportunity(baseURL, 'Daken die geschikt zijn voor zonnepanelen');
		const path = await listedSuggestionPath(baseURL, opportunityId);
		await visit(page, path);
		const votes = async () => (await page.locator('#vote-heading + p').textContent())!.trim();
		const before = Number((await votes()).split(' ')[0]);

		await pressAndStay(page, 'Steun deze suggestie', 'Je steunt deze suggestie.', /^Trek je steun in$/);
		expect(Number((await votes()).split(' ')[0])).toBe(before + 1);
		await checkA11y(page, 'suggestion supported with the keyboard');
		await pressAndStay(
			page,
			'Trek je steun in',
			'Je steunt deze suggestie niet meer.',
			/^Steun deze suggestie$/
		);
		expect(Number((await votes()).split(' ')[0])).toBe(before);

		await pressAndStay(page, 'Volg deze suggestie', 'Je volgt deze suggestie.', /^Niet meer volgen$/);
		await pressAndStay(
			page,
			'Niet meer volgen',
			'Je volgt deze suggestie niet meer.',
			/^Volg deze suggestie$/
		);

		await page.getByLabel('Je reactie', { exact: true }).focus();
		await page.keyboard.type('Met het toetsenbord geschreven.');
		await pressAndStay(page, 'Reageer', 'Je reactie staat online.', /^Reageer$/);
		expect(await page.getByLabel('Je reactie', { exact: true }).inputValue()).toBe('');
		const mine = page.locator('.comments > li > .comment', { hasText: 'Met het toetsenbord geschreven.' });
		expect(await mine.count()).toBe(1);

		await page.locator('summary', { hasText: 'Deze suggestie melden' }).press('Enter');
		await pressAndStay(page, 'Melden', 'Bedankt voor je melding. De gemeente bekijkt ze.', /^Melden$/);
		await checkA11y(page, 'suggestion reported with the keyboard');

		// The action page's follow does the same.
		const actions = (await (await fetch(`${baseURL}/api/v1/municipalities/geel/actions`)).json()) as {
			data: { url: string }[];
		};
		await visit(page, new URL(actions.data[0]!.url).pathname);
		const unfollow = page.getByRole('button', { name: /^Niet meer volgen/ });
		if ((await unfollow.count()) > 0) await pressAndStay(page, 'Niet meer volgen', 'niet meer', /^Volg/);
		await pressAndStay(page, 'Volg deze actie', 'Je volgt nu deze actie.', /^Niet meer volgen$/);
		await pressAndStay(page, 'Niet meer volgen', 'Je volgt deze actie niet meer.', /^Volg deze actie$/);
		await checkA11y(page, 'action followed with the keyboard');
		expect(problems).toEqual([]);
	});
});
