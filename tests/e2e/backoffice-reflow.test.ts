// Every back-office page reflows (WCAG 1.4.10): at 320 CSS px wide and at 1280 px zoomed to 200 % (a 640 px
// viewport at device scale 2) nothing scrolls sideways, the header's "Afmelden" is on screen and reached with
// Tab, and axe finds nothing. The pages are found by following the back office's own links (one page per
// route), plus the confirmation steps that GET forms lead to. Screenshots of each go to test-output/reflow/
// (not committed) for a person to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserJourney, checkA11y, visit } from './support';

const journey = browserJourney();
// Full-page screenshots at both widths cost more than the checks; taken when REFLOW_SHOTS=1.
const SHOTS = process.env.REFLOW_SHOTS === '1' ? path.resolve('test-output', 'reflow') : null;

const WIDTHS = [
	{ name: '320', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
	{ name: '1280-200pct', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }
] as const;

/** One page per route: ids (numbers, uuids, "12-some-title") count as the same route. */
function routeOf(pathname: string): string {
	return pathname
		.split('/')
		.map((part) =>
			/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(part) || /^\d+(-.*)?$/.test(part)
				? ':id'
				: part
		)
		.join('/');
}

/** The same-site back-office links of the page (no downloads), by route. */
async function backofficeLinks(page: Page): Promise<string[]> {
	const hrefs = await page.$$eval('main a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
	return hrefs
		.map((href) => new URL(href))
		.filter(
			(url) =>
				/^\/(geel\/)?beheer(\/|$)/.test(url.pathname) &&
				!/\.(csv|geojson|svg|png|pdf|xlsx|ics)$/.test(url.pathname)
		)
		.filter((url) => !url.pathname.endsWith('/afbeelding'))
		.map((url) => url.pathname + url.search);
}

/**
 * The confirmation pages the page's GET forms lead to (bulk steps): the first box of each kind ticked, the first
 * choice of each required select, the first named button.
 */
async function confirmationSteps(page: Page): Promise<string[]> {
	return page.$$eval('main form[method="get"]', (forms) =>
		forms
			.map((element) => {
				const form = element as HTMLFormElement;
				const action = new URL(form.action);
				if (action.pathname === location.pathname) return null;
				const query = new URLSearchParams();
				const ticked = new Set<string>();
				for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name]')) {
					if (ticked.has(box.name)) continue;
					ticked.add(box.name);
					query.append(box.name, box.value);
				}
				if (ticked.size === 0) return null;
				for (const field of form.querySelectorAll<HTMLInputElement>('input[type="hidden"][name]'))
					query.append(field.name, field.value);
				for (const select of form.querySelectorAll<HTMLSelectElement>('select[name]')) {
					const option = [...select.options].find((o) => o.value !== '');
					if (option) query.append(select.name, option.value);
				}
				const button = form.querySelector<HTMLButtonElement>('button[name]');
				if (button) query.append(button.name, button.value);
				return `${action.pathname}?${query}`;
			})
			.filter((url): url is string => url !== null)
	);
}

/** Follows the back office's links from the starting pages, one page per route, and returns them in order. */
async function crawl(page: Page, starts: string[]): Promise<string[]> {
	const seen = new Map<string, string>();
	const queue = [...starts];
	while (queue.length) {
		const next = queue.shift()!;
		const key = routeOf(new URL(next, 'http://x').pathname);
		if (seen.has(key)) continue;
		const response = await visit(page, next, { until: 'load' });
		if (response.status() !== 200) continue;
		seen.set(key, next);
		queue.push(...(await backofficeLinks(page)), ...(await confirmationSteps(page)));
	}
	// The merge step, whose GET form asks for the other suggestion.
	const suggestion = [...seen.values()].find((p) => /\/beheer\/suggesties\/\d+/.test(p));
	if (suggestion) {
		const id = /suggesties\/(\d+)/.exec(suggestion)![1];
		const merge = `/geel/beheer/suggesties/${id}/samenvoegen?met=${Number(id) === 1 ? 2 : 1}`;
		if (!seen.has(routeOf(merge.split('?')[0]!))) seen.set('merge', merge);
	}
	return [...seen.values()];
}

async function contextAt(width: (typeof WIDTHS)[number]): Promise<BrowserContext> {
	return journey.browser.newContext({
		baseURL: journey.server.url,
		locale: 'nl-BE',
		viewport: width.viewport,
		deviceScaleFactor: width.deviceScaleFactor,
		storageState: await journey.context.storageState()
	});
}

/** Tabs from the top of the page until "Afmelden" has the focus; false when it never gets it. */
async function tabToLogout(page: Page): Promise<boolean> {
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	for (let i = 0; i < 20; i++) {
		await page.keyboard.press('Tab');
		const here = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		if (here === 'Afmelden') return true;
	}
	return false;
}

/** How many pages of one width are checked at the same time (each in its own tab of the width's context). */
const PAGES_AT_ONCE = Number(process.env.REFLOW_PAGES_AT_ONCE ?? 2);

/** Checks one page at one width: nothing scrolls sideways, "Afmelden" on screen and reached with Tab, axe. */
async function checkPage(
	page: Page,
	url: string,
	width: (typeof WIDTHS)[number],
	failures: string[]
): Promise<void> {
	await visit(page, url, { until: 'load' });
	const { scrollWidth, innerWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth
	}));
	const file = `${routeOf(new URL(url, 'http://x').pathname).replace(/[/:]+/g, '_').replace(/^_/, '')}-${width.name}.png`;
	if (SHOTS) await page.screenshot({ path: path.join(SHOTS, file), fullPage: true });
	const at = `${url} at ${width.name}`;
	if (scrollWidth > innerWidth) failures.push(`${at}: scrolls sideways (${scrollWidth} > ${innerWidth})`);
	const logout = page.getByRole('button', { name: 'Afmelden' });
	const box = await logout.boundingBox();
	if (!(await logout.isVisible()) || !box || box.x < 0 || box.x + box.width > width.viewport.width)
		failures.push(`${at}: "Afmelden" is not on screen`);
	if (!(await tabToLogout(page))) failures.push(`${at}: "Afmelden" is not reached with Tab`);
	await checkA11y(page, at).catch((error: Error) => failures.push(error.message));
}

/** Checks every page at one width, PAGES_AT_ONCE at a time in one context. */
async function checkAll(width: (typeof WIDTHS)[number], urls: string[], failures: string[]): Promise<void> {
	const context = await contextAt(width);
	try {
		const queue = [...urls];
		await Promise.all(
			Array.from({ length: Math.max(1, PAGES_AT_ONCE) }, async () => {
				const page = await context.newPage();
				for (let url = queue.shift(); url !== undefined; url = queue.shift())
					await checkPage(page, url, width, failures);
			})
		);
	} finally {
		await context.close();
	}
}

describe('the back office reflows at 320 px and at 200 % zoom', () => {
	let pages: string[] = [];
	beforeAll(async () => {
		if (SHOTS) mkdirSync(SHOTS, { recursive: true });
	});

	it('finds the back-office pages as the regional admin, who may see them all', async () => {
		await journey.logInAs(/Els Van den Broeck/);
		// A funder report of Geel, so that the crawl finds the report's page from both reporting pages' history
		// (the demo has programmes but no reports): Els opens this project year's report as the region's admin.
		await visit(journey.page, '/geel/beheer/rapportering', { until: 'load' });
		const open = journey.page.locator('form[action="?/open"]').first();
		await Promise.all([
			journey.page.waitForURL(/\/geel\/beheer\/rapportering\/\d+$/),
			open.getByRole('button', { name: 'Rapport openen' }).click()
		]);
		pages = await crawl(journey.page, ['/geel/beheer', '/beheer']);
		const routes = pages.map((p) => routeOf(new URL(p, 'http://x').pathname));
		for (const expected of [
			'/geel/beheer',
			'/geel/beheer/acties',
			'/geel/beheer/acties/:id',
			'/geel/beheer/acties/:id/kansen/:id',
			'/geel/beheer/acties/nieuw',
			'/geel/beheer/suggesties',
			'/geel/beheer/suggesties/:id',
			'/geel/beheer/suggesties/:id/samenvoegen',
			'/geel/beheer/suggesties/bevestigen',
			'/geel/beheer/activiteiten',
			'/geel/beheer/activiteiten/nieuw',
			'/geel/beheer/activiteiten/bevestigen',
			'/geel/beheer/activiteiten/:id',
			'/geel/beheer/activiteiten/:id/inschrijvingen',
			'/geel/beheer/activiteiten/:id/annuleren',
			'/geel/beheer/activiteiten/:id/verslag',
			'/geel/beheer/medewerkers',
			'/geel/beheer/logboek',
			'/geel/beheer/weekoverzicht',
			'/geel/beheer/instellingen',
			'/beheer',
			'/geel/beheer/medewerkers/verwijderen',
			'/beheer/deelname',
			'/beheer/rollen/verwijderen',
			'/beheer/begeleiding',
			'/beheer/begeleiding/verwijderen',
			'/geel/beheer/impact',
			'/beheer/impact',
			'/geel/beheer/rapportering',
			'/geel/beheer/rapportering/:id',
			'/beheer/rapportering',
			'/beheer/rapportering/:id'
		])
			expect(routes).toContain(expected);
		const failures: string[] = [];
		// Both widths at once, each in its own context with PAGES_AT_ONCE tabs taking the next page in turn: the
		// crawl waits mostly on the server and on the browser's round trips, which overlap.
		await Promise.all(WIDTHS.map((width) => checkAll(width, pages, failures)));
		failures.sort();
		expect(failures).toEqual([]);
		// Some forty pages, each at two widths with axe: on a loaded machine well over ten minutes.
	}, 1_800_000);
});
