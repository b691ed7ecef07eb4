// The public impact pages reflow (WCAG 1.4.10) like the back office's (backoffice-reflow.test.ts crawls the two
// dashboards): at 320 CSS px wide and at 1280 px zoomed to 200 % nothing scrolls sideways (the indicators' and
// trends' tables scroll inside their labelled region), and axe finds nothing. The region's page says which
// municipalities its figures are the sum of.
import { describe, expect, it } from 'vitest';
import { checkA11y, sharedServerJourney, visit } from './support';

// Read only: on the server the run shares.
const journey = sharedServerJourney();

const WIDTHS = [
	{ name: '320', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
	{ name: '1280-200pct', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }
] as const;

describe('the public impact pages reflow at 320 px and at 200 % zoom', () => {
	it('/impact and /geel/impact scroll no page sideways and pass axe', async () => {
		const failures: string[] = [];
		for (const width of WIDTHS) {
			const context = await journey.browser.newContext({
				baseURL: journey.baseURL,
				locale: 'nl-BE',
				viewport: width.viewport,
				deviceScaleFactor: width.deviceScaleFactor
			});
			const page = await context.newPage();
			try {
				for (const url of ['/impact', '/geel/impact']) {
					expect((await visit(page, url, { until: 'load' })).status()).toBe(200);
					const { scrollWidth, innerWidth } = await page.evaluate(() => ({
						scrollWidth: document.documentElement.scrollWidth,
						innerWidth: window.innerWidth
					}));
					if (scrollWidth > innerWidth)
						failures.push(`${url} at ${width.name}: scrolls sideways (${scrollWidth} > ${innerWidth})`);
					await checkA11y(page, `${url} at ${width.name}`).catch((error: Error) =>
						failures.push(error.message)
					);
				}
				await visit(page, '/impact', { until: 'load' });
				expect(await page.locator('main').textContent()).toMatch(
					/De cijfers van de regio zijn de som van de \d+ deelnemende gemeenten?\./
				);
			} finally {
				await context.close();
			}
		}
		expect(failures).toEqual([]);
	}, 300_000);
});
