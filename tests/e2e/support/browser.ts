// Debian's Chromium through playwright-core, and an axe-core check every visited page must pass.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type Frame,
	type Page,
	type Response
} from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	helpUrl: string;
	nodes: { target: string; html: string; summary: string }[];
}

/**
 * Runs axe-core on the page as it is now and fails with every violation (rule id, help, target nodes).
 * `targetSize` adds WCAG 2.2 AA (in axe 4.11 that is the target-size rule, 2.5.8: 24 by 24 CSS pixels, not
 * covered), for the pages with a map, whose markers and clusters are small targets placed by script.
 *
 * axe is injected with `page.evaluate(source)`, not with `page.addScriptTag({ content })`: the pages send
 * a strict CSP (script-src 'self' plus hashes), so an injected inline <script> would be blocked, while
 * evaluate goes through the DevTools protocol, which CSP does not govern. The page therefore keeps its
 * real policy (no `bypassCSP`), so the journeys would still notice a CSP that blocks the app's own scripts.
 */
export async function checkA11y(
	page: Page | Frame,
	label = page.url(),
	options: {
		targetSize?: boolean;
		/**
		 * Whether axe asks the page's frames too (the default). A host page with another origin's widget frame
		 * checks the frame on its own (`checkA11y(frame)`): axe in the host cannot reach into a frame without it.
		 */
		iframes?: boolean;
	} = {}
): Promise<void> {
	const loaded = await page.evaluate(() => 'axe' in window);
	if (!loaded) await page.evaluate(axeSource);
	const violations: Violation[] = await page.evaluate(
		async ({ tags, targetSize, iframes }) => {
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			const axe = (window as any).axe;
			const results = await axe.run(document, {
				runOnly: { type: 'tag', values: targetSize ? [...tags, 'wcag22aa'] : tags },
				resultTypes: ['violations'],
				iframes
			});
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			return results.violations.map((v: any) => ({
				id: v.id,
				impact: v.impact ?? null,
				help: v.help,
				helpUrl: v.helpUrl,
				// eslint-disable-next-line @typescript-eslint/no-explicit-any
				nodes: v.nodes.map((n: any) => ({
					target: n.target.map(String).join(' '),
					html: n.html,
					summary: n.failureSummary ?? ''
				}))
			}));
		},
		{ tags: WCAG_TAGS, targetSize: options.targetSize ?? false, iframes: options.iframes ?? true }
	);
	if (violations.length === 0) return;
	const lines = [`axe: ${violations.length} WCAG 2.0/2.1 A/AA violation(s) on ${label}`];
	for (const v of violations) {
		lines.push(`- ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`);
		for (const node of v.nodes) {
			lines.push(`    target: ${node.target}`);
			lines.push(`      html: ${node.html}`);
			if (node.summary) lines.push(`      ${node.summary.replace(/\n/g, '\n      ')}`);
		}
	}
	throw new Error(lines.join('\n'));
}

/**
 * Makes a context's pages render as they do without JavaScript, while axe can still run in them.
 *
 * In a context with `javaScriptEnabled: false` axe cannot run: Chromium then runs no timers, promises or
 * callbacks for the page, so `axe.run` never settles. This context keeps JavaScript on for the DevTools
 * protocol (page.evaluate, which CSP does not govern) but adds a policy `script-src 'none'` to every
 * document, so none of the page's own scripts run and the DOM stays exactly what the server rendered.
 * (Unlike a real script-less browser it does not show <noscript> content; the app has none.)
 */
export async function blockPageScripts(context: BrowserContext): Promise<void> {
	await context.route('**/*', async (route) => {
		if (route.request().resourceType() !== 'document') return route.continue();
		const response = await route.fetch();
		const headers = response.headers();
		// Several policies in one header are separated by commas; the browser enforces each one.
		headers['content-security-policy'] = [headers['content-security-policy'], "script-src 'none'"]
			.filter(Boolean)
			.join(', ');
		await route.fulfill({ response, headers });
	});
}

/**
 * As blockPageScripts, but redirects are handed to the browser instead of followed inside the route, so the
 * address bar follows a 303 after a form POST (post/redirect/get without JavaScript).
 */
export async function blockPageScriptsKeepRedirects(context: BrowserContext): Promise<void> {
	await context.route('**/*', async (route) => {
		if (route.request().resourceType() !== 'document') return route.continue();
		const response = await route.fetch({ maxRedirects: 0 });
		const headers = response.headers();
		headers['content-security-policy'] = [headers['content-security-policy'], "script-src 'none'"]
			.filter(Boolean)
			.join(', ');
		await route.fulfill({ response, headers });
	});
}

/** What went wrong in a page, apart from its own scripts blocked on purpose and refused forms (422). */
export function realProblems(problems: string[]): string[] {
	return problems.filter(
		(p) =>
			!p.includes("script-src 'none'") &&
			!p.endsWith('(csp)') &&
			!p.includes('status of 422 (Unprocessable Entity)')
	);
}

/** Whether any script of SvelteKit's has run in the page (its bootstrap sets a __sveltekit_* global). */
export function sveltekitRan(page: Page): Promise<boolean> {
	return page.evaluate(() => Object.keys(window).some((key) => key.startsWith('__sveltekit')));
}

/**
 * Collects what goes wrong in a page while a journey runs: uncaught errors, console errors (a CSP that
 * blocks the app's scripts shows up here) and requests that failed (other than ones the page aborted).
 */
export function watchProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error')
			problems.push(`console.error: ${message.text()} (${message.location().url})`);
	});
	page.on('requestfailed', (request) => {
		const reason = request.failure()?.errorText ?? 'unknown';
		// Aborted by the page itself, e.g. SvelteKit's hover preload of __data.json cut short by the click.
		if (reason === 'net::ERR_ABORTED') return;
		problems.push(`request failed: ${request.url()} (${reason})`);
	});
	return problems;
}

/**
 * Waits for what a page shows, then for the page to finish loading: the parser can hand over the top of a
 * long page (the confirmation) before the rest (the comments), so reading the page at once can miss them.
 */
export async function shown(page: Page, selector: string) {
	await page.waitForSelector(selector);
	await page.waitForLoadState();
}

/**
 * Goes to a path and waits until the app has settled (hydrated, images loaded): the network quiet for half a
 * second. A walk over many pages that only reads them can wait for `load` instead and save that half second.
 */
export async function visit(
	page: Page,
	url: string,
	options: { until?: 'networkidle' | 'load' } = {}
): Promise<Response> {
	const response = await page.goto(url, { waitUntil: options.until ?? 'networkidle' });
	if (!response) throw new Error(`no response for ${url}`);
	return response;
}
