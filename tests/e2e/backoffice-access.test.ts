// Over real HTTP against the built server: every staff role of Geel (its colleague of the green service too),
// logged in through the identity provider, is refused every back-office page and write of Mol; a citizen
// reaches none; a visitor is sent to the login page. Nothing of Mol changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../../src/lib/server/testing/http-client';
import { logInOverHttp, removeDataDir, startServer, type RunningServer } from './support';

const PAGES = [
	'/mol/beheer',
	'/mol/beheer/medewerkers',
	'/mol/beheer/medewerkers/verwijderen',
	'/mol/beheer/logboek',
	'/mol/beheer/collega',
	'/mol/beheer/instellingen',
	'/mol/beheer/instellingen/themas',
	'/mol/beheer/instellingen/verklaringen',
	'/mol/beheer/instellingen/open-data',
	// Events: the demo's events are Geel's (ids 1 to 3), so Geel's admin opens them in Geel's back office.
	'/mol/beheer/activiteiten',
	'/mol/beheer/activiteiten/nieuw',
	'/mol/beheer/activiteiten/bevestigen',
	'/mol/beheer/activiteiten/1',
	'/mol/beheer/activiteiten/1/inschrijvingen',
	'/mol/beheer/activiteiten/1/inschrijvingen.csv',
	'/mol/beheer/activiteiten/1/annuleren',
	'/mol/beheer/activiteiten/1/verslag',
	'/mol/beheer/activiteiten/1/inchecken?code=1-AAAAAAAAAAAAAAAAAAAAAA',
	// The climate plan: the demo's plan is Geel's (its first action is 1).
	'/mol/beheer/klimaatplan',
	'/mol/beheer/klimaatplan?laat=ja',
	'/mol/beheer/klimaatplan/bord',
	'/mol/beheer/klimaatplan/totalen',
	'/mol/beheer/klimaatplan/tijdlijn',
	'/mol/beheer/klimaatplan/prioriteiten?laat=ja',
	// A report's download is aimed at a real report of Mol in tenant-isolation.test.ts (the demo issues none).
	'/mol/beheer/klimaatplan/raadsrapport',
	'/mol/beheer/klimaatplan/samenvatting',
	'/mol/beheer/klimaatplan/nieuw',
	'/mol/beheer/klimaatplan/importeren',
	'/mol/beheer/klimaatplan/lijsten',
	'/mol/beheer/klimaatplan/bevestigen',
	'/mol/beheer/klimaatplan/convenant.csv',
	'/mol/beheer/klimaatplan/convenant.xlsx',
	'/mol/beheer/klimaatplan/1',
	'/mol/beheer/klimaatplan/1/bewerken',
	// The Climate Pact: the demo's outcomes and reports are Geel's (its first outcome is 1).
	'/mol/beheer/klimaatpact',
	'/mol/beheer/klimaatpact/meldingen',
	'/mol/beheer/klimaatpact/meldingen/bevestigen',
	'/mol/beheer/klimaatpact/klimaatpact.xlsx',
	'/mol/beheer/klimaatpact/klimaatpact.csv',
	'/mol/beheer/klimaatpact/1',
	'/mol/beheer/klimaatpact/1/verwijderen',
	// The plan's internal work: departments' staff, climate teams, meetings, tasks and the diagnosis.
	'/mol/beheer/klimaatplan/diensten',
	'/mol/beheer/klimaatplan/teams',
	'/mol/beheer/klimaatplan/overleg',
	'/mol/beheer/klimaatplan/overleg/nieuw?soort=lunchgesprek',
	'/mol/beheer/klimaatplan/taken',
	'/mol/beheer/klimaatplan/diagnose',
	// Impact: the municipality's dashboard.
	'/mol/beheer/impact'
];
const WRITES: { path: string; form: Record<string, string> }[] = [
	{ path: '/mol/beheer/medewerkers?/invite', form: { email: 'indringer@example.be', role: 'admin' } },
	{
		path: '/mol/beheer/instellingen?/branding',
		form: { primaryColor: '#000000', accentColor: '#ffffff', websiteUrl: '', intro: 'Overgenomen' }
	},
	{
		path: '/mol/beheer/instellingen/verklaringen',
		form: { kind: 'privacy', markdown: 'OVERGENOMEN DOOR GEEL' }
	},
	{ path: '/mol/beheer/instellingen/themas?/add', form: { name: 'Ingebroken thema', climate: 'on' } },
	{ path: '/mol/beheer/instellingen/open-data', form: { licence: 'cc0-1.0' } },
	{
		path: '/mol/beheer/activiteiten/nieuw',
		form: {
			kind: 'workingGroup',
			title: 'Ingebroken activiteit',
			startsAt: '2027-09-10T19:30',
			endsAt: '2027-09-10T21:30',
			status: 'published'
		}
	},
	{ path: '/mol/beheer/activiteiten/1/annuleren', form: { confirm: 'on' } },
	{
		path: '/mol/beheer/activiteiten/1/verslag',
		form: { report: 'OVERGENOMEN DOOR GEEL', intent: 'publish' }
	},
	{ path: '/mol/beheer/activiteiten/bevestigen', form: { activiteit: '1' } },
	{ path: '/mol/beheer/collega?/follow', form: { rij: 'a1' } },
	{ path: '/mol/beheer/activiteiten/1/inchecken?code=1-AAAAAAAAAAAAAAAAAAAAAA', form: {} },
	{ path: '/mol/beheer/klimaatplan/nieuw', form: { title: 'Ingebroken actie', status: 'ongoing' } },
	{ path: '/mol/beheer/klimaatplan/bevestigen', form: { planactie: '1', wijziging: 'status:stopped' } },
	{ path: '/mol/beheer/klimaatplan/1?/update', form: { done: 'Ingebroken update' } },
	{ path: '/mol/beheer/klimaatplan/1?/link', form: { action: '1', parts: 'status' } },
	{ path: '/mol/beheer/klimaatplan/lijsten?/department', form: { name: 'Ingebroken dienst' } },
	{ path: '/mol/beheer/klimaatplan?/saveView', form: { name: 'Ingebroken', query: '' } },
	{ path: '/mol/beheer/klimaatplan/raadsrapport?/issue', form: {} },
	{
		path: '/mol/beheer/klimaatpact?/record',
		form: { target: 'actie:1', kind: 'trees', quantity: '1000', occurredOn: '2025-01-01', note: '' }
	},
	{ path: '/mol/beheer/klimaatpact?/dwellings', form: { dwellings: '1' } },
	{ path: '/mol/beheer/klimaatpact/meldingen/bevestigen', form: { melding: '1' } },
	{
		path: '/mol/beheer/impact?/strategy',
		form: { channels: 'website', agreements: 'OVERGENOMEN DOOR GEEL', internal: '' }
	},
	{ path: '/mol/beheer/impact?/target', form: { indicator: 'accounts.registeredUsers', target: '1' } },
	{
		path: '/mol/beheer/impact?/baseline',
		form: { indicator: 'accounts.registeredUsers', value: '1', recordedOn: '2026-01-01', reason: 'x' }
	}
];
const GEEL_STAFF = [
	'dev-moderator-geel',
	'dev-communication-geel',
	'dev-alderman-geel',
	'dev-admin-geel',
	'dev-colleague-geel'
];

let server: RunningServer;

const logIn = (sub: string) => logInOverHttp(server, sub);

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
	if (server) removeDataDir(server.dataDir);
});

describe('back-office access across municipalities', () => {
	it.each(GEEL_STAFF)('refuses %s every back-office page and write of Mol', async (sub) => {
		const jar = await logIn(sub);
		for (const path of PAGES) {
			const response = await jar.fetch(new URL(server.url + path));
			expect(response.status, path).toBe(403);
		}
		for (const write of WRITES) {
			const response = await jar.fetch(new URL(server.url + write.path), {
				method: 'POST',
				form: write.form
			});
			expect(response.status, write.path).toBe(403);
		}
	});

	it('lets the admin of Geel into the back office of Geel', async () => {
		const jar = await logIn('dev-admin-geel');
		for (const path of PAGES.map((p) => p.replace('/mol/', '/geel/'))) {
			const response = await jar.fetch(new URL(server.url + path));
			expect(response.status, path).toBe(200);
		}
	});

	it('refuses a citizen every back-office page of their own municipality', async () => {
		const jar = await logIn('dev-citizen-geel');
		for (const path of PAGES.map((p) => p.replace('/mol/', '/geel/'))) {
			expect((await jar.fetch(new URL(server.url + path))).status, path).toBe(403);
		}
		const region = await jar.fetch(new URL(`${server.url}/beheer/deelname`));
		expect(region.status).toBe(403);
	});

	it('sends a visitor to the login page, and refuses a visitor a write', async () => {
		const jar = new CookieJar();
		const response = await jar.fetch(new URL(`${server.url}/mol/beheer/medewerkers`));
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/aanmelden\?terug=/);
		const write = await jar.fetch(new URL(`${server.url}/mol/beheer/instellingen/verklaringen`), {
			method: 'POST',
			form: { kind: 'privacy', markdown: 'OVERGENOMEN DOOR GEEL' }
		});
		expect([303, 401, 403]).toContain(write.status);
	});

	it('leaves Mol unchanged when every Geel role tries every write of Mol', async () => {
		// On its own, not relying on the tests above: every role tries every write here, then Mol is read.
		for (const sub of GEEL_STAFF) {
			const jar = await logIn(sub);
			for (const write of WRITES) {
				const response = await jar.fetch(new URL(server.url + write.path), {
					method: 'POST',
					form: write.form
				});
				expect(response.status, `${sub} ${write.path}`).toBe(403);
			}
		}
		const privacy = await (await fetch(`${server.url}/mol/privacy`)).text();
		expect(privacy).not.toContain('OVERGENOMEN DOOR GEEL');
		const home = await (await fetch(`${server.url}/mol`)).text();
		expect(home).not.toContain('Overgenomen');
		const jar = await logIn('dev-regional-admin-kempen');
		const staff = await (await jar.fetch(new URL(`${server.url}/mol/beheer/medewerkers`))).text();
		expect(staff).not.toContain('indringer@example.be');
		const themes = await (await jar.fetch(new URL(`${server.url}/mol/beheer/instellingen/themas`))).text();
		expect(themes).not.toContain('Ingebroken thema');
	});
});
