// The impact map's figures moved by what people do in the product, in Chromium with axe on every page (issue 21's
// journey): the server starts with its jobs off, so no daily snapshot is taken yet. An Willems (Geel's admin)
// reads the dashboard and creates an information evening of its own on a rung of the ladder through the back
// office: the rung's offers go up by one (and the rungs with an offer when it was a new rung). A new citizen
// (a numbered test person of the bundled identity provider, no account before) logs in, supports a suggestion
// of Geel and registers for the evening: neither is counted yet, she has no home municipality. She answers the
// pool question yes: Geel becomes her home, the pool of climate makers and the registered users go up by one.
// Then the server starts again on the same data with its jobs on: pg-boss runs the hourly `impact.snapshot`
// job, and each trend's table holds one row, today's, with the figure the dashboard shows now.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	checkA11y,
	geelOpportunity,
	launchBrowser,
	listedSuggestionPath,
	realProblems,
	removeDataDir,
	startServer,
	visit,
	watchProblems,
	type RunningServer
} from './support';

const POOL = 'Klimaatmakers in de pool';
const USERS = 'Geregistreerde gebruikers';
const RUNGS = 'Treden van de participatieladder met aanbod';
/** The rung of the evening, by value and by its Dutch name in the indicator's note ("Adviseren 2"). */
const RUNG = { value: 'advise', name: 'Adviseren' };

/** The indicators' table of the dashboard (its caption is the page's title), read by its headers. */
function indicatorTable(page: Page) {
	return page.getByRole('table', { name: 'Impact', exact: true });
}

/** The text of an indicator's cell in the column with this header. */
async function cellOf(page: Page, indicator: string, header: string): Promise<string> {
	const table = indicatorTable(page);
	const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
	const column = headers.indexOf(header);
	if (column < 0) throw new Error(`no column ${header}: ${headers.join(' | ')}`);
	const row = table
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: indicator, exact: true }) });
	expect(await row.count(), indicator).toBe(1);
	return ((await row.locator('th, td').nth(column).textContent()) ?? '').trim();
}

/** An nl-BE number at the start of a text ("1.234 gebruikers"). */
function numberIn(text: string, what: string): number {
	const match = /^(\d[\d.]*)/.exec(text.trim());
	if (!match) throw new Error(`no number for ${what}: ${text}`);
	return Number(match[1]!.replace(/\./g, ''));
}

const nowOf = async (page: Page, indicator: string) =>
	numberIn(await cellOf(page, indicator, 'Nu'), indicator);

/** How many offers the rung has in the note of the rungs indicator ("Informeren 3, Adviseren 1"); 0 when absent. */
async function offersOn(page: Page, rungName: string): Promise<number> {
	const text = (await page.locator('#opportunities-rungs').textContent()) ?? '';
	const match = new RegExp(`${rungName} (\\d+)`).exec(text);
	return match ? Number(match[1]) : 0;
}

/** The trend table of an indicator: the figure of each day, as "YYYY-MM-DD" → value. */
async function trendOf(page: Page, indicator: string): Promise<Map<string, number>> {
	const table = page.getByRole('table', { name: `Verloop van ${indicator} per dag`, exact: true });
	const days = new Map<string, number>();
	for (const row of await table.locator('tbody tr').all()) {
		const day = await row.locator('time').getAttribute('datetime');
		days.set(day!, numberIn((await row.locator('td').nth(1).textContent()) ?? '', indicator));
	}
	return days;
}

/** Today in Brussels (the snapshot's day). */
const brusselsToday = () =>
	new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Brussels',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(new Date());

/** A local date and time for a datetime-local field, so many days ahead. */
function ahead(days: number, hour: number): string {
	const d = new Date(Date.now() + days * 86_400_000);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

describe('the impact journey', () => {
	let browser: Browser;
	let server: RunningServer | undefined;
	let dataDir: string | undefined;
	const contexts: BrowserContext[] = [];
	const problems: string[] = [];

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => undefined);
		await browser?.close();
		await server?.stop();
		if (dataDir) removeDataDir(dataDir);
	});

	async function newPage(): Promise<Page> {
		const context = await browser.newContext({ baseURL: server!.url, locale: 'nl-BE' });
		contexts.push(context);
		const page = await context.newPage();
		const watched = watchProblems(page);
		page.on('close', () => problems.push(...watched));
		return page;
	}

	async function logIn(page: Page, choose: (page: Page) => Promise<void>) {
		await visit(page, '/aanmelden');
		await page.getByRole('button', { name: 'Aanmelden met Mijn Burgerprofiel (testomgeving)' }).click();
		await choose(page);
		await page.waitForURL(`${server!.url}/`);
	}
	const asPersona = (persona: RegExp) => (page: Page) => page.getByRole('button', { name: persona }).click();

	it('votes, events, registrations and the pool question move the indicators; the daily job snapshots them', async () => {
		// Jobs off: no snapshot at start. One numbered test person for the new citizen.
		server = await startServer({ env: { JOBS: '0', DEV_IDP_PEOPLE: '1' } });
		dataDir = server.dataDir;

		const an = await newPage();
		await logIn(an, asPersona(/An Willems/));
		expect((await visit(an, '/geel/beheer/impact')).status()).toBe(200);
		await checkA11y(an, 'impact journey: dashboard before');
		const pool0 = await nowOf(an, POOL);
		const users0 = await nowOf(an, USERS);
		const rungs0 = await nowOf(an, RUNGS);
		const offers0 = await offersOn(an, RUNG.name);
		// No daily snapshot yet: the trends say so, none is made up.
		expect(await trendOf(an, POOL)).toEqual(new Map());
		expect(await an.locator('#accounts-climateMakers').textContent()).toContain(
			'Nog geen dagelijkse meting.'
		);

		// An creates an information evening of its own on the rung, published, through the back office.
		await visit(an, '/geel/beheer/activiteiten/nieuw');
		await checkA11y(an, 'impact journey: new event');
		const title = `Infoavond warmtenet ${Date.now()}`;
		await an.getByLabel('Titel').fill(title);
		await an.locator('#event-kind').selectOption('infoEvening');
		await an.locator('#event-rung').selectOption(RUNG.value);
		await an.getByLabel('Begint op').fill(ahead(21, 19));
		await an.getByLabel('Eindigt op').fill(ahead(21, 21));
		await an.getByLabel('Publicatie', { exact: true }).selectOption('published');
		await an.getByRole('button', { name: 'Activiteit bewaren' }).click();
		await an.waitForURL(/\/geel\/beheer\/activiteiten\/\d+\?gelukt=aangemaakt$/);
		const eventId = Number(/activiteiten\/(\d+)/.exec(an.url())![1]);
		await checkA11y(an, 'impact journey: event created');

		await visit(an, '/geel/beheer/impact');
		expect(await offersOn(an, RUNG.name)).toBe(offers0 + 1);
		expect(await nowOf(an, RUNGS)).toBe(rungs0 + (offers0 === 0 ? 1 : 0));
		const rungs1 = await nowOf(an, RUNGS);
		expect(await nowOf(an, POOL)).toBe(pool0);
		expect(await nowOf(an, USERS)).toBe(users0);

		// A new citizen: her first login through the bundled identity provider makes her account, without a home.
		const citizen = await newPage();
		await logIn(citizen, async (page) => {
			await page.getByLabel(/Nummer van de testpersoon/).fill('1');
			await page.getByRole('button', { name: 'Aanmelden als deze testpersoon' }).click();
		});
		const profile = (await (await citizen.request.get('/profiel/gegevens.json')).json()) as {
			person: { homeMunicipality: unknown; wantsToHelp: boolean };
		};
		expect(profile.person).toMatchObject({ homeMunicipality: null, wantsToHelp: false });

		// She supports a suggestion of Geel: the pool question follows; she leaves it for now.
		const suggestion = await listedSuggestionPath(
			server.url,
			await geelOpportunity(server.url, 'Daken die geschikt zijn voor zonnepanelen')
		);
		await visit(citizen, suggestion);
		await checkA11y(citizen, 'impact journey: a suggestion');
		await citizen.getByRole('button', { name: /^Steun deze suggestie/ }).click();
		await citizen.waitForURL(/\?gelukt=gesteund$/);
		const question = citizen.getByRole('region', {
			name: 'Blijf op de hoogte van je thema’s en kom in de pool'
		});
		expect(await question.count()).toBe(1);
		await checkA11y(citizen, 'impact journey: supported, the pool question');

		// She registers for the evening: the confirmation asks the pool question again, and she answers yes.
		await visit(citizen, `/geel/activiteiten/${eventId}-infoavond`);
		expect(await citizen.locator('h1').textContent()).toContain(title);
		await checkA11y(citizen, 'impact journey: the event');
		await citizen.getByRole('button', { name: 'Schrijf me in' }).click();
		await citizen.waitForURL(/\?gelukt=ingeschreven/);
		await checkA11y(citizen, 'impact journey: registered, the pool question');

		// Neither the support nor the registration counts yet: she has no home municipality.
		await visit(an, '/geel/beheer/impact');
		expect(await nowOf(an, POOL)).toBe(pool0);
		expect(await nowOf(an, USERS)).toBe(users0);

		await question.getByRole('button', { name: 'Ja, hou me op de hoogte' }).click();
		await citizen.waitForURL(/\?gelukt=pool-ja/);
		expect(
			await citizen.getByRole('status').filter({ hasText: 'Welkom in de pool van klimaatmakers van' }).count()
		).toBe(1);
		await checkA11y(citizen, 'impact journey: pool joined');

		// Geel is her home now: one more climate maker in the pool and one more registered user.
		await visit(an, '/geel/beheer/impact');
		await checkA11y(an, 'impact journey: dashboard after');
		expect(await nowOf(an, POOL)).toBe(pool0 + 1);
		expect(await nowOf(an, USERS)).toBe(users0 + 1);
		expect(await nowOf(an, RUNGS)).toBe(rungs1);
		expect(await offersOn(an, RUNG.name)).toBe(offers0 + 1);
		expect(await trendOf(an, POOL)).toEqual(new Map());
		for (const page of [an, citizen]) await page.close();

		// The platform starts again on the same data with its jobs on: pg-boss runs the hourly snapshot job.
		await server.stop();
		server = await startServer({ dataDir });
		const staff = await newPage();
		await logIn(staff, asPersona(/An Willems/));
		const today = brusselsToday();
		let trend = new Map<string, number>();
		for (let i = 0; i < 60 && !trend.has(today); i++) {
			if (i > 0) await new Promise((r) => setTimeout(r, 2_000));
			await visit(staff, '/geel/beheer/impact');
			trend = await trendOf(staff, POOL);
		}
		await checkA11y(staff, 'impact journey: dashboard with the day’s snapshot');
		// One row, today's, with the figure the dashboard shows now.
		expect(trend).toEqual(new Map([[today, pool0 + 1]]));
		expect(await nowOf(staff, POOL)).toBe(pool0 + 1);
		expect(await trendOf(staff, USERS)).toEqual(new Map([[today, users0 + 1]]));
		expect(await nowOf(staff, USERS)).toBe(users0 + 1);
		expect(await trendOf(staff, RUNGS)).toEqual(new Map([[today, rungs1]]));
		expect(await nowOf(staff, RUNGS)).toBe(rungs1);
		await staff.close();

		expect(realProblems(problems)).toEqual([]);
		// Two server starts on a loaded machine, three people and a dozen pages under axe.
	}, 600_000);
});
