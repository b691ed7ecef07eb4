// The set-up of a browser journey: its own built server and one Chromium for the file, a fresh context (nl-BE)
// and page per test whose problems are watched, and logging in as a persona of the development provider.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, visit, watchProblems } from './browser';
import { removeDataDir, startServer, type RunningServer } from './server';

export interface Journey {
	readonly server: RunningServer;
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

/**
 * Registers the hooks of a journey in the file (or describe block) that calls it. `env` is read when the server
 * starts, so it may name what an earlier beforeAll started (a mail catcher).
 */
export function browserJourney(options: { env?: () => Record<string, string> } = {}): Journey {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let problems: string[];

	beforeAll(async () => {
		server = await startServer({ env: options.env?.() });
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
		if (server) removeDataDir(server.dataDir);
	});
	beforeEach(async () => {
		context = await browser.newContext({ baseURL: server.url, locale: 'nl-BE' });
		page = await context.newPage();
		problems = watchProblems(page);
	});
	afterEach(async () => {
		await context?.close();
	});

	return {
		get server() {
			return server;
		},
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
		async logInAs(persona, on = page) {
			await visit(on, '/aanmelden');
			await on.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' }).click();
			await on.getByRole('button', { name: persona }).click();
			await on.waitForURL(`${server.url}/`);
		},
		forgetRefusals() {
			problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('status of 422')));
		}
	};
}
