// Widgets on another site, as a municipality's web editor and its visitors meet them: the admin of Geel allows a
// test site and picks, previews and copies each widget in the gallery with the keyboard; a page on that site
// (another port of 127.0.0.1 is another origin) embeds every widget by iframe and by script, with axe in the host
// page and inside the widget; a site that is not on the list is refused; widget answers set no cookie and carry
// frame-ancestors of their own municipality; oEmbed is announced on the action and map pages.
import { createServer, type Server } from 'node:http';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockPageScripts, browserJourney, checkA11y, freePort, visit } from './support';

interface HostSite {
	origin: string;
	/** Serves this page at `path` (a page of the municipality's own website). */
	put(path: string, snippet: string): string;
	close(): Promise<void>;
}

async function startHostSite(name: string): Promise<HostSite> {
	const pages = new Map<string, string>();
	const server: Server = createServer((req, res) => {
		const body = pages.get(req.url ?? '');
		res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
		res.end(body ?? 'niet gevonden');
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		put(path, snippet) {
			pages.set(
				path,
				`<!doctype html><html lang="nl-BE"><head><meta charset="utf-8"><title>${name}</title></head>` +
					`<body><header><p>${name}</p></header><main><h1>Doe mee met de gemeente</h1>${snippet}</main></body></html>`
			);
			return `${origin}${path}`;
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

const journey = browserJourney();
let host: HostSite;
let stranger: HostSite;
/** The snippets the gallery gave for each widget: kind → { iframe, script }. */
const snippets = new Map<string, { iframe: string; script: string }>();
const KINDS = ['meedoen', 'actie', 'kaart', 'activiteiten', 'impact'];

beforeAll(async () => {
	host = await startHostSite('Website van Geel (test)');
	stranger = await startHostSite('Een andere site (test)');
});
afterAll(async () => {
	await host?.close();
	await stranger?.close();
});

/** The frame of the widget in a host page. */
async function widgetFrame(page: Page): Promise<Frame> {
	await page.waitForSelector('iframe[data-meedoen-frame]');
	const handle = await page.$('iframe[data-meedoen-frame]');
	const frame = await handle!.contentFrame();
	if (!frame) throw new Error('the widget frame has no document');
	await frame.waitForLoadState('load');
	return frame;
}

async function snippetsOf(page: Page): Promise<{ iframe: string; script: string }> {
	return {
		iframe: await page.getByLabel('Met een iframe (werkt overal)').inputValue(),
		script: await page.getByLabel('Met een script (de widget wordt deel van de pagina)').inputValue()
	};
}

describe('widgets', () => {
	it('the gallery by keyboard: a site allowed, a widget picked and set, previewed and copied', async () => {
		const { page, context } = journey;
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
		await journey.logInAs(/An Willems/);
		await visit(page, '/geel/beheer/widgets', { until: 'load' });
		await checkA11y(page, 'the gallery');
		expect(await page.getByText('Kies een widget en vul in wat hij nodig heeft').count()).toBe(1);

		// The site is not an origin yet: a Dutch message beside the field, what was typed kept.
		const sites = page.getByLabel('Sites (één per regel)');
		// The demo allows Geel's own website already; the field holds it.
		expect(await sites.inputValue()).toBe('https://www.geel.be');
		await sites.focus();
		await page.keyboard.press('Control+A');
		await page.keyboard.type('https://www.geel.be/pagina');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.waitForSelector('#origins[aria-invalid="true"]');
		expect(await sites.inputValue()).toBe('https://www.geel.be/pagina');
		expect(await page.getByText('Niet elke regel is het adres van een site.').count()).toBe(1);
		await checkA11y(page, 'the gallery with a refused site');
		journey.forgetRefusals();
		await sites.focus();
		await page.keyboard.press('Control+A');
		await page.keyboard.type(`${host.origin}\nhttps://www.geel.be`);
		await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\?gelukt=sites/);
		await page.getByRole('status').filter({ hasText: 'De lijst van sites is bewaard.' }).waitFor();

		// Pick "Eén actie" and show: the gallery asks which action.
		await page.getByRole('radio', { name: 'Eén actie' }).focus();
		await page.keyboard.press('Space');
		await page.getByRole('button', { name: 'Toon het voorbeeld' }).focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/soort=actie/);
		await page.getByText('Kies welke actie de widget toont.').waitFor();
		const select = page.getByLabel('Actie', { exact: true });
		await select.focus();
		await page.keyboard.press('ArrowDown');
		expect(await select.inputValue()).toMatch(/^\d+$/);
		await page.getByLabel('Op welke site komt hij?').focus();
		await page.getByRole('button', { name: 'Toon het voorbeeld' }).focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/actie=\d+/);
		const preview = page.locator('#voorbeeld iframe');
		await preview.waitFor();
		const frame = (await (await preview.elementHandle())!.contentFrame())!;
		await frame.waitForSelector('h2');
		// With JavaScript the preview follows the widget's height.
		await expect
			.poll(async () => Number((await preview.getAttribute('style'))?.match(/height: (\d+)px/)?.[1]), {
				timeout: 10_000
			})
			.not.toBe(520);
		await checkA11y(page, 'the gallery with a preview', { iframes: false });
		await checkA11y(frame, 'the preview');

		const code = await snippetsOf(page);
		expect(code.iframe).toContain(`${journey.server.url}/geel/widget/actie?actie=`);
		expect(code.iframe).toContain('site=127.0.0.1');
		await page.locator('#snippet-iframe ~ button').focus();
		await page.keyboard.press('Enter');
		await page.getByRole('status').filter({ hasText: 'Gekopieerd' }).waitFor();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code.iframe);
		snippets.set('actie', code);

		// The other widgets' snippets, from the same form (a map needs its opportunity, the first one offered).
		await visit(page, '/geel/beheer/widgets?soort=kaart&site=127.0.0.1', { until: 'load' });
		const map = await page.getByLabel('Kaart met suggesties').locator('option').nth(1).getAttribute('value');
		for (const [kind, query] of [
			['meedoen', 'soort=meedoen'],
			['kaart', `soort=kaart&kans=${map}`],
			['activiteiten', 'soort=activiteiten&aantal=3'],
			['impact', 'soort=impact']
		] as const) {
			await visit(page, `/geel/beheer/widgets?${query}&site=127.0.0.1`, { until: 'load' });
			snippets.set(kind, await snippetsOf(page));
		}
		expect([...snippets.keys()].sort()).toEqual([...KINDS].sort());
	});

	it('every widget by iframe on the allowed site: sized by postMessage, axe in the host and the frame, links tagged', async () => {
		const { page, context } = journey;
		for (const kind of KINDS) {
			await visit(page, host.put(`/iframe-${kind}.html`, snippets.get(kind)!.iframe), { until: 'load' });
			const frame = await widgetFrame(page);
			await frame.waitForSelector('h2');
			const iframe = page.locator('iframe[data-meedoen-frame]');
			await expect
				.poll(
					async () => {
						const shown = await iframe.evaluate((f) => Math.round(f.getBoundingClientRect().height));
						const content = await frame.evaluate(() =>
							Math.ceil(document.documentElement.getBoundingClientRect().height)
						);
						return Math.abs(shown - content) <= 1;
					},
					{ message: `the ${kind} frame follows its content`, timeout: 10_000 }
				)
				.toBe(true);
			await checkA11y(page, `host page with the ${kind} iframe`, { iframes: false });
			await checkA11y(frame, `the ${kind} widget in its frame`);
			// getAttribute: an SVG link's href is not a string property (the map's points are SVG links).
			const hrefs = await frame.$$eval('a', (links) =>
				links.map((a) => [a.getAttribute('href'), a.getAttribute('target')])
			);
			expect(hrefs.length).toBeGreaterThan(0);
			for (const [href, target] of hrefs) {
				const url = new URL(href!);
				expect(url.origin).toBe(journey.server.url);
				expect(url.searchParams.get('utm_source')).toBe('widget');
				expect(url.searchParams.get('utm_medium')).toBe('iframe');
				expect(url.searchParams.get('utm_campaign')).toBe('127.0.0.1');
				expect(target).toBe('_blank');
			}
		}
		// The map widget's map: its points are links named and numbered like the list's items, reached by Tab.
		await visit(page, host.put('/iframe-kaart.html', snippets.get('kaart')!.iframe), { until: 'load' });
		const mapFrame = await widgetFrame(page);
		await mapFrame.waitForSelector('svg.mw-map');
		const points = await mapFrame.$$eval('svg.mw-map a', (links) =>
			links.map((a) => a.getAttribute('aria-label') ?? '')
		);
		const items = await mapFrame.$$eval('ol.mw-items > li > a.mw-title', (links) =>
			links.map((a) => a.textContent ?? '')
		);
		expect(items.length).toBeGreaterThanOrEqual(points.length);
		for (const name of points) {
			const [, n, title] = /^(\d+)\. (.*) \(opent/.exec(name)!;
			expect(items[Number(n) - 1]).toContain(title);
		}
		if (points.length > 0) {
			await mapFrame.focus('.mw-brand');
			await page.keyboard.press('Tab');
			expect(await mapFrame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
				points[0]
			);
		}
		// Four widgets shown from another site's pages, and the browser holds no cookie of the platform.
		expect(await context.cookies(journey.server.url)).toEqual([]);
		// A call to action opens the platform in a new tab, where the channel is the widget's.
		await visit(page, host.put('/iframe-actie.html', snippets.get('actie')!.iframe), { until: 'load' });
		const frame = await widgetFrame(page);
		const [tab] = await Promise.all([
			context.waitForEvent('page'),
			frame.getByRole('link', { name: /Lees meer over deze actie/ }).click()
		]);
		await tab.waitForLoadState('load');
		expect(tab.url()).toMatch(
			new RegExp(`^${journey.server.url}/geel/acties/\\d+-[^?]*\\?utm_source=widget`)
		);
		// There, first-party, the platform remembers the channel until the visitor registers (accounts' first channel).
		const channel = (await context.cookies(journey.server.url)).find((c) => c.name === 'meedoen_channel');
		expect(channel?.value).toBe('widget');
		await tab.close();
	});

	it('every widget by script in a shadow root of the host page, which passes axe', async () => {
		const { page } = journey;
		for (const kind of KINDS) {
			await visit(page, host.put(`/script-${kind}.html`, snippets.get(kind)!.script), { until: 'load' });
			await page.waitForSelector('[data-meedoen-state="klaar"]');
			const inShadow = await page.$eval('[data-meedoen-widget]', (el) => ({
				heading: el.shadowRoot?.querySelector('h2')?.textContent ?? null,
				links: [...(el.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href')!),
				map: el.shadowRoot?.querySelector('svg.mw-map') ? true : false
			}));
			if (kind === 'kaart') expect(inShadow.map).toBe(true);
			expect(inShadow.heading, kind).toBeTruthy();
			for (const href of inShadow.links) {
				expect(new URL(href).searchParams.get('utm_medium')).toBe('script');
				expect(new URL(href).searchParams.get('utm_campaign')).toBe('127.0.0.1');
			}
			// The host's own heading and the widget's: the page reads as one.
			expect(await page.getByRole('heading', { level: 2 }).count()).toBe(1);
			await checkA11y(page, `host page with the ${kind} script`);
		}
	});

	it('without scripts the iframe keeps its fixed height and can be read and scrolled', async () => {
		const context: BrowserContext = await journey.browser.newContext({ locale: 'nl-BE' });
		try {
			await blockPageScripts(context);
			const page = await context.newPage();
			await visit(page, host.put('/zonder-script.html', snippets.get('meedoen')!.iframe), { until: 'load' });
			const frame = await widgetFrame(page);
			await frame.waitForSelector('h2');
			expect(
				await page.locator('iframe[data-meedoen-frame]').evaluate((f) => f.getBoundingClientRect().height)
			).toBe(520);
			await checkA11y(frame, 'the widget without scripts');
			// The script snippet leaves its link.
			await visit(page, host.put('/zonder-script-2.html', snippets.get('meedoen')!.script), {
				until: 'load'
			});
			expect(await page.getByRole('link', { name: 'Doe mee op Meedoen Geel' }).isVisible()).toBe(true);
		} finally {
			await context.close();
		}
	});

	it('a site that is not on the list is refused: the frame stays empty, the script leaves its link', async () => {
		const { page } = journey;
		await visit(page, stranger.put('/iframe.html', snippets.get('actie')!.iframe), { until: 'load' });
		// The page's load waited for the frame: Chromium refused it (frame-ancestors) and shows its error page.
		const handle = await page.waitForSelector('iframe[data-meedoen-frame]');
		const frame = await handle.contentFrame();
		const heading = await frame
			?.evaluate(() => document.querySelector('h2')?.textContent ?? null)
			.catch(() => null);
		expect(heading ?? null).toBeNull();
		await visit(page, stranger.put('/script.html', snippets.get('actie')!.script), { until: 'load' });
		await page.waitForSelector('[data-meedoen-state="fout"]');
		expect(await page.getByRole('link', { name: 'Doe mee op Meedoen Geel' }).isVisible()).toBe(true);
	});

	it('widget answers set no cookie and carry frame-ancestors and CORS of their own municipality', async () => {
		const base = journey.server.url;
		const landing = {
			referer: 'https://elders.example/nieuws',
			cookie: 'meedoen_session=verzonnen'
		};
		const geel = await fetch(`${base}/geel/widget/meedoen?utm_source=facebook`, { headers: landing });
		expect(geel.status).toBe(200);
		expect(geel.headers.get('set-cookie')).toBeNull();
		expect(geel.headers.get('x-frame-options')).toBeNull();
		const policy = geel.headers.get('content-security-policy') ?? '';
		expect(policy).toContain(`frame-ancestors 'self' ${host.origin} https://www.geel.be`);
		expect(policy).toContain("default-src 'none'");
		expect(policy).not.toContain(stranger.origin);
		const mol = await fetch(`${base}/mol/widget/activiteiten`, { headers: landing });
		expect(mol.headers.get('set-cookie')).toBeNull();
		// Mol allows its own site only (the demo's), not Geel's test site.
		expect(mol.headers.get('content-security-policy')).toContain(
			"frame-ancestors 'self' https://www.mol.be;"
		);
		// The same landing on a page of the platform does set the channel cookie: the check above can fail.
		const page = await fetch(`${base}/geel?utm_source=facebook`, { headers: { referer: landing.referer } });
		expect(page.headers.get('set-cookie')).toContain('meedoen_channel=facebook');
		expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

		const allowed = await fetch(`${base}/geel/widget/meedoen?inbedding=script`, {
			headers: { origin: host.origin }
		});
		expect(allowed.headers.get('access-control-allow-origin')).toBe(host.origin);
		expect(allowed.headers.get('set-cookie')).toBeNull();
		const refused = await fetch(`${base}/geel/widget/meedoen?inbedding=script`, {
			headers: { origin: stranger.origin }
		});
		expect(refused.status).toBe(403);
		expect(refused.headers.get('access-control-allow-origin')).toBeNull();

		const script = await fetch(`${base}/widget.js`, { headers: landing });
		expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect(script.headers.get('set-cookie')).toBeNull();
		expect((await script.text()).length).toBeLessThan(2_048);
	});

	it('oEmbed is announced on an action’s page and a map, and gives the iframe', async () => {
		const { page } = journey;
		const action = /actie=(\d+)/.exec(snippets.get('actie')!.iframe)![1];
		const map = /kans=(\d+)/.exec(snippets.get('kaart')!.iframe)![1];
		for (const path of [`/geel/acties/${action}`, `/geel/kansen/${map}`]) {
			await visit(page, path, { until: 'load' });
			const href = await page
				.locator('link[rel="alternate"][type="application/json+oembed"]')
				.getAttribute('href');
			const answer = (await (await fetch(href!)).json()) as { type: string; html: string };
			expect(answer.type).toBe('rich');
			expect(answer.html).toContain('<iframe src=');
		}
	});

	it('the gallery without JavaScript: the GET form shows the preview and selectable snippets', async () => {
		const context = await journey.browser.newContext({ baseURL: journey.server.url, locale: 'nl-BE' });
		try {
			const page = await context.newPage();
			await journey.logInAs(/Sofie Wouters/, page);
			await blockPageScripts(context);
			await visit(page, '/geel/beheer/widgets?soort=meedoen', { until: 'load' });
			await page.getByLabel('Hoeveel tijd wil je erin steken?').selectOption('2');
			await page.getByRole('button', { name: 'Toon het voorbeeld' }).click();
			await page.waitForURL(/trede=2/);
			expect(await page.locator('#voorbeeld iframe').getAttribute('src')).toContain('trede=2');
			expect(await page.getByRole('button', { name: /Kopieer/ }).count()).toBe(0);
			expect(await page.getByLabel('Met een iframe (werkt overal)').inputValue()).toContain('trede=2');
			// Communication may use the gallery, not change the list of sites.
			expect(await page.getByLabel('Sites (één per regel)').count()).toBe(0);
			await checkA11y(page, 'the gallery without JavaScript', { iframes: false });
		} finally {
			await context.close();
		}
	});
});
