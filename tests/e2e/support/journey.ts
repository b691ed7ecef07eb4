// The set-up of a browser journey: one Chromium for the file, a fresh context (nl-BE) and page per test whose
// problems are watched, and logging in as a persona of the development provider; on its own built server
// (browserJourney) or on the server the whole run shares (sharedServerJourney, read-mostly journeys).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { launchBrowser, visit, watchProblems } from './browser';
import { removeDataDir, startServer, type RunningServer } from './server';

interface BrowserPart {
	readonly browser: Browser;
	/** This test's context and page, and what went wrong in the page so far. */
	readonly context: BrowserContext;
	readonly page: Page;
	readonly problems: string[];
	/** Logs in through the development provider as the persona whose button matches, landing on the home page. */
	logInAs(persona: RegExp, page?: Page): Promise<void>;
	/** Forgets the failed loads of refused forms: they answer 422 on purpose, and the browser logs that. */
	forgetRefusals(): void;
}

export interface Journey extends BrowserPart {
	readonly server: RunningServer;
}

export interface SharedJourney extends BrowserPart {
	/** The shared server's address (http://127.0.0.1:<port>). */
	readonly baseURL: string;
}

/**
 * Logs the page's context in through the development provider as the persona whose button matches, landing on
 * the home page of the server at `baseURL` (the context's baseURL).
 */
export async function logInAs(page: Page, baseURL: string, persona: RegExp): Promise<void> {
	await visit(page, '/aanmelden');
	await page.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' }).click();
	await page.getByRole('button', { name: persona }).click();
	await page.waitForURL(`${baseURL}/`);
}

/**
 * The browser, context, page and problem hooks, against the address `baseURL()` gives when a test starts. With
 * `launchedLater`, the hook only starts Chromium and the caller's own beforeAll awaits `launched()` (so the
 * browser starts while the journey's server does).
 */
function browserPart(
	baseURL: () => string,
	options: { launchedLater?: boolean } = {}
): BrowserPart & { launched(): Promise<void> } {
	let browser: Browser;
	let launching: Promise<Browser> | undefined;
	let context: BrowserContext;
	let page: Page;
	let problems: string[];

	const launched = async () => {
		launching ??= launchBrowser();
		browser = await launching;
	};
	beforeAll(async () => {
		if (!options.launchedLater) return launched();
		launching = launchBrowser();
		// Awaited by the caller's beforeAll; a failure is reported there, not as an unhandled rejection here.
		launching.catch(() => {});
	});
	afterAll(async () => {
		await browser?.close();
	});
	beforeEach(async () => {
		context = await browser.newContext({ baseURL: baseURL(), locale: 'nl-BE' });
		page = await context.newPage();
		problems = watchProblems(page);
	});
	afterEach(async () => {
		await context?.close();
	});

	return {
		get browser() {
			return browser;
		},
		get context() {
			return context;
		},
		get page() {
			return page;
		},
		get problems() {
			return problems;
		},
		launched,
		logInAs: (persona, on = page) => logInAs(on, baseURL(), persona),
		forgetRefusals() {
			problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('status of 422')));
		}
	};
}

/**
 * Registers the hooks of a journey on its own built server in the file (or describe block) that calls it.
 * `env` is read when the server starts, so it may name what an earlier beforeAll started (a mail catcher).
 */
export function browserJourney(options: { env?: () => Record<string, string> } = {}): Journey {
	let server: RunningServer;
	const part = browserPart(() => server.url, { launchedLater: true });
	beforeAll(async () => {
		// The server and Chromium start at the same time: both mostly wait (the server on its database).
		const [started] = await Promise.all([
			startServer({ env: options.env?.(), timeoutMs: 180_000 }),
			part.launched()
		]);
		server = started;
	}, 200_000);
	afterAll(async () => {
		await server?.stop();
		if (server) removeDataDir(server.dataDir);
	});
	return Object.defineProperties(part as BrowserPart, {
		server: { get: () => server, enumerable: true }
	}) as Journey;
}

/** Registers the hooks of a journey on the server every journey file of the run shares (global-setup.ts). */
export function sharedServerJourney(): SharedJourney {
	const baseURL = inject('baseURL');
	const part = browserPart(() => baseURL);
	return Object.defineProperties(part as BrowserPart, {
		baseURL: { get: () => baseURL, enumerable: true }
	}) as SharedJourney;
}
