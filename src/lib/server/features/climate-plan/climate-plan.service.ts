// Use cases of the municipality's climate plan (climate-plan.access.ts: staff read, the sustainability service
// and admins steer): the board's table with filters, paging, saved views and bulk changes; the board by status;
// totals per theme and sector; an action's page with its monitoring log; adding and changing actions, indicators,
// milestones, themes and departments; posting an update (also the action's responsible person); linking a public
// action and the public part it shows; the college's one-page summary. Each change writes its audit rows in its
// transaction.
import { brusselsDay } from '$lib/server/platform/dates';
import type { Ctx } from '$lib/server/platform/context';
import { cached } from '$lib/server/platform/cache';
import { AppError, isUniqueViolation, type FieldErrors } from '$lib/server/platform/errors';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import type { Db } from '$lib/server/db/client';
import {
	PLAN_LIMITS,
	PLAN_PAGE_SIZE,
	PLAN_STATUSES,
	type PlanPriority,
	type PlanStatus
} from '$lib/domain/climate-plan';
import { parseId } from '$lib/domain/ids';
import { canPostPlanUpdate } from './climate-plan.policy';
import { command, findPlanAction, read, type PlanScope } from './climate-plan.access';
import {
	countOfAction,
	deletePlanView,
	ensurePlanDepartment,
	ensurePlanTheme,
	insertIndicator,
	insertMilestone,
	insertPlanAction,
	insertPlanUpdate,
	listAllPlanActions,
	listPlanStatusColumns,
	listBlockedActionIds,
	listColleagueDepartments,
	listIndicators,
	listInvolvedDepartments,
	listLinkableActions,
	listMilestones,
	listPlanActions,
	listPlanActionsByIds,
	listPlanActionsOfPublicAction,
	listPlanDepartments,
	listPlanPeople,
	listPlanThemes,
	listPlanUpdates,
	listPlanViews,
	setInvolvedDepartments,
	sumPlanActions,
	updateIndicatorCurrent,
	updatePlanAction,
	upsertPlanView,
	type NamedRow,
	type PlanActionFields,
	type PlanPerson,
	type PlanTotalsRow
} from './climate-plan.queries';
import {
	bulkSchema,
	indicatorCurrentSchema,
	indicatorSchema,
	milestoneSchema,
	nameSchema,
	planActionSchema,
	planFieldOf,
	planFiltersSchema,
	planIdsSchema,
	planUpdateSchema,
	publicLinkSchema,
	viewSchema,
	bulkOperationSchema,
	type BulkOperation,
	type PlanActionInput,
	type PlanFilters
} from './climate-plan.schemas';
import {
	presentPlanAction,
	presentPublicPlanPart,
	staleBefore,
	type PlanActionView,
	type PublicPlanPart
} from './climate-plan.present';
import { filterParams } from './climate-plan.views.queries';
import { getAgreementOfPlanAction } from './climate-plan.teams.queries';

const target = (scope: PlanScope) => ({
	municipalityId: scope.municipality.id,
	regionId: scope.municipality.regionId
});

// ---------------------------------------------------------------------------------------------
// The table, the board by status, the totals
// ---------------------------------------------------------------------------------------------

export interface PlanChoices {
	themes: NamedRow[];
	departments: NamedRow[];
}

export interface PlanBoard extends PlanChoices {
	filters: PlanFilters;
	items: (PlanActionView & { involved: string[] })[];
	total: number;
	page: number;
	pageCount: number;
	views: { id: number; name: string; query: string }[];
	canManage: boolean;
}

/** The board's table: filtered, sorted and paged, with the person's saved views. */
export const listPlanBoard = read({
	load: async (ctx, scope, input: RawInput<typeof planFiltersSchema>): Promise<PlanBoard> => {
		const filters = planFiltersSchema.parse(input);
		const municipalityId = scope.municipality.id;
		const now = new Date();
		const { rows, total } = await listPlanActions(ctx.db, {
			...filterParams(municipalityId, filters, now),
			sort: filters.sort,
			dir: filters.dir,
			limit: PLAN_PAGE_SIZE,
			offset: (filters.page - 1) * PLAN_PAGE_SIZE
		});
		const [involved, themes, departments, views] = [
			await listInvolvedDepartments(ctx.db, { municipalityId, planActionIds: rows.map((r) => r.id) }),
			await listPlanThemes(ctx.db, { municipalityId }),
			await listPlanDepartments(ctx.db, { municipalityId }),
			await listPlanViews(ctx.db, { municipalityId, userId: scope.actor.userId })
		];
		return {
			filters,
			items: rows.map((r) => ({
				...presentPlanAction(r, now),
				involved: involved.filter((d) => d.planActionId === r.id).map((d) => d.name)
			})),
			total,
			page: filters.page,
			pageCount: Math.max(1, Math.ceil(total / PLAN_PAGE_SIZE)),
			themes,
			departments,
			views,
			canManage: scope.canManage
		};
	}
});

/** How many actions a column of the board shows; the rest are in the table filtered on that status. */
export const PLAN_BOARD_COLUMN_SIZE = 25;

/**
 * What a card of the board shows, and no more: the page carries its data to the browser, and 125 whole plan
 * actions (descriptions, budgets, dates, …) made the board's page several times the table's.
 */
export type PlanCard = Pick<
	PlanActionView,
	'id' | 'code' | 'title' | 'status' | 'priority' | 'themeName' | 'leadDepartmentName' | 'late' | 'stale'
>;

export interface PlanStatusBoard {
	canManage: boolean;
	filters: PlanFilters;
	/** Per status: how many actions match the filters, and the most urgent `PLAN_BOARD_COLUMN_SIZE` of them. */
	columns: { status: PlanStatus; total: number; items: PlanCard[] }[];
	perColumn: number;
	themes: NamedRow[];
	departments: NamedRow[];
}

/**
 * The board by status: a column per status with its count and its most urgent actions (late first, then by
 * planned end, then by priority), the table's filters applied; the rest of a column is in the filtered table.
 */
export const getPlanStatusBoard = read({
	load: async (ctx, scope, input: RawInput<typeof planFiltersSchema>): Promise<PlanStatusBoard> => {
		const filters = planFiltersSchema.parse(input);
		const municipalityId = scope.municipality.id;
		const now = new Date();
		const { rows, counts } = await listPlanStatusColumns(ctx.db, {
			...filterParams(municipalityId, filters, now),
			perColumn: PLAN_BOARD_COLUMN_SIZE
		});
		const items: PlanCard[] = rows.map(({ rank: _rank, ...card }) => card);
		return {
			canManage: scope.canManage,
			filters,
			columns: PLAN_STATUSES.map((status) => ({
				status,
				total: counts[status] ?? 0,
				items: items.filter((i) => i.status === status)
			})),
			perColumn: PLAN_BOARD_COLUMN_SIZE,
			themes: await listPlanThemes(ctx.db, { municipalityId }),
			departments: await listPlanDepartments(ctx.db, { municipalityId })
		};
	}
});

export interface PlanTotals {
	canManage: boolean;
	byTheme: PlanTotalsRow[];
	bySector: PlanTotalsRow[];
	all: Omit<PlanTotalsRow, 'key'>;
}

function sumRows(rows: PlanTotalsRow[]): Omit<PlanTotalsRow, 'key'> {
	return rows.reduce(
		(sum, r) => ({
			actions: sum.actions + r.actions,
			co2Planned: sum.co2Planned + r.co2Planned,
			co2Achieved: sum.co2Achieved + r.co2Achieved,
			budgetCents: sum.budgetCents + r.budgetCents,
			spentCents: sum.spentCents + r.spentCents
		}),
		{ actions: 0, co2Planned: 0, co2Achieved: 0, budgetCents: 0, spentCents: 0 }
	);
}

/** Planned against achieved CO2 and budget against spending, per theme and per Covenant sector (not stopped). */
export const getPlanTotals = read({
	load: async (ctx, scope): Promise<PlanTotals> => {
		const municipalityId = scope.municipality.id;
		const byTheme = await sumPlanActions(ctx.db, { municipalityId, by: 'theme' });
		const bySector = await sumPlanActions(ctx.db, { municipalityId, by: 'sector' });
		return { canManage: scope.canManage, byTheme, bySector, all: sumRows(byTheme) };
	}
});

export interface PlanSummary {
	canManage: boolean;
	municipalityName: string;
	date: string;
	actions: number;
	onTrack: number;
	late: number;
	blocked: number;
	completed: number;
	stale: number;
	co2Planned: number;
	co2Achieved: number;
	budgetCents: number;
	spentCents: number;
	lateItems: { id: number; title: string; plannedEnd: string | null; lead: string | null }[];
	blockedItems: { id: number; title: string; lead: string | null }[];
}

/**
 * The college's and alderman's one page: how many actions are on track (open, not late, not blocked), late,
 * blocked (their latest update names a blocker), completed, without an update for 60 days; CO2 planned against
 * achieved and budget against spending.
 */
export const getPlanSummary = read({
	load: async (ctx, scope): Promise<PlanSummary> => {
		const municipalityId = scope.municipality.id;
		const now = new Date();
		const rows = await listAllPlanActions(ctx.db, {
			municipalityId,
			today: brusselsDay(now),
			staleBefore: staleBefore(now)
		});
		const blockedIds = new Set(await listBlockedActionIds(ctx.db, { municipalityId }));
		const views = rows.map((r) => presentPlanAction(r, now));
		const counted = views.filter((v) => v.status !== 'stopped');
		const open = counted.filter((v) => v.status !== 'completed');
		const totals = sumRows(
			counted.map((v) => ({
				key: null,
				actions: 1,
				co2Planned: v.co2Planned ?? 0,
				co2Achieved: v.co2Achieved ?? 0,
				budgetCents: v.budgetCents ?? 0,
				spentCents: v.spentCents ?? 0
			}))
		);
		const late = open.filter((v) => v.late);
		const blocked = open.filter((v) => blockedIds.has(v.id));
		return {
			canManage: scope.canManage,
			municipalityName: scope.municipality.name,
			date: brusselsDay(now),
			actions: counted.length,
			onTrack: open.filter((v) => !v.late && !blockedIds.has(v.id)).length,
			late: late.length,
			blocked: blocked.length,
			completed: counted.length - open.length,
			stale: open.filter((v) => v.stale).length,
			co2Planned: totals.co2Planned,
			co2Achieved: totals.co2Achieved,
			budgetCents: totals.budgetCents,
			spentCents: totals.spentCents,
			lateItems: late.map((v) => ({
				id: v.id,
				title: v.title,
				plannedEnd: v.plannedEnd,
				lead: v.leadDepartmentName
			})),
			blockedItems: blocked.map((v) => ({ id: v.id, title: v.title, lead: v.leadDepartmentName }))
		};
	}
});

// ---------------------------------------------------------------------------------------------
// An action's page
// ---------------------------------------------------------------------------------------------

export interface PlanFormChoices extends PlanChoices {
	people: PlanPerson[];
	/** Departments colleagues' roles name here that the plan does not list yet. */
	colleagueDepartments: string[];
}

export async function formChoices(db: Db, municipalityId: string): Promise<PlanFormChoices> {
	const departments = await listPlanDepartments(db, { municipalityId });
	const known = new Set(departments.map((d) => d.name.toLowerCase()));
	return {
		themes: await listPlanThemes(db, { municipalityId }),
		departments,
		people: await listPlanPeople(db, { municipalityId }),
		colleagueDepartments: (await listColleagueDepartments(db, { municipalityId })).filter(
			(d) => !known.has(d.toLowerCase())
		)
	};
}

export interface PlanActionPage {
	action: PlanActionView;
	involved: NamedRow[];
	indicators: Awaited<ReturnType<typeof listIndicators>>;
	milestones: Awaited<ReturnType<typeof listMilestones>>;
	updates: (Omit<Awaited<ReturnType<typeof listPlanUpdates>>[number], 'createdAt'> & { createdAt: string })[];
	canManage: boolean;
	canPostUpdate: boolean;
	/** The lists of the edit forms, for those who steer the plan. */
	choices: (PlanFormChoices & { publicActions: NamedRow[] }) | null;
	/** The meeting and agreement the action came from, if it came from one. */
	origin: NonNullable<Awaited<ReturnType<typeof getAgreementOfPlanAction>>> | null;
}

export const getPlanActionPage = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<PlanActionPage> => {
		const row = await findPlanAction(ctx.db, scope, input.unverifiedId);
		const municipalityId = scope.municipality.id;
		const involved = await listInvolvedDepartments(ctx.db, { municipalityId, planActionIds: [row.id] });
		const updates = await listPlanUpdates(ctx.db, { municipalityId, planActionId: row.id });
		return {
			action: presentPlanAction(row),
			involved: involved.map(({ id, name }) => ({ id, name })),
			indicators: await listIndicators(ctx.db, { municipalityId, planActionId: row.id }),
			milestones: await listMilestones(ctx.db, { municipalityId, planActionId: row.id }),
			updates: updates.map((u) => ({ ...u, createdAt: new Date(u.createdAt).toISOString() })),
			canManage: scope.canManage,
			canPostUpdate: canPostPlanUpdate(scope.actor, target(scope), row),
			choices: scope.canManage
				? {
						...(await formChoices(ctx.db, municipalityId)),
						publicActions: await listLinkableActions(ctx.db, { municipalityId })
					}
				: null,
			origin: (await getAgreementOfPlanAction(ctx.db, { municipalityId, planActionId: row.id })) ?? null
		};
	}
});

/** An action with the lists of its edit form, for those who steer the plan. */
export const getPlanActionForEdit = command({
	load: async (ctx, scope, input: { unverifiedId: unknown }) => {
		const row = await findPlanAction(ctx.db, scope, input.unverifiedId);
		const municipalityId = scope.municipality.id;
		const involved = await listInvolvedDepartments(ctx.db, { municipalityId, planActionIds: [row.id] });
		return {
			action: presentPlanAction(row),
			involved: involved.map(({ id, name }) => ({ id, name })),
			choices: await formChoices(ctx.db, municipalityId)
		};
	}
});

/** The lists of the form of a new action. */
export const getPlanActionForm = command({
	load: (ctx, scope) => formChoices(ctx.db, scope.municipality.id)
});

// ---------------------------------------------------------------------------------------------
// Adding and changing actions
// ---------------------------------------------------------------------------------------------

/** Theme, departments and responsible person must be this municipality's: else refused beside the field. */
export async function checkChoices(db: Db, scope: PlanScope, values: PlanActionInput): Promise<void> {
	const municipalityId = scope.municipality.id;
	const fields: FieldErrors = {};
	if (values.theme !== null) {
		const themes = await listPlanThemes(db, { municipalityId });
		if (!themes.some((t) => t.id === values.theme)) fields.theme = ['climatePlan.errors.theme'];
	}
	if (values.lead !== null || values.involved.length) {
		const departments = new Set((await listPlanDepartments(db, { municipalityId })).map((d) => d.id));
		if (values.lead !== null && !departments.has(values.lead))
			fields.lead = ['climatePlan.errors.department'];
		if (values.involved.some((id) => !departments.has(id)))
			fields.involved = ['climatePlan.errors.department'];
	}
	if (values.responsible !== null) {
		const people = await listPlanPeople(db, { municipalityId });
		if (!people.some((p) => p.id === values.responsible))
			fields.responsible = ['climatePlan.errors.responsible'];
	}
	const first = Object.values(fields)[0]?.[0];
	if (first) throw new AppError('validation', { fields, message: first });
}

export function fieldsOf(
	values: Omit<PlanActionInput, 'theme' | 'lead' | 'involved' | 'responsible'> & {
		themeId: number | null;
		leadDepartmentId: number | null;
		responsibleId: string | null;
	}
): PlanActionFields {
	return {
		code: values.code,
		title: values.title,
		description: values.description,
		themeId: values.themeId,
		sector: values.sector,
		leadDepartmentId: values.leadDepartmentId,
		responsibleId: values.responsibleId,
		priority: values.priority,
		status: values.status,
		plannedStart: values.plannedStart,
		plannedEnd: values.plannedEnd,
		actualStart: values.actualStart,
		actualEnd: values.actualEnd,
		budgetCents: values.budget,
		spentCents: values.spent,
		co2Planned: values.co2Planned,
		co2Achieved: values.co2Achieved,
		energySavingsMwh: values.energySavings,
		renewableMwh: values.renewable,
		areaOfIntervention: values.areaOfIntervention,
		policyInstrument: values.policyInstrument,
		origin: values.origin
	};
}

export const formFields = (values: PlanActionInput) =>
	fieldsOf({
		...values,
		themeId: values.theme,
		leadDepartmentId: values.lead,
		responsibleId: values.responsible
	});

/** The database refuses a second action with the same code: said beside the field. */
export function duplicateCode(err: unknown): never {
	if (isUniqueViolation(err, 'climate_plan_actions_code_key'))
		throw new AppError('validation', {
			fields: { code: ['climatePlan.errors.codeTaken'] },
			message: 'climatePlan.errors.codeTaken'
		});
	throw err;
}

export const createPlanAction = command({
	load: async (_ctx, _scope, input: RawInput<typeof planActionSchema>) => input,
	schema: planActionSchema,
	prepare: ({ ctx, scope, values }) => checkChoices(ctx.db, scope, values),
	execute: async (tx, { scope, values, record }): Promise<{ id: number }> => {
		const municipalityId = scope.municipality.id;
		const created = await insertPlanAction(tx, { municipalityId, values: formFields(values) }).catch(
			duplicateCode
		);
		await setInvolvedDepartments(tx, {
			municipalityId,
			planActionId: created.id,
			departmentIds: values.involved
		});
		record.audit({
			action: 'climate_plan.action_created',
			details: { planActionId: created.id, name: values.title }
		});
		return created;
	}
});

export const editPlanAction = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof planActionSchema>) =>
		findPlanAction(ctx.db, scope, input.unverifiedId),
	schema: planActionSchema,
	prepare: ({ ctx, scope, values }) => checkChoices(ctx.db, scope, values),
	execute: async (tx, { scope, loaded, values, record }): Promise<{ changed: boolean }> => {
		const municipalityId = scope.municipality.id;
		const row = await findPlanAction(tx, scope, loaded.id, true);
		const next = formFields(values);
		const changed: string[] = (Object.keys(next) as (keyof PlanActionFields)[]).filter(
			(k) => row[k] !== next[k]
		);
		const before = (await listInvolvedDepartments(tx, { municipalityId, planActionIds: [row.id] }))
			.map((d) => d.id)
			.sort((a, b) => a - b);
		const after = [...values.involved].sort((a, b) => a - b);
		if (before.join() !== after.join()) {
			await setInvolvedDepartments(tx, { municipalityId, planActionId: row.id, departmentIds: after });
			changed.push('involved');
		}
		if (changed.length === 0) return { changed: false };
		await updatePlanAction(tx, { municipalityId, ids: [row.id], values: next }).catch(duplicateCode);
		record.audit({
			action: 'climate_plan.action_changed',
			details: { planActionId: row.id, name: values.title, fields: changed }
		});
		return { changed: true };
	}
});

// ---------------------------------------------------------------------------------------------
// Monitoring: updates, indicators, milestones
// ---------------------------------------------------------------------------------------------

/**
 * Posts a monitoring update: what was done, what blocks, an adjustment with its reason, and the status after it
 * (the action's status moves with it). Those who steer the plan, and the action's responsible person.
 */
export async function postUpdateAs(
	tx: Db,
	scope: { municipality: { id: string }; actor: { userId: string } },
	planActionId: number,
	values: {
		done: string;
		blockers: string;
		adjustment: string;
		adjustmentReason: string;
		status: PlanStatus | null;
	},
	current: PlanStatus
): Promise<{ id: number }> {
	const statusAfter = values.status ?? current;
	const update = await insertPlanUpdate(tx, {
		municipalityId: scope.municipality.id,
		planActionId,
		authorId: scope.actor.userId,
		done: values.done,
		blockers: values.blockers,
		adjustment: values.adjustment,
		adjustmentReason: values.adjustmentReason,
		statusAfter
	});
	await updatePlanAction(tx, {
		municipalityId: scope.municipality.id,
		ids: [planActionId],
		values: { status: statusAfter, lastUpdateAt: update.createdAt }
	});
	return update;
}

export const postPlanUpdate = read({
	load: async (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof planUpdateSchema>) => {
		const row = await findPlanAction(ctx.db, scope, input.unverifiedId);
		if (!canPostPlanUpdate(scope.actor, target(scope), row))
			throw new AppError('forbidden', { message: 'climatePlan.errors.notYours' });
		return row;
	},
	schema: planUpdateSchema,
	execute: async (tx, { scope, loaded, values, record }): Promise<{ id: number }> => {
		const row = await findPlanAction(tx, scope, loaded.id, true);
		const update = await postUpdateAs(tx, scope, row.id, values, row.status);
		record.audit({
			action: 'climate_plan.update_posted',
			details: { planActionId: row.id, name: row.title, statusAfter: values.status ?? row.status }
		});
		return update;
	}
});

export const addIndicator = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof indicatorSchema>) =>
		findPlanAction(ctx.db, scope, input.unverifiedId),
	schema: indicatorSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const municipalityId = scope.municipality.id;
		const n = await countOfAction(tx, { municipalityId, planActionId: loaded.id, kind: 'indicators' });
		if (n >= PLAN_LIMITS.indicatorsMax)
			throw new AppError('validation', {
				fields: { name: ['climatePlan.errors.tooManyIndicators'] },
				message: 'climatePlan.errors.tooManyIndicators'
			});
		await insertIndicator(tx, { municipalityId, planActionId: loaded.id, ...values });
		record.audit({
			action: 'climate_plan.measure_changed',
			details: { planActionId: loaded.id, name: loaded.title, indicator: values.name }
		});
		return { id: loaded.id };
	}
});

export const setIndicatorCurrent = read({
	load: async (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof indicatorCurrentSchema>) => {
		const row = await findPlanAction(ctx.db, scope, input.unverifiedId);
		if (!canPostPlanUpdate(scope.actor, target(scope), row))
			throw new AppError('forbidden', { message: 'climatePlan.errors.notYours' });
		return row;
	},
	schema: indicatorCurrentSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const changed = await updateIndicatorCurrent(tx, {
			municipalityId: scope.municipality.id,
			planActionId: loaded.id,
			id: values.indicator,
			current: values.current
		});
		if (changed === 0) throw new AppError('not_found');
		record.audit({
			action: 'climate_plan.measure_changed',
			details: {
				planActionId: loaded.id,
				name: loaded.title,
				indicatorId: values.indicator,
				current: values.current
			}
		});
		return { id: loaded.id };
	}
});

export const addMilestone = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof milestoneSchema>) =>
		findPlanAction(ctx.db, scope, input.unverifiedId),
	schema: milestoneSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const municipalityId = scope.municipality.id;
		const n = await countOfAction(tx, { municipalityId, planActionId: loaded.id, kind: 'milestones' });
		if (n >= PLAN_LIMITS.milestonesMax)
			throw new AppError('validation', {
				fields: { title: ['climatePlan.errors.tooManyMilestones'] },
				message: 'climatePlan.errors.tooManyMilestones'
			});
		await insertMilestone(tx, { municipalityId, planActionId: loaded.id, ...values });
		record.audit({
			action: 'climate_plan.measure_changed',
			details: { planActionId: loaded.id, name: loaded.title, milestone: values.title }
		});
		return { id: loaded.id };
	}
});

// ---------------------------------------------------------------------------------------------
// The public part
// ---------------------------------------------------------------------------------------------

/** Links the action to a public action of this municipality (or none) and chooses the parts it shows. */
export const linkPublicAction = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof publicLinkSchema>) =>
		findPlanAction(ctx.db, scope, input.unverifiedId),
	schema: publicLinkSchema,
	prepare: async ({ ctx, scope, values }) => {
		if (values.action === null) return;
		const linkable = await listLinkableActions(ctx.db, { municipalityId: scope.municipality.id });
		if (!linkable.some((a) => a.id === values.action))
			throw new AppError('validation', {
				fields: { action: ['climatePlan.errors.publicAction'] },
				message: 'climatePlan.errors.publicAction'
			});
	},
	execute: async (tx, { scope, loaded, values, record }) => {
		await updatePlanAction(tx, {
			municipalityId: scope.municipality.id,
			ids: [loaded.id],
			values: { publicActionId: values.action, publicParts: values.action === null ? [] : values.parts }
		});
		record.audit({
			action: 'climate_plan.public_link_changed',
			details: { planActionId: loaded.id, name: loaded.title, actionId: values.action, parts: values.parts }
		});
		return { id: loaded.id };
	}
});

/**
 * What the public page of an action shows of the plan actions linked to it: the parts the municipality chose,
 * nothing else (presentPublicPlanPart). No authorization: it is public by the municipality's choice; an action of
 * another municipality finds nothing.
 */
export async function getPublicPlanParts(ctx: Ctx, input: { actionId: number }): Promise<PublicPlanPart[]> {
	if (!ctx.tenant) return [];
	const municipalityId = ctx.tenant.id;
	// From the App's read cache, which every write clears: the action's page itself is read from it too.
	return cached(ctx.cache, `plan-public:${municipalityId}:${input.actionId}`, async () => {
		const rows = await listPlanActionsOfPublicAction(ctx.db, { municipalityId, actionId: input.actionId });
		const parts: PublicPlanPart[] = [];
		for (const row of rows.filter((r) => r.publicParts.length > 0)) {
			const needs = new Set(row.publicParts);
			parts.push(
				presentPublicPlanPart(row, {
					indicators: needs.has('indicators')
						? await listIndicators(ctx.db, { municipalityId, planActionId: row.id })
						: [],
					milestones: needs.has('milestones')
						? await listMilestones(ctx.db, { municipalityId, planActionId: row.id })
						: []
				})
			);
		}
		return parts;
	});
}

// ---------------------------------------------------------------------------------------------
// Bulk changes
// ---------------------------------------------------------------------------------------------

export interface BulkPreview {
	operation: BulkOperation | null;
	/** The department's name for a department change. */
	departmentName: string | null;
	items: { id: number; title: string; status: PlanStatus; priority: PlanPriority }[];
}

/** What a bulk change would touch: the chosen actions of this municipality, and the operation read. */
export const previewBulkPlanChange = command({
	load: async (ctx, scope, input: { ids: unknown[]; operation: unknown }): Promise<BulkPreview> => {
		const ids = validateInput(planIdsSchema, input.ids, { fieldOf: planFieldOf });
		// Nothing chosen at all: the page says so and leads back (no operation needed for that).
		if (ids.length === 0) return { operation: null, departmentName: null, items: [] };
		const operation = validateInput(bulkOperationSchema, input.operation, { fieldOf: () => 'operation' });
		const municipalityId = scope.municipality.id;
		let departmentName: string | null = null;
		if (operation.kind === 'department') {
			const departments = await listPlanDepartments(ctx.db, { municipalityId });
			departmentName = departments.find((d) => d.id === operation.departmentId)?.name ?? null;
			if (departmentName === null)
				throw new AppError('validation', {
					fields: { operation: ['climatePlan.errors.department'] },
					message: 'climatePlan.errors.department'
				});
		}
		const rows = await listPlanActionsByIds(ctx.db, { municipalityId, ids });
		return {
			operation,
			departmentName,
			items: rows.map(({ id, title, status, priority }) => ({ id, title, status, priority }))
		};
	}
});

/** Changes the status, priority or lead department of the chosen actions; those of elsewhere are left alone. */
export const changePlanActionsInBulk = command({
	load: async (_ctx, _scope, input: RawInput<typeof bulkSchema>) => input,
	schema: bulkSchema,
	prepare: async ({ ctx, scope, values }) => {
		if (values.operation.kind !== 'department') return;
		const departments = await listPlanDepartments(ctx.db, { municipalityId: scope.municipality.id });
		const id = values.operation.departmentId;
		if (!departments.some((d) => d.id === id))
			throw new AppError('validation', {
				fields: { operation: ['climatePlan.errors.department'] },
				message: 'climatePlan.errors.department'
			});
	},
	execute: async (tx, { scope, values, record }): Promise<{ changed: number }> => {
		const municipalityId = scope.municipality.id;
		const op = values.operation;
		const rows = await listPlanActionsByIds(tx, { municipalityId, ids: values.ids, forUpdate: true });
		const change =
			op.kind === 'status'
				? { status: op.status }
				: op.kind === 'priority'
					? { priority: op.priority }
					: { leadDepartmentId: op.departmentId };
		const touched = rows.filter((r) => Object.entries(change).some(([k, v]) => r[k as keyof typeof r] !== v));
		await updatePlanAction(tx, { municipalityId, ids: touched.map((r) => r.id), values: change });
		for (const row of touched)
			record.audit({
				action: 'climate_plan.action_bulk_changed',
				details: { planActionId: row.id, name: row.title, ...change }
			});
		return { changed: touched.length };
	}
});

// ---------------------------------------------------------------------------------------------
// Saved views, themes, departments
// ---------------------------------------------------------------------------------------------

/** Saves the table's current filters under a name, for this person (anyone who reads the plan). */
export const savePlanView = read({
	load: async (_ctx, _scope, input: RawInput<typeof viewSchema>) => input,
	schema: viewSchema,
	execute: async (tx, { scope, values }) => {
		const municipalityId = scope.municipality.id;
		const views = await listPlanViews(tx, { municipalityId, userId: scope.actor.userId });
		if (views.length >= PLAN_LIMITS.viewsMax && !views.some((v) => v.name === values.name))
			throw new AppError('validation', {
				fields: { name: ['climatePlan.errors.tooManyViews'] },
				message: 'climatePlan.errors.tooManyViews'
			});
		// Only the table's own filters are kept (a view is a link to the table, never another address).
		const query = new URLSearchParams(values.query.replace(/^\?/, ''));
		const kept = new URLSearchParams();
		for (const name of [
			'zoek',
			'dienst',
			'thema',
			'status',
			'prioriteit',
			'laat',
			'stil',
			'sorteer',
			'richting'
		])
			for (const v of query.getAll(name)) if (v) kept.append(name, v.slice(0, 200));
		await upsertPlanView(tx, {
			municipalityId,
			userId: scope.actor.userId,
			name: values.name,
			query: kept.toString()
		});
		return { saved: true };
	}
});

export const removePlanView = read({
	load: async (_ctx, _scope, input: { unverifiedId: unknown }) => input,
	execute: async (tx, { scope, input }) => {
		const id = parseId(input.unverifiedId);
		const removed =
			id === null
				? 0
				: await deletePlanView(tx, { municipalityId: scope.municipality.id, userId: scope.actor.userId, id });
		if (removed === 0) throw new AppError('not_found');
		return { removed };
	}
});

export const addPlanTheme = command({
	load: async (_ctx, _scope, input: RawInput<typeof nameSchema>) => input,
	schema: nameSchema,
	execute: async (tx, { scope, values, record }) => {
		const theme = await ensurePlanTheme(tx, { municipalityId: scope.municipality.id, name: values.name });
		record.audit({ action: 'climate_plan.theme_added', details: { name: theme.name } });
		return theme;
	}
});

export const addPlanDepartment = command({
	load: async (_ctx, _scope, input: RawInput<typeof nameSchema>) => input,
	schema: nameSchema,
	execute: async (tx, { scope, values, record }) => {
		const department = await ensurePlanDepartment(tx, {
			municipalityId: scope.municipality.id,
			name: values.name
		});
		record.audit({ action: 'climate_plan.department_added', details: { name: department.name } });
		return department;
	}
});
