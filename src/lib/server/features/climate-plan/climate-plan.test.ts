// The climate plan against the real database: Geel's sustainability officer adds and changes plan actions with
// every field (bad input refused beside its field, nothing saved: dates in the wrong order, negative budgets or
// CO2, a department, theme or person of another municipality, hostile text), filters the table (department,
// theme, status, priority, late, no update for 60 days) and pages it, changes actions in bulk, saves views; the
// responsible colleague posts an update and others may not; totals, the board by status and the college's summary
// count right; a linked public action shows only the parts chosen, never an internal field; Mol's staff, a
// citizen, a visitor and an external coach are refused, and Mol's queries see nothing of Geel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import {
	buildAction,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser,
	coachMunicipality,
	grantRegionRole,
	actorOf,
	regionIdOf
} from '$lib/server/testing/factories';
import { climatePlanActions, climatePlanUpdates } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import {
	addIndicator,
	addMilestone,
	addPlanDepartment,
	addPlanTheme,
	changePlanActionsInBulk,
	createPlanAction,
	editPlanAction,
	getPlanActionPage,
	getPlanStatusBoard,
	getPlanSummary,
	getPlanTotals,
	getPublicPlanParts,
	linkPublicAction,
	listPlanBoard,
	postPlanUpdate,
	previewBulkPlanChange,
	removePlanView,
	savePlanView,
	setIndicatorCurrent
} from './climate-plan.service';
import { listPlanActions, listPlanDepartments, listPlanThemes } from './climate-plan.queries';
import { erasePlanData, exportPlanData } from './climate-plan.personal-data';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let officer: Actor;
let alderman: Actor;
let colleague: Actor;
let otherColleague: Actor;
let molOfficer: Actor;
let citizen: Actor;
let expert: Actor;
let buildings: number;
let mobility: number;
let green: number;
let technical: number;
let molDepartment: number;
let molTheme: number;

const as = (actor: Actor | undefined, tenant: Tenant = geel) => ctxAs(database.db, tenant, actor);

const valid = {
	code: '',
	title: 'Zonnepanelen op het administratief centrum',
	description: 'Alle geschikte daken vol.',
	theme: '',
	sector: 'local_electricity',
	lead: '',
	involved: [] as string[],
	responsible: '',
	priority: 'high',
	status: 'ongoing',
	plannedStart: '2026-01-01',
	plannedEnd: '2027-06-30',
	actualStart: '',
	actualEnd: '',
	budget: '125.000,50',
	spent: '20000',
	co2Planned: '45,5',
	co2Achieved: '',
	energySavings: '',
	renewable: '180',
	areaOfIntervention: 'Fotovoltaïsche zonne-energie',
	policyInstrument: 'Investering',
	origin: 'Lokale overheid'
};

async function create(values: Partial<typeof valid> = {}, actor = officer) {
	return createPlanAction(as(actor), { ...valid, ...values });
}

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	officer = (await buildStaff(database.db, geel, 'moderator', { givenName: 'Bart', familyName: 'Claes' }))
		.actor;
	alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
	colleague = (
		await buildStaff(database.db, geel, 'colleague', { givenName: 'Hilde', familyName: 'Verachtert' })
	).actor;
	otherColleague = (await buildStaff(database.db, geel, 'colleague')).actor;
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
	molDepartment = (await addPlanDepartment(as(molOfficer, mol), { name: 'Groendienst Mol' })).id;
	molTheme = (await addPlanTheme(as(molOfficer, mol), { name: 'Thema van Mol' })).id;
});
afterAll(() => database?.destroy());

async function countActions(tenant: Tenant) {
	const rows = await database.db
		.select({ id: climatePlanActions.id })
		.from(climatePlanActions)
		.where(eq(climatePlanActions.municipalityId, tenant.id));
	return rows.length;
}

describe('plan actions', () => {
	it('adds an action with every field, money in cents and the Belgian way of writing numbers', async () => {
		const { id } = await create({
			code: 'ENE-01',
			theme: String(buildings),
			lead: String(technical),
			involved: [String(green)],
			responsible: colleague.userId
		});
		const page = await getPlanActionPage(as(officer), { unverifiedId: id });
		expect(page.action).toMatchObject({
			code: 'ENE-01',
			themeName: 'Gebouwen',
			leadDepartmentName: 'Technische dienst',
			responsibleName: 'Hilde Verachtert',
			budgetCents: 12_500_050,
			spentCents: 2_000_000,
			co2Planned: 45.5,
			renewableMwh: 180,
			sector: 'local_electricity',
			priority: 'high',
			status: 'ongoing'
		});
		expect(page.involved.map((d) => d.name)).toEqual(['Groendienst']);
		expect(page.canManage).toBe(true);
		const audit = await auditOf(database.db, geel.id);
		expect(audit.some((a) => a.action === 'climate_plan.action_created')).toBe(true);
	});

	it('refuses bad input beside its field and saves nothing', async () => {
		const before = await countActions(geel);
		const cases: [Partial<typeof valid>, string, string][] = [
			[
				{ plannedStart: '2027-01-01', plannedEnd: '2026-01-01' },
				'plannedEnd',
				'climatePlan.errors.plannedOrder'
			],
			[{ actualStart: '2026-05-02', actualEnd: '1/5/2026' }, 'actualEnd', 'climatePlan.errors.actualOrder'],
			[{ budget: '-5' }, 'budget', 'climatePlan.errors.budgetNegative'],
			[{ spent: 'veel' }, 'spent', 'climatePlan.errors.spentInvalid'],
			[{ co2Planned: '-1,5' }, 'co2Planned', 'climatePlan.errors.co2Negative'],
			[{ plannedStart: '31/02/2026' }, 'plannedStart', 'climatePlan.errors.dateInvalid'],
			[{ title: '' }, 'title', 'climatePlan.errors.titleRequired'],
			[{ title: 'x'.repeat(100_000) }, 'title', 'climatePlan.errors.titleTooLong'],
			[{ status: '<script>alert(1)</script>' }, 'status', 'climatePlan.errors.status'],
			[{ lead: String(molDepartment) }, 'lead', 'climatePlan.errors.department'],
			[{ involved: [String(molDepartment)] }, 'involved', 'climatePlan.errors.department'],
			[{ theme: String(molTheme) }, 'theme', 'climatePlan.errors.theme'],
			[{ responsible: molOfficer.userId }, 'responsible', 'climatePlan.errors.responsible'],
			[{ responsible: citizen.userId }, 'responsible', 'climatePlan.errors.responsible']
		];
		for (const [values, field, key] of cases) {
			const err = await refusal(create(values), 'validation');
			expect(err.options.fields?.[field], JSON.stringify(values).slice(0, 80)).toEqual([key]);
		}
		expect(await countActions(geel)).toBe(before);
	});

	it('keeps a script as text and takes NUL characters out', async () => {
		const { id } = await create({ title: '<script>alert(1)</script>\u0000 Fietsstraat', code: 'MOB-99' });
		const page = await getPlanActionPage(as(officer), { unverifiedId: id });
		expect(page.action.title).toBe('<script>alert(1)</script> Fietsstraat');
	});

	it('refuses a second action with the same code beside the field', async () => {
		await create({ code: 'DUP-1' });
		const err = await refusal(create({ code: 'DUP-1' }), 'validation');
		expect(err.options.fields?.code).toEqual(['climatePlan.errors.codeTaken']);
	});

	it('changes an action and writes which fields changed; an unchanged form writes nothing', async () => {
		const { id } = await create({ code: 'EDIT-1' });
		const edited = await editPlanAction(as(officer), {
			...valid,
			code: 'EDIT-1',
			unverifiedId: id,
			status: 'postponed',
			budget: '1000'
		});
		expect(edited.changed).toBe(true);
		const again = await editPlanAction(as(officer), {
			...valid,
			code: 'EDIT-1',
			unverifiedId: id,
			status: 'postponed',
			budget: '1000'
		});
		expect(again.changed).toBe(false);
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) =>
				a.action === 'climate_plan.action_changed' &&
				(a.details as { planActionId: number }).planActionId === id
		);
		expect(audit).toHaveLength(1);
		expect((audit[0]!.details as { fields: string[] }).fields.sort()).toEqual(['budgetCents', 'status']);
	});
});

describe('who may', () => {
	it('lets the municipality’s staff read the board and only the sustainability service and admins steer it', async () => {
		await listPlanBoard(as(alderman), {});
		await listPlanBoard(as(colleague), {});
		expect((await listPlanBoard(as(colleague), {})).canManage).toBe(false);
		await refusal(create({}, alderman), 'forbidden');
		await refusal(create({}, colleague), 'forbidden');
	});

	it('refuses staff of another municipality, a citizen, a visitor and an external coach', async () => {
		const { id } = await create({ code: 'AUTH-1' });
		await refusal(listPlanBoard(as(molOfficer), {}), 'forbidden');
		await refusal(getPlanActionPage(as(molOfficer), { unverifiedId: id }), 'forbidden');
		await refusal(editPlanAction(as(molOfficer), { ...valid, unverifiedId: id }), 'forbidden');
		await refusal(
			changePlanActionsInBulk(as(molOfficer), { ids: [String(id)], operation: 'status:stopped' }),
			'forbidden'
		);
		await refusal(listPlanBoard(as(citizen), {}), 'forbidden');
		await refusal(getPlanSummary(as(citizen), {}), 'forbidden');
		await refusal(listPlanBoard(as(undefined), {}), 'unauthenticated');
		await refusal(listPlanBoard(as(expert), {}), 'forbidden');
		// Mol's officer in Mol's own back office does not find Geel's action.
		await refusal(getPlanActionPage(as(molOfficer, mol), { unverifiedId: id }), 'not_found');
		await refusal(editPlanAction(as(molOfficer, mol), { ...valid, unverifiedId: id }), 'not_found');
		const row = await database.db
			.select({ status: climatePlanActions.status })
			.from(climatePlanActions)
			.where(eq(climatePlanActions.id, id));
		expect(row[0]?.status).toBe('ongoing');
	});

	it('shows another municipality nothing through the queries', async () => {
		const today = '2026-12-06';
		const mine = await listPlanActions(database.db, {
			municipalityId: mol.id,
			today,
			staleBefore: new Date(),
			sort: 'title',
			dir: 'asc',
			limit: 100,
			offset: 0
		});
		expect(mine.rows).toEqual([]);
		expect((await listPlanThemes(database.db, { municipalityId: mol.id })).map((t) => t.name)).toEqual([
			'Thema van Mol'
		]);
		expect((await listPlanDepartments(database.db, { municipalityId: mol.id })).map((d) => d.name)).toEqual([
			'Groendienst Mol'
		]);
	});
});

describe('the table and the board', () => {
	let late: number;
	let stale: number;
	let fresh: number;

	beforeAll(async () => {
		late = (
			await create({
				code: 'T-LATE',
				title: 'Laat: schoolstraten',
				lead: String(green),
				theme: String(mobility),
				priority: 'low',
				plannedStart: '2020-01-01',
				plannedEnd: '2021-01-01'
			})
		).id;
		stale = (await create({ code: 'T-STALE', title: 'Stil: warmtenet', involved: [String(green)] })).id;
		fresh = (
			await create({
				code: 'T-FRESH',
				title: 'Vers: deelwagens',
				status: 'not_started',
				plannedStart: '2027-01-15'
			})
		).id;
		await database.db
			.update(climatePlanActions)
			.set({ createdAt: new Date(Date.now() - 90 * 86_400_000) })
			.where(eq(climatePlanActions.id, stale));
	});

	it('filters by department (lead or involved), theme, status, priority, late and no update for 60 days', async () => {
		const ids = async (filters: Record<string, string>) =>
			(await listPlanBoard(as(officer), filters)).items.map((i) => i.id);
		expect(await ids({ department: String(green) })).toEqual(expect.arrayContaining([late, stale]));
		expect(await ids({ department: String(green) })).not.toContain(fresh);
		expect(await ids({ theme: String(mobility) })).toEqual([late]);
		expect(await ids({ status: 'not_started' })).toContain(fresh);
		expect(await ids({ status: 'not_started' })).not.toContain(late);
		expect(await ids({ priority: 'low' })).toEqual([late]);
		expect(await ids({ late: 'ja' })).toEqual([late]);
		const staleIds = await ids({ stale: 'ja' });
		expect(staleIds).toContain(stale);
		expect(staleIds).not.toContain(fresh);
		expect(await ids({ q: 'warmtenet' })).toEqual([stale]);
		expect(await ids({ q: '%' })).toEqual([]);
		const board = await listPlanBoard(as(officer), { late: 'ja' });
		expect(board.items[0]?.late).toBe(true);
	});

	it('pages the table and ignores a filter it does not know', async () => {
		const first = await listPlanBoard(as(officer), { sort: 'title', page: '1' });
		expect(first.total).toBeGreaterThan(3);
		const far = await listPlanBoard(as(officer), { page: '999', status: 'nonsense', department: 'abc' });
		expect(far.items).toEqual([]);
		expect(far.total).toBe(first.total);
	});

	it('groups the actions by status on the board', async () => {
		const board = await getPlanStatusBoard(as(alderman), {});
		expect(board.columns.map((c) => c.status)).toEqual([
			'not_started',
			'ongoing',
			'completed',
			'postponed',
			'stopped'
		]);
		expect(board.columns[0]!.items.map((i) => i.id)).toContain(fresh);
	});

	it('changes status, priority and department in bulk after a preview, only of this municipality', async () => {
		const molAction = (await create({ code: 'MOL-1' }, molOfficer).catch(() => null)) ?? null;
		expect(molAction).toBeNull(); // Mol's officer cannot add to Geel's plan
		const preview = await previewBulkPlanChange(as(officer), {
			ids: [String(late), String(stale), 'abc'],
			operation: 'priority:medium'
		});
		expect(preview.items.map((i) => i.id)).toEqual([late, stale].sort((a, b) => a - b));
		const result = await changePlanActionsInBulk(as(officer), {
			ids: [String(late), String(stale)],
			operation: 'priority:medium'
		});
		expect(result.changed).toBe(2);
		const dept = await changePlanActionsInBulk(as(officer), {
			ids: [String(late), String(stale)],
			operation: `department:${technical}`
		});
		expect(dept.changed).toBe(2);
		const status = await changePlanActionsInBulk(as(officer), {
			ids: [String(late)],
			operation: 'status:completed'
		});
		expect(status.changed).toBe(1);
		expect((await listPlanBoard(as(officer), { late: 'ja' })).items.map((i) => i.id)).not.toContain(late);
		const err = await refusal(
			changePlanActionsInBulk(as(officer), { ids: [String(late)], operation: `department:${molDepartment}` }),
			'validation'
		);
		expect(err.options.fields?.operation).toEqual(['climatePlan.errors.department']);
		await refusal(
			changePlanActionsInBulk(as(officer), { ids: [String(late)], operation: 'status:<b>' }),
			'validation'
		);
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => a.action === 'climate_plan.action_bulk_changed'
		);
		expect(audit).toHaveLength(5);
	});

	it('saves a view with only the table’s filters, per person; another person cannot remove it', async () => {
		await savePlanView(as(colleague), { name: 'Mijn dienst', query: `?dienst=${green}&laat=ja&x=<script>` });
		const board = await listPlanBoard(as(colleague), {});
		expect(board.views).toEqual([
			expect.objectContaining({ name: 'Mijn dienst', query: `dienst=${green}&laat=ja` })
		]);
		expect((await listPlanBoard(as(officer), {})).views).toEqual([]);
		const id = board.views[0]!.id;
		await refusal(removePlanView(as(officer), { unverifiedId: id }), 'not_found');
		await removePlanView(as(colleague), { unverifiedId: id });
		expect((await listPlanBoard(as(colleague), {})).views).toEqual([]);
		await refusal(savePlanView(as(colleague), { name: '', query: '' }), 'validation');
	});
});

describe('monitoring', () => {
	it('lets the responsible colleague post an update that moves the status; others of the department may not', async () => {
		const { id } = await create({ code: 'MON-1', responsible: colleague.userId, status: 'not_started' });
		const err = await refusal(
			postPlanUpdate(as(otherColleague), { unverifiedId: id, done: 'Iets gedaan' }),
			'forbidden'
		);
		expect(err.messageKey).toBe('climatePlan.errors.notYours');
		await refusal(postPlanUpdate(as(colleague), { unverifiedId: id, done: '' }), 'validation');
		const noReason = await refusal(
			postPlanUpdate(as(colleague), {
				unverifiedId: id,
				done: 'Offertes gevraagd',
				adjustment: 'Later starten'
			}),
			'validation'
		);
		expect(noReason.options.fields?.adjustmentReason).toEqual(['climatePlan.errors.reasonRequired']);
		await postPlanUpdate(as(colleague), {
			unverifiedId: id,
			done: 'Offertes gevraagd',
			blockers: 'Wachten op de netbeheerder',
			adjustment: 'Start een maand later',
			adjustmentReason: 'De aannemer kan pas in maart',
			status: 'ongoing'
		});
		const page = await getPlanActionPage(as(alderman), { unverifiedId: id });
		expect(page.action.status).toBe('ongoing');
		expect(page.action.lastUpdateAt).not.toBeNull();
		expect(page.updates[0]).toMatchObject({
			authorName: 'Hilde Verachtert',
			done: 'Offertes gevraagd',
			blockers: 'Wachten op de netbeheerder',
			adjustmentReason: 'De aannemer kan pas in maart',
			statusAfter: 'ongoing'
		});
		expect(page.canPostUpdate).toBe(false);
		const summary = await getPlanSummary(as(alderman), {});
		expect(summary.blockedItems.map((b) => b.id)).toContain(id);
	});

	it('adds indicators and milestones and lets the responsible person move an indicator', async () => {
		const { id } = await create({ code: 'MON-2', responsible: colleague.userId });
		await addIndicator(as(officer), {
			unverifiedId: id,
			name: 'Onthard oppervlak',
			unit: 'm²',
			target: '4.000',
			current: ''
		});
		await refusal(addIndicator(as(officer), { unverifiedId: id, name: 'x', target: '-3' }), 'validation');
		await addMilestone(as(officer), { unverifiedId: id, title: 'Plantdag', dueOn: '2027-03-21', doneOn: '' });
		await refusal(addMilestone(as(colleague), { unverifiedId: id, title: 'x' }), 'forbidden');
		const page = await getPlanActionPage(as(colleague), { unverifiedId: id });
		expect(page.indicators).toEqual([
			expect.objectContaining({ name: 'Onthard oppervlak', target: 4000, current: null })
		]);
		await setIndicatorCurrent(as(colleague), {
			unverifiedId: id,
			indicator: String(page.indicators[0]!.id),
			current: '1650'
		});
		expect((await getPlanActionPage(as(colleague), { unverifiedId: id })).indicators[0]?.current).toBe(1650);
		expect(page.milestones).toEqual([expect.objectContaining({ title: 'Plantdag', dueOn: '2027-03-21' })]);
	});

	it('sums planned against achieved CO2 and budget against spending per theme and sector', async () => {
		const totals = await getPlanTotals(as(alderman), {});
		const theme = totals.byTheme.find((t) => t.key === 'Gebouwen');
		expect(theme).toMatchObject({
			actions: 1,
			co2Planned: 45.5,
			budgetCents: 12_500_050,
			spentCents: 2_000_000
		});
		const sector = totals.bySector.find((s) => s.key === 'local_electricity');
		expect(sector!.actions).toBe(totals.all.actions);
		const summary = await getPlanSummary(as(alderman), {});
		expect(summary.actions).toBe(totals.all.actions);
		expect(summary.onTrack + summary.late + summary.blocked + summary.completed).toBeGreaterThanOrEqual(
			summary.actions - summary.blocked
		);
		expect(summary.co2Planned).toBeCloseTo(totals.all.co2Planned);
	});
});

describe('the public part', () => {
	it('shows only the parts the municipality chose, never an internal field', async () => {
		const publicAction = await buildAction(database.db, geel, { title: 'Ontharden in de buurt' });
		const molPublic = await buildAction(database.db, mol, { title: 'Actie van Mol' });
		const { id } = await create({
			code: 'PUB-1',
			lead: String(green),
			responsible: colleague.userId,
			budget: '987654',
			co2Planned: '12',
			co2Achieved: '3'
		});
		await postPlanUpdate(as(officer), { unverifiedId: id, done: 'Gedaan', blockers: 'GEHEIM-BLOK' });
		await addIndicator(as(officer), {
			unverifiedId: id,
			name: 'Bomen',
			unit: 'stuks',
			target: '100',
			current: '40'
		});
		const err = await refusal(
			linkPublicAction(as(officer), { unverifiedId: id, action: String(molPublic.id), parts: ['status'] }),
			'validation'
		);
		expect(err.options.fields?.action).toEqual(['climatePlan.errors.publicAction']);
		await refusal(
			linkPublicAction(as(officer), { unverifiedId: id, action: String(publicAction.id), parts: ['budget'] }),
			'validation'
		);
		await linkPublicAction(as(officer), {
			unverifiedId: id,
			action: String(publicAction.id),
			parts: ['co2', 'indicators']
		});
		const parts = await getPublicPlanParts(as(undefined), { actionId: publicAction.id });
		expect(parts).toEqual([
			{
				title: valid.title,
				co2: { planned: 12, achieved: 3 },
				indicators: [{ name: 'Bomen', unit: 'stuks', target: 100, current: 40 }]
			}
		]);
		const text = JSON.stringify(parts);
		for (const secret of [
			'987654',
			'98765400',
			'Groendienst',
			'Hilde',
			'GEHEIM-BLOK',
			'PUB-1',
			'Gedaan',
			'Investering'
		])
			expect(text).not.toContain(secret);
		expect(await getPublicPlanParts(as(undefined, mol), { actionId: publicAction.id })).toEqual([]);
		await linkPublicAction(as(officer), { unverifiedId: id, action: '', parts: ['status'] });
		expect(await getPublicPlanParts(as(undefined), { actionId: publicAction.id })).toEqual([]);
	});
});

describe('a person’s data', () => {
	it('exports the person’s updates and actions, and deletion keeps the log without them', async () => {
		const person = await buildStaff(database.db, geel, 'colleague', {
			givenName: 'Piet',
			familyName: 'Peeters'
		});
		const { id } = await create({ code: 'PD-1', responsible: person.user.id });
		await postPlanUpdate(as(person.actor), { unverifiedId: id, done: 'Mijn werk' });
		const ref = { userId: person.user.id, addresses: [], displayName: person.user.displayName };
		const data = await exportPlanData(database.db, ref);
		expect(data.climatePlanResponsibleFor).toEqual([{ planActionId: id, title: valid.title }]);
		expect(data.climatePlanUpdates).toEqual([
			expect.objectContaining({ planActionId: id, done: 'Mijn werk' })
		]);
		await database.db.transaction((tx) => erasePlanData(tx, ref));
		const rows = await database.db
			.select({ authorId: climatePlanUpdates.authorId, done: climatePlanUpdates.done })
			.from(climatePlanUpdates)
			.where(eq(climatePlanUpdates.planActionId, id));
		expect(rows).toEqual([{ authorId: null, done: 'Mijn werk' }]);
		expect((await getPlanActionPage(as(officer), { unverifiedId: id })).action.responsibleId).toBeNull();
	});
});
