// The plan's timeline, priority view and council report against the real database: the board's filters apply;
// bars sit where their planned dates are on an axis around today, late ones flagged, undated ones listed apart;
// actions are ranked by euro per tonne CO2 and those without a budget or a reduction are listed apart with what
// they lack; the council report is a tagged PDF, read back with PDF.js, whose figures, status changes, updates
// and adjustments with reasons are those of the period since the previous report. A citizen, an external coach
// and Mol's staff are refused; Mol sees nothing of Geel's reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import {
	actorOf,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser,
	coachMunicipality,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import { findAllStruct, readPdf } from '$lib/server/testing/pdf-inspect';
import { climatePlanActions, climatePlanReports, climatePlanUpdates } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import {
	addPlanDepartment,
	addPlanTheme,
	changePlanActionsInBulk,
	createPlanAction,
	postPlanUpdate
} from './climate-plan.service';
import { getPlanTimeline, timelineAxis } from './climate-plan.timeline';
import { getPlanPriority, PRIORITY_MAX, PRIORITY_PLOT } from './climate-plan.priority';
import { getCouncilReportFile, getCouncilReports, issueCouncilReport } from './climate-plan.council-report';
import { brusselsDay } from '$lib/server/platform/dates';
import { erasePlanData, exportPlanData } from './climate-plan.personal-data';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let officer: Actor;
let alderman: Actor;
let molOfficer: Actor;
let citizen: Actor;
let expert: Actor;
let buildings: number;
let mobility: number;
let green: number;
let technical: number;
const ids: Record<string, number> = {};

const as = (actor: Actor | undefined, tenant: Tenant = geel) => ctxAs(database.db, tenant, actor);

const today = brusselsDay();
const year = Number(today.slice(0, 4));

const base = {
	code: '',
	description: '',
	theme: '',
	sector: 'other',
	lead: '',
	involved: [] as string[],
	responsible: '',
	priority: 'medium',
	status: 'ongoing',
	plannedStart: '',
	plannedEnd: '',
	actualStart: '',
	actualEnd: '',
	budget: '',
	spent: '',
	co2Planned: '',
	co2Achieved: '',
	energySavings: '',
	renewable: '',
	areaOfIntervention: '',
	policyInstrument: '',
	origin: ''
};

async function add(key: string, values: Partial<typeof base> & { title: string }, tenant = geel) {
	const actor = tenant === geel ? officer : molOfficer;
	ids[key] = (await createPlanAction(as(actor, tenant), { ...base, ...values })).id;
}

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	officer = (await buildStaff(database.db, geel, 'moderator', { givenName: 'Bart', familyName: 'Claes' }))
		.actor;
	alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
	molOfficer = (await buildStaff(database.db, mol, 'moderator')).actor;
	const user = await buildUser(database.db);
	citizen = { userId: user.id, displayName: user.displayName, memberships: [], regionRoles: [] };
	const expertUser = await buildUser(database.db);
	const roleId = await grantRegionRole(
		database.db,
		await regionIdOf(database.db, geel),
		expertUser.id,
		'participation_expert'
	);
	await coachMunicipality(database.db, roleId, geel);
	expert = await actorOf(database.db, expertUser);
	buildings = (await addPlanTheme(as(officer), { name: 'Gebouwen' })).id;
	mobility = (await addPlanTheme(as(officer), { name: 'Mobiliteit' })).id;
	green = (await addPlanDepartment(as(officer), { name: 'Groendienst' })).id;
	technical = (await addPlanDepartment(as(officer), { name: 'Technische dienst' })).id;

	// Solar: 100.000 euro for 50 t/year = 2.000 euro per tonne; insulation: 30.000 for 60 t = 500 per tonne;
	// bike lanes: 90.000 for 10 t = 9.000 per tonne. LED lacks CO2, the campaign a budget, trees both.
	await add('solar', {
		title: 'Zonnepanelen op het administratief centrum',
		theme: String(buildings),
		lead: String(technical),
		plannedStart: `${year - 1}-03-01`,
		plannedEnd: `${year + 1}-06-30`,
		budget: '100000',
		co2Planned: '50'
	});
	await add('insulation', {
		title: 'Isolatie van de sporthal',
		theme: String(buildings),
		lead: String(technical),
		status: 'not_started',
		priority: 'high',
		plannedStart: `${year - 1}-01-01`,
		plannedEnd: `${year + 2}-12-31`,
		budget: '30000',
		co2Planned: '60'
	});
	await add('bikes', {
		title: 'Fietsstraten in het centrum',
		theme: String(mobility),
		lead: String(green),
		plannedStart: `${year - 2}-09-01`,
		plannedEnd: `${year - 1}-12-31`,
		budget: '90000',
		co2Planned: '10'
	});
	await add('led', {
		title: 'LED in de bibliotheek',
		theme: String(buildings),
		lead: String(technical),
		plannedEnd: `${year + 1}-01-31`,
		budget: '8000'
	});
	await add('campaign', {
		title: 'Campagne autodelen',
		theme: String(mobility),
		lead: String(green),
		co2Planned: '5'
	});
	await add('trees', { title: 'Bomen planten langs de Markt', lead: String(green) });
	await add(
		'mol',
		{
			title: 'Relighting sporthal Mol',
			plannedStart: `${year}-01-01`,
			plannedEnd: `${year}-12-31`,
			budget: '1000',
			co2Planned: '100'
		},
		mol
	);
});
afterAll(() => database?.destroy());

describe('the timeline', () => {
	it('places each dated action on an axis of whole months around today, late ones flagged', async () => {
		const view = await getPlanTimeline(as(alderman), {});
		expect(view.items.map((i) => i.title)).toEqual([
			'Fietsstraten in het centrum',
			'Isolatie van de sporthal',
			'Zonnepanelen op het administratief centrum',
			'LED in de bibliotheek'
		]);
		expect(view.total).toBe(4);
		expect(view.axis!.from).toBe(`${year - 2}-09-01`);
		expect(view.axis!.to).toBe(`${year + 2}-12-31`);
		const bikes = view.items.find((i) => i.id === ids.bikes)!;
		const insulation = view.items.find((i) => i.id === ids.insulation)!;
		const solar = view.items.find((i) => i.id === ids.solar)!;
		expect(bikes.offset).toBe(0);
		// Ended last year while still ongoing; not started while its start has passed: both late.
		expect(bikes.late).toBe(true);
		expect(insulation.late).toBe(true);
		expect(solar.late).toBe(false);
		expect(insulation.offset + insulation.width).toBeCloseTo(100, 0);
		expect(solar.offset).toBeGreaterThan(bikes.offset);
		expect(view.axis!.todayOffset).toBeGreaterThan(solar.offset);
		expect(view.axis!.todayOffset).toBeLessThan(solar.offset + solar.width);
		// An action with only a planned end is a short mark at its end.
		const led = view.items.find((i) => i.id === ids.led)!;
		expect(led.plannedStart).toBeNull();
		expect(led.width).toBeLessThan(1);
		// Ticks: every year starts with a year tick; over 4+ years no month ticks.
		expect(view.axis!.ticks.filter((t) => t.kind === 'year').map((t) => t.day.slice(0, 4))).toEqual(
			[year - 2, year - 1, year, year + 1, year + 2].map(String)
		);
		// Undated actions are listed apart, never dropped.
		expect(view.undated.map((i) => i.title).sort()).toEqual([
			'Bomen planten langs de Markt',
			'Campagne autodelen'
		]);
		expect(view.undatedTotal).toBe(2);
		expect(JSON.stringify(view)).not.toContain('Mol');
	});

	it('takes the table’s filters: department, theme, status, priority, late, a word', async () => {
		const titles = async (input: Record<string, string>) =>
			(await getPlanTimeline(as(officer), input)).items.map((i) => i.title).sort();
		expect(await titles({ department: String(green) })).toEqual(['Fietsstraten in het centrum']);
		expect(await titles({ theme: String(buildings) })).toEqual([
			'Isolatie van de sporthal',
			'LED in de bibliotheek',
			'Zonnepanelen op het administratief centrum'
		]);
		expect(await titles({ status: 'not_started' })).toEqual(['Isolatie van de sporthal']);
		expect(await titles({ priority: 'high' })).toEqual(['Isolatie van de sporthal']);
		expect(await titles({ late: 'ja' })).toEqual(['Fietsstraten in het centrum', 'Isolatie van de sporthal']);
		expect(await titles({ q: 'sporthal' })).toEqual(['Isolatie van de sporthal']);
		const none = await getPlanTimeline(as(officer), { q: 'bestaat niet' });
		expect(none.items).toEqual([]);
		expect(none.axis).toBeNull();
		expect(none.undatedTotal).toBe(0);
		// A hostile or malformed filter is left out, never an error.
		const odd = await getPlanTimeline(as(officer), { department: "1' OR 1=1 --", page: '-3', status: 'x' });
		expect(odd.total).toBe(4);
		expect(odd.page).toBe(1);
	});

	it('an axis of a short span has a tick per month; a single day still gets a visible bar', () => {
		const axis = timelineAxis('2027-02-10', '2027-05-20', '2027-03-15');
		expect(axis.from).toBe('2027-02-01');
		expect(axis.to).toBe('2027-05-31');
		expect(axis.ticks.map((t) => `${t.kind}:${t.day}`)).toEqual([
			'year:2027-02-01',
			'month:2027-03-01',
			'month:2027-04-01',
			'month:2027-05-01'
		]);
		expect(axis.place('2027-02-01', '2027-05-31')).toEqual({ offset: 0, width: 100 });
		// One day of 120 is 0.83 %; on an axis of ten years it would vanish, so it gets at least 0.6 %.
		expect(axis.place('2027-04-01', '2027-04-01').width).toBe(0.83);
		const long = timelineAxis('2020-01-01', '2029-12-31', '2025-06-01');
		expect(long.place('2025-04-01', '2025-04-01').width).toBe(0.6);
		expect(long.ticks.every((t) => t.kind === 'year')).toBe(true);
	});
});

describe('the priority view', () => {
	it('ranks by euro per tonne CO2 and lists those without a budget or a reduction apart', async () => {
		const view = await getPlanPriority(as(alderman), {});
		expect(view.ranked.map((r) => [r.rank, r.title, r.centsPerTonne])).toEqual([
			[1, 'Isolatie van de sporthal', 50_000],
			[2, 'Zonnepanelen op het administratief centrum', 200_000],
			[3, 'Fietsstraten in het centrum', 900_000]
		]);
		expect(view.rankedTotal).toBe(3);
		expect(Object.fromEntries(view.apart.map((a) => [a.title, a.missing]))).toEqual({
			'LED in de bibliotheek': 'co2',
			'Campagne autodelen': 'budget',
			'Bomen planten langs de Markt': 'both'
		});
		expect(JSON.stringify(view)).not.toContain('Mol');
	});

	it('places the points with d3-scale on nice axes from zero', async () => {
		const view = await getPlanPriority(as(officer), {});
		// Budgets up to 100.000 euro and CO2 up to 60 t/year: nice ticks from 0.
		expect(view.xTicks.map((t) => t.value)).toEqual([0, 20_000, 40_000, 60_000, 80_000, 100_000]);
		expect(view.yTicks.map((t) => t.value)).toEqual([0, 10, 20, 30, 40, 50, 60]);
		const [x0, x100] = [view.xTicks[0]!.position, view.xTicks.at(-1)!.position];
		const [y0, y60] = [view.yTicks[0]!.position, view.yTicks.at(-1)!.position];
		expect(x0).toBe(72);
		expect(x100).toBe(592);
		expect(y0).toBe(344);
		expect(y60).toBe(16);
		const solar = view.points.find((p) => p.id === ids.solar)!;
		// A point carries what the plot draws (the page sends every point to the browser).
		expect(Object.keys(solar).sort()).toEqual(['id', 'rank', 'x', 'y']);
		expect(solar.x).toBe(x100);
		expect(solar.y).toBeCloseTo(y0 + ((y60 - y0) * 50) / 60, 1);
		const insulation = view.points.find((p) => p.id === ids.insulation)!;
		expect(insulation.rank).toBe(1);
		expect(insulation.y).toBe(y60);
	});

	it('takes the table’s filters', async () => {
		const byTheme = await getPlanPriority(as(officer), { theme: String(mobility) });
		expect(byTheme.ranked.map((r) => r.title)).toEqual(['Fietsstraten in het centrum']);
		expect(byTheme.apart.map((r) => r.title)).toEqual(['Campagne autodelen']);
		const late = await getPlanPriority(as(officer), { late: 'ja' });
		expect(late.ranked.map((r) => r.title)).toEqual([
			'Isolatie van de sporthal',
			'Fietsstraten in het centrum'
		]);
		const dept = await getPlanPriority(as(officer), { department: String(technical), status: 'ongoing' });
		expect(dept.ranked.map((r) => r.title)).toEqual(['Zonnepanelen op het administratief centrum']);
		expect(dept.apart.map((r) => r.title)).toEqual(['LED in de bibliotheek']);
	});
});

describe('the priority view’s limit', () => {
	it('is capped only when more actions match than it shows: exactly the most is not, one more is', async () => {
		// Herentals' own plan, so the other tests' plan stays as it is.
		const herentals = await buildParticipatingMunicipality(database.db, 'herentals');
		const staff = (await buildStaff(database.db, herentals, 'moderator')).actor;
		const action = (i: number) => ({
			municipalityId: herentals.id,
			title: `Actie ${i}`,
			budgetCents: 100_000 + i,
			co2Planned: 1
		});
		await database.db
			.insert(climatePlanActions)
			.values(Array.from({ length: PRIORITY_MAX }, (_, i) => action(i)));
		const exactly = await getPlanPriority(as(staff, herentals), {});
		expect(exactly.rankedTotal).toBe(PRIORITY_MAX);
		expect(exactly.capped).toBe(false);
		// The page draws in the server's box and names the server's limit.
		expect(exactly.max).toBe(PRIORITY_MAX);
		expect(exactly.plot).toEqual(PRIORITY_PLOT);

		const [dearest] = await database.db
			.insert(climatePlanActions)
			.values(action(PRIORITY_MAX))
			.returning({ id: climatePlanActions.id });
		const more = await getPlanPriority(as(staff, herentals), {});
		expect(more.capped).toBe(true);
		expect(more.rankedTotal).toBe(PRIORITY_MAX);
		expect(more.points).toHaveLength(PRIORITY_MAX);
		// The dearest per tonne is the one left out.
		expect(more.points.some((p) => p.id === dearest!.id)).toBe(false);
	});
});

describe('who may see the views', () => {
	it('refuses a citizen, a visitor, an external coach and Mol’s staff', async () => {
		for (const use of [getPlanTimeline, getPlanPriority, getCouncilReports]) {
			await refusal(use(as(citizen), {}), 'forbidden');
			await refusal(use(as(expert), {}), 'forbidden');
			await refusal(use(as(molOfficer), {}), 'forbidden');
			await expect(use(as(undefined), {})).rejects.toMatchObject({ code: 'unauthenticated' });
		}
		await refusal(issueCouncilReport(as(molOfficer), {}), 'forbidden');
		await refusal(issueCouncilReport(as(citizen), {}), 'forbidden');
		// Reading staff may not issue a report.
		await refusal(issueCouncilReport(as(alderman), {}), 'forbidden');
	});

	it('Mol’s own views show Mol’s plan only', async () => {
		const timeline = await getPlanTimeline(as(molOfficer, mol), {});
		expect(timeline.items.map((i) => i.title)).toEqual(['Relighting sporthal Mol']);
		const priority = await getPlanPriority(as(molOfficer, mol), {});
		expect(priority.ranked.map((i) => i.title)).toEqual(['Relighting sporthal Mol']);
		expect(priority.apart).toEqual([]);
	});
});

describe('the council report', () => {
	it('the first report: status per theme, all updates, adjustments with their reasons, as a tagged PDF', async () => {
		await postPlanUpdate(as(officer), {
			unverifiedId: ids.solar,
			done: 'Offertes vergeleken',
			blockers: 'Wachten op de netbeheerder',
			adjustment: 'Installatie in twee fasen',
			adjustmentReason: 'Het dak van de raadzaal wordt eerst hersteld'
		});
		await postPlanUpdate(as(officer), {
			unverifiedId: ids.bikes,
			done: 'Fietsstraat Nieuwstraat klaar',
			status: 'completed'
		});
		const before = await getCouncilReports(as(alderman), {});
		expect(before.reports).toEqual([]);
		expect(before.pending).toMatchObject({ since: null, updates: 2, adjustments: 1 });

		const { id } = await issueCouncilReport(as(officer), {});
		const file = await getCouncilReportFile(as(alderman), { unverifiedId: String(id) });
		expect(file.fileName).toBe(`raadsrapport-klimaatplan-geel-${today}.pdf`);
		const pdf = await readPdf(file.bytes);
		expect(pdf.tagged).toBe(true);
		expect(pdf.info.lang).toBe('nl-BE');
		expect(pdf.info.title).toMatch(/^Voortgangsrapport klimaatplan /);
		expect(pdf.pages.flatMap((p) => p.untaggedText)).toEqual([]);
		const text = pdf.pages.map((p) => p.text).join(' ');
		// Six actions: the bike lanes completed by their update, solar, LED, the campaign and the trees ongoing,
		// the insulation not started; only the insulation is late (its start has passed).
		expect(text).toContain(
			'6 acties in het plan (stopgezette niet meegeteld): 1 afgerond, 4 lopend, 1 niet gestart, 0 uitgesteld; 0 stopgezet. 1 te laat.'
		);
		// 50 + 60 + 10 + 5 t/year; 100.000 + 30.000 + 90.000 + 8.000 euro.
		expect(text).toContain('CO2-reductie: 0 van 125 ton per jaar bereikt.');
		expect(text).toMatch(/Budget: €\s0 van €\s228\.000 besteed\./);
		// Per theme: Gebouwen has solar, insulation, LED; Mobiliteit bikes and the campaign; the trees no theme.
		expect(text).toMatch(
			/Gebouwen 3 acties \(stopgezette niet meegeteld\): 0 afgerond, 2 lopend, 1 niet gestart, 0 uitgesteld; 0 stopgezet; CO2 0 van 110 ton per jaar\./
		);
		expect(text).toMatch(
			/Mobiliteit 2 acties \(stopgezette niet meegeteld\): 1 afgerond, 1 lopend, 0 niet gestart, 0 uitgesteld; 0 stopgezet; CO2 0 van 15 ton per jaar\./
		);
		expect(text).toMatch(/Zonder thema 1 actie \(stopgezette niet meegeteld\): 0 afgerond, 1 lopend/);
		expect(text).toContain('Het eerste rapport heeft geen vorige stand om mee te vergelijken.');
		expect(text).toContain('Zonnepanelen op het administratief centrum');
		expect(text).toContain('Offertes vergeleken');
		expect(text).toContain('Wat blokkeert: Wachten op de netbeheerder');
		expect(text).toContain('Installatie in twee fasen');
		expect(text).toContain('Reden: Het dak van de raadzaal wordt eerst hersteld');
		expect(text).toContain('Fietsstraat Nieuwstraat klaar');
		expect(text).not.toContain('Mol');
		const root = pdf.pages[0]!.structure;
		expect(findAllStruct(root, 'H1').map((h) => h.text)).toEqual(['Voortgangsrapport van het klimaatplan']);
		const h2s = pdf.pages.flatMap((p) => findAllStruct(p.structure, 'H2').map((h) => h.text));
		expect(h2s).toEqual([
			'Samenvatting',
			'Stand per thema',
			'Wat er gebeurde tot nu',
			'Bijsturingen en hun redenen'
		]);
		const audit = await auditOf(database.db, geel.id);
		expect(audit.some((a) => a.action === 'climate_plan.council_report_issued')).toBe(true);
	});

	it('the next report holds only what changed since: updates, status changes, new actions', async () => {
		// Make the first report's issue a moment in the past, so what follows is clearly after it.
		const [first] = await database.db
			.select({ issuedAt: climatePlanReports.issuedAt })
			.from(climatePlanReports);
		await database.db
			.update(climatePlanReports)
			.set({ issuedAt: new Date(first!.issuedAt.getTime() - 60_000) });
		await database.db
			.update(climatePlanUpdates)
			.set({ createdAt: new Date(first!.issuedAt.getTime() - 120_000) })
			.where(eq(climatePlanUpdates.municipalityId, geel.id));

		await changePlanActionsInBulk(as(officer), { ids: [String(ids.led)], operation: 'status:postponed' });
		await postPlanUpdate(as(officer), {
			unverifiedId: ids.insulation,
			done: 'Studiebureau aangesteld',
			adjustment: 'Einde een jaar later',
			adjustmentReason: 'Subsidie pas in het najaar',
			status: 'ongoing'
		});
		await add('heat', { title: 'Warmtenet Stationsbuurt', theme: String(buildings) });

		const pending = (await getCouncilReports(as(officer), {})).pending;
		expect(pending.since).not.toBeNull();
		expect(pending).toMatchObject({ updates: 1, statusChanges: 2, adjustments: 1, newActions: 1 });

		const { id } = await issueCouncilReport(as(officer), {});
		const text = (
			await readPdf((await getCouncilReportFile(as(officer), { unverifiedId: String(id) })).bytes)
		).pages
			.map((p) => p.text)
			.join(' ');
		expect(text).toContain('Wat veranderde sinds het vorige rapport');
		expect(text).toContain('LED in de bibliotheek: van lopend naar uitgesteld.');
		expect(text).toContain('Isolatie van de sporthal: van niet gestart naar lopend.');
		expect(text).toContain('Warmtenet Stationsbuurt: nieuw in het plan (lopend).');
		expect(text).toContain('Studiebureau aangesteld');
		expect(text).toContain('Einde een jaar later');
		expect(text).toContain('Reden: Subsidie pas in het najaar');
		// What the first report already said is not repeated.
		expect(text).not.toContain('Offertes vergeleken');
		expect(text).not.toContain('Installatie in twee fasen');
		expect(text).not.toContain('Zonnepanelen op het administratief centrum: van');

		const page = await getCouncilReports(as(alderman), {});
		expect(page.reports).toHaveLength(2);
		expect(page.reports[0]!.id).toBe(id);
		expect(page.reports[0]!.periodStart).toBe(page.reports[1]!.issuedAt);
		expect(page.reports[1]!.periodStart).toBeNull();
		expect(page.reports[0]!.issuedByName).toBe('Bart Claes');
		expect(page.pending).toMatchObject({ updates: 0, statusChanges: 0, adjustments: 0, newActions: 0 });
	});

	it('another municipality’s report, or no report at all, is not found', async () => {
		const [report] = await database.db
			.select({ id: climatePlanReports.id })
			.from(climatePlanReports)
			.limit(1);
		await refusal(
			getCouncilReportFile(as(molOfficer, mol), { unverifiedId: String(report!.id) }),
			'not_found'
		);
		await refusal(getCouncilReportFile(as(molOfficer), { unverifiedId: String(report!.id) }), 'forbidden');
		await refusal(getCouncilReportFile(as(officer), { unverifiedId: 'abc' }), 'not_found');
		await refusal(getCouncilReportFile(as(officer), { unverifiedId: '999999' }), 'not_found');
		expect((await getCouncilReports(as(molOfficer, mol), {})).reports).toEqual([]);
	});

	it('a person’s data: the reports they issued are exported; deleting the account keeps the reports unnamed', async () => {
		const ref = { userId: officer.userId, addresses: [], displayName: officer.displayName };
		const data = await exportPlanData(database.db, ref);
		expect(data.climatePlanReportsIssued).toHaveLength(2);
		await database.db.transaction((tx) => erasePlanData(tx, ref));
		const rows = await database.db.select({ issuedBy: climatePlanReports.issuedBy }).from(climatePlanReports);
		expect(rows).toEqual([{ issuedBy: null }, { issuedBy: null }]);
		expect((await getCouncilReports(as(alderman), {})).reports).toHaveLength(2);
	});
});
