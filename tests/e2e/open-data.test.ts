// Open data as a reuser and a municipality's admin meet it: Geel's open-data page (axe, and without JavaScript)
// links its DCAT-AP catalogue in its head, every download link is followed and its file parsed (CSV by csv-parse,
// JSON, GeoJSON), the catalogue is expanded by jsonld.js and every download it names answers, each feed's example
// answers with its type, a file asked again with its ETag is 304; the region's page does the same over every
// municipality taking part; and Geel's admin changes the licence by keyboard in the back office, which the page
// and the files then carry.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import jsonld from 'jsonld';
import { blockPageScripts, browserJourney, checkA11y, visit } from './support';

const journey = browserJourney();

interface Link {
	href: string;
	type: string | null;
	text: string;
}

async function downloadLinks(page: Page): Promise<Link[]> {
	return page.$$eval('section[aria-labelledby="datasets"] a[type]', (as) =>
		as.map((a) => ({
			href: a.getAttribute('href')!,
			type: a.getAttribute('type'),
			text: (a.textContent ?? '').trim()
		}))
	);
}

/** Follows every download link of an open-data page and parses what it gets; returns the rows per file. */
async function followDownloads(page: Page): Promise<Map<string, number>> {
	const links = await downloadLinks(page);
	expect(links.length).toBeGreaterThanOrEqual(15);
	const rows = new Map<string, number>();
	for (const link of links) {
		const response = await page.request.get(link.href);
		expect(response.status(), link.href).toBe(200);
		expect(response.headers()['content-type'], link.href).toContain(link.type!);
		expect(response.headers()['cache-control']).toBe('public, max-age=300');
		expect(response.headers()['access-control-allow-origin']).toBe('*');
		const body = await response.text();
		if (link.href.endsWith('.csv')) {
			const records = parseCsv(body, { columns: true }) as Record<string, string>[];
			const header = parseCsv(body, { to_line: 1 })[0] as string[];
			expect(header.slice(0, 2), link.href).toEqual(['municipality', 'id']);
			rows.set(link.href, records.length);
		} else if (link.href.endsWith('.geojson')) {
			const geo = JSON.parse(body);
			expect(geo.type).toBe('FeatureCollection');
			for (const f of geo.features) {
				expect(f.geometry.type).toBe('Point');
				expect(f.geometry.coordinates).toHaveLength(2);
			}
			rows.set(link.href, geo.features.length);
		} else {
			const json = JSON.parse(body);
			expect(json.items.length).toBe(json.count);
			expect(json.licence).toMatch(/^https?:\/\//);
			rows.set(link.href, json.count);
		}
	}
	return rows;
}

/** The catalogue in the page's head, expanded by jsonld.js; every download it names answers. */
async function followCatalogue(page: Page): Promise<void> {
	const href = await page.getAttribute('head link[rel="alternate"][type="application/ld+json"]', 'href');
	expect(href).toMatch(/open-data\/catalogus\.jsonld$/);
	const response = await page.request.get(href!);
	expect(response.headers()['content-type']).toContain('application/ld+json');
	const expanded = (await jsonld.expand(await response.json())) as Record<string, unknown>[];
	const catalogue = expanded.find((n) =>
		(n['@type'] as string[] | undefined)?.includes('http://www.w3.org/ns/dcat#Catalog')
	)!;
	expect(catalogue).toBeDefined();
	const datasets = catalogue['http://www.w3.org/ns/dcat#dataset'] as Record<string, unknown>[];
	expect(datasets.length).toBeGreaterThanOrEqual(7);
	for (const dataset of datasets)
		for (const distribution of dataset['http://www.w3.org/ns/dcat#distribution'] as Record<
			string,
			unknown
		>[]) {
			const [download] = distribution['http://www.w3.org/ns/dcat#downloadURL'] as { '@id': string }[];
			expect((await page.request.get(download!['@id'])).status(), download!['@id']).toBe(200);
		}
}

describe('open data', () => {
	it('Geel’s page: every download parses, the catalogue and the feeds answer, with axe', async () => {
		const { page } = journey;
		await visit(page, '/geel');
		await page.getByRole('link', { name: 'Open data', exact: true }).click();
		await page.waitForURL(/\/geel\/open-data$/);
		await checkA11y(page, 'Geel’s open data');
		expect(await page.locator('h1').textContent()).toBe('Open data van Geel');
		await expect
			.poll(() => page.getByRole('link', { name: 'Modellicentie Gratis Hergebruik (v1.0)' }).count())
			.toBe(1);
		const rows = await followDownloads(page);
		expect(rows.get('/geel/open-data/acties.csv')).toBeGreaterThan(0);
		expect(rows.get('/geel/open-data/acties.json')).toBe(rows.get('/geel/open-data/acties.csv'));
		expect(rows.get('/geel/open-data/suggesties.csv')).toBeGreaterThan(0);
		expect(rows.get('/geel/open-data/activiteiten.csv')).toBeGreaterThan(0);
		await followCatalogue(page);

		// Every feed's example answers with its kind of document.
		const examples = await page.$$eval('section[aria-labelledby="feeds"] dd a', (as) =>
			as.map((a) => a.getAttribute('href')!)
		);
		expect(examples.length).toBe(6);
		const types: Record<string, string> = {
			'.atom': 'application/atom+xml',
			'.ics': 'text/calendar',
			'.geojson': 'application/geo+json',
			'.json': 'application/json'
		};
		for (const example of examples) {
			const response = await page.request.get(example);
			expect(response.status(), example).toBe(200);
			const type = Object.entries(types).find(([end]) => example.endsWith(end))![1];
			expect(response.headers()['content-type'], example).toContain(type);
		}

		// A reader that has the file gets 304.
		const first = await page.request.get('/geel/open-data/kansen.csv');
		const again = await page.request.get('/geel/open-data/kansen.csv', {
			headers: { 'if-none-match': first.headers().etag! }
		});
		expect(again.status()).toBe(304);
		expect(journey.problems).toEqual([]);
	});

	it('the region’s page: every municipality taking part in one file per dataset, with axe', async () => {
		const { page } = journey;
		await visit(page, '/open-data');
		await checkA11y(page, 'the region’s open data');
		expect(await page.locator('h1').textContent()).toBe('Open data van alle deelnemende gemeenten');
		await followDownloads(page);
		await followCatalogue(page);
		const actions = await (await page.request.get('/open-data/acties.json')).json();
		const municipalities = new Set(actions.items.map((i: { municipality: string }) => i.municipality));
		expect(municipalities.size).toBeGreaterThan(1);
		await page.getByRole('link', { name: 'Open data van Mol' }).click();
		await page.waitForURL(/\/mol\/open-data$/);
		await checkA11y(page, 'Mol’s open data');
		expect(journey.problems).toEqual([]);
	});

	it('works without JavaScript', async () => {
		const { context } = journey;
		await blockPageScripts(context);
		const page = await context.newPage();
		await visit(page, '/geel/open-data', { until: 'load' });
		await checkA11y(page, 'Geel’s open data without JavaScript');
		// The downloads are plain links: nothing of them needs a script.
		const csv = page.getByRole('link', { name: /CSV — Klimaatacties als CSV/ });
		expect(await csv.getAttribute('href')).toBe('/geel/open-data/acties.csv');
		expect((await page.request.get('/geel/open-data/acties.csv')).status()).toBe(200);
	});

	it('Geel’s admin chooses another licence by keyboard; the page and the files carry it', async () => {
		const { page } = journey;
		await journey.logInAs(/An Willems/);
		await visit(page, '/geel/beheer/instellingen/open-data');
		await checkA11y(page, 'the open-data settings');
		const field = page.getByLabel('Licentie');
		expect(await field.inputValue()).toBe('modellicentie-gratis-hergebruik');
		await field.focus();
		await field.selectOption('cc0-1.0');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.waitForURL(/gelukt=licentie/);
		await expect.poll(() => page.getByText('De licentie is bewaard.').count()).toBe(1);
		await checkA11y(page, 'the open-data settings after saving');
		expect(await page.getByLabel('Licentie').inputValue()).toBe('cc0-1.0');
		await visit(page, '/geel/beheer/logboek');
		await expect.poll(() => page.getByText('Licentie van de open data gewijzigd').count()).toBeGreaterThan(0);

		await visit(page, '/geel/open-data');
		await expect
			.poll(() => page.getByRole('link', { name: 'Creative Commons Zero (CC0 1.0)' }).count())
			.toBe(1);
		const json = await (await page.request.get('/geel/open-data/acties.json')).json();
		expect(json.licence).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
		expect(journey.problems).toEqual([]);
	});
});
