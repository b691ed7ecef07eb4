// No dead ends: every way to take part that the demo shows as open ("Nu open" on an action's page, a card on a
// rung page of a municipality or the region) has one call to action, and following it leads to a page that
// works: the map with its form to add a place or its way to support places, the registration form of the
// event a working group or action day leads to, or the action's follow form.
// Axe checks every page on the way.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkA11y, sharedServerJourney, visit } from './support';

interface Found {
	from: string;
	title: string;
	href: string;
}

describe('open opportunities lead somewhere', () => {
	const journey = sharedServerJourney();
	let page: Page;
	let problems: string[];
	beforeEach(() => {
		({ page, problems } = journey);
	});

	async function actionPaths(slug: string): Promise<string[]> {
		const paths: string[] = [];
		let cursor: string | null = null;
		do {
			const query: string = `limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
			const response = await page.request.get(`/api/v1/municipalities/${slug}/actions?${query}`);
			expect(response.status()).toBe(200);
			const body = (await response.json()) as { data: { url: string }[]; nextCursor: string | null };
			paths.push(...body.data.map((a) => new URL(a.url).pathname));
			cursor = body.nextCursor;
		} while (cursor);
		return paths;
	}

	/** The call to action of each card that is shown as open, and that each such card has exactly one. */
	async function openCards(path: string, card: string, isOpen: (card: string) => boolean): Promise<Found[]> {
		const response = await visit(page, path, { until: 'load' });
		expect(response.status(), path).toBe(200);
		await checkA11y(page, path);
		const found: Found[] = [];
		for (const item of await page.locator(card).all()) {
			const text = (await item.textContent()) ?? '';
			const title = (await item.locator('h2, h3').first().textContent())?.trim() ?? '';
			const buttons = item.locator('a.button');
			if (!isOpen(text)) {
				expect(await buttons.count(), `${path}: "${title}" is not open, so it has no call to action`).toBe(0);
				continue;
			}
			expect(await buttons.count(), `${path}: "${title}" is open and has one call to action`).toBe(1);
			found.push({ from: path, title, href: (await buttons.getAttribute('href'))! });
		}
		return found;
	}

	it('walks every open opportunity of the demo and follows its call to action', async () => {
		const municipalities = (
			(await (await page.request.get('/api/v1/municipalities')).json()) as {
				data: { slug: string; participating: boolean }[];
			}
		).data.filter((m) => m.participating);
		expect(municipalities.length).toBeGreaterThan(0);

		const found: Found[] = [];
		for (const { slug } of municipalities) {
			for (const path of await actionPaths(slug))
				found.push(...(await openCards(path, '.opportunities > li', (text) => text.includes('Nu open'))));
			for (let level = 1; level <= 6; level++)
				found.push(...(await openCards(`/${slug}/acties/trede/${level}`, 'ul.grid > li', () => true)));
		}
		for (let level = 1; level <= 6; level++)
			found.push(...(await openCards(`/acties/trede/${level}`, 'ul.grid > li', () => true)));

		// The demo has open ways to take part of each kind of next step.
		expect(found.some((f) => f.href.includes('/kansen/'))).toBe(true);
		expect(found.some((f) => f.href.endsWith('#volgen'))).toBe(true);
		expect(found.some((f) => f.href.includes('/activiteiten/'))).toBe(true);
		// The working group and the planting day take registrations for their events now, so they are open.
		for (const title of [
			'Plantdag: samen tegels eruit en planten erin',
			'Werkgroep van de Klimaatmakers: we kiezen samen drie plekken'
		])
			expect(found.map((f) => f.title)).toContain(title);

		const targets = [...new Set(found.map((f) => f.href))];
		for (const href of targets) {
			const response = await visit(page, href, { until: 'load' });
			const from = found.find((f) => f.href === href)!;
			expect(response.status(), `${from.title} (${from.from}) → ${href}`).toBe(200);
			if (href.includes('/activiteiten/')) {
				// The event's registration form: a visitor registers with a name and an address.
				const form = page.locator('#inschrijven form[action="?/register"]');
				expect(await form.count(), href).toBe(1);
				expect(
					await form.getByRole('button', { name: /Schrijf me in|Zet me op de wachtlijst/ }).isVisible()
				).toBe(true);
				expect(await form.getByLabel('E-mailadres').count()).toBe(1);
			} else if (href.endsWith('#volgen')) {
				// The action's follow form.
				const form = page.locator('#volgen form[action="?/follow"]');
				expect(await form.count(), href).toBe(1);
				expect(await form.getByRole('button', { name: 'Volg deze actie' }).isVisible()).toBe(true);
			} else if (href.includes('/groepen/')) {
				// The page of the citizen group that runs the action: how to join it.
				expect(await page.getByRole('heading', { name: 'Meedoen' }).count(), href).toBe(1);
			} else {
				// The map of suggestions, open: a visitor can add a place or support places (after logging in).
				expect(await page.locator('h1').count()).toBe(1);
				const add = await page.getByRole('link', { name: 'Suggestie toevoegen' }).count();
				const vote = await page.getByRole('link', { name: 'Meld je aan om suggesties te steunen.' }).count();
				expect(add + vote, `${from.title} → ${href} lets a person take part`).toBeGreaterThan(0);
			}
			await checkA11y(page, href);
		}
		expect(problems).toEqual([]);
	}, 600_000);
});
