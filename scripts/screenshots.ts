// `npm run screenshots`: photographs of the platform for the README's tour, remade from the demo content.
// Starts the built server (`npm run build` first) on a fresh data folder, opens each page in Debian's
// Chromium at a phone's width (390 px) and a laptop's (1280 px), and writes docs/screenshots/<page>-<width>.png
// (the visible first screen, not the whole page, so the files stay small). Staff pages are taken logged in
// as Geel's admin of the development identity provider.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser';
import { projectRoot, removeDataDir, startServer } from '../tests/e2e/support/server';

const WIDTHS = [390, 1280] as const;
const HEIGHT = { 390: 844, 1280: 800 } as const;

/** The tour: name, address, and whether it needs Geel's admin. */
const PAGES: { name: string; path: string; staff?: boolean }[] = [
	{ name: 'regio', path: '/' },
	{ name: 'gemeente', path: '/geel' },
	{ name: 'acties', path: '/geel/acties' },
	{ name: 'actie', path: '/geel/acties/1' },
	{ name: 'trede', path: '/geel/acties/trede/2' },
	{ name: 'zoeken', path: '/geel/zoeken?q=fiets' },
	{ name: 'beheer', path: '/geel/beheer', staff: true },
	{ name: 'moderatie', path: '/geel/beheer/suggesties', staff: true }
];

async function logIn(page: Page) {
	await page.goto('/aanmelden');
	await page.getByRole('button', { name: /Aanmelden met Mijn Burgerprofiel/ }).click();
	await page.getByRole('button', { name: /An Willems/ }).click();
	await page.waitForURL((url) => url.pathname === '/');
}

const out = path.join(projectRoot, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const server = await startServer({ env: { JOBS: '0' } });
const browser = await launchBrowser();
try {
	for (const width of WIDTHS) {
		for (const staff of [false, true]) {
			const context = await browser.newContext({
				baseURL: server.url,
				locale: 'nl-BE',
				viewport: { width, height: HEIGHT[width] },
				deviceScaleFactor: 1
			});
			const page = await context.newPage();
			if (staff) await logIn(page);
			for (const entry of PAGES.filter((p) => Boolean(p.staff) === staff)) {
				const response = await page.goto(entry.path, { waitUntil: 'networkidle' });
				if (!response || response.status() !== 200)
					throw new Error(`${entry.path} answered ${response?.status() ?? 'nothing'}`);
				const file = path.join(out, `${entry.name}-${width}.png`);
				await page.screenshot({ path: file });
				console.log(`${path.relative(projectRoot, file)} ← ${entry.path}`);
			}
			await context.close();
		}
	}
} finally {
	await browser.close();
	await server.stop();
	removeDataDir(server.dataDir);
}
