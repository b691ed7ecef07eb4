// Drizzle queries of the climate plan. Every query names the municipality in its where (a row of another
// municipality is simply not there), lists its columns and takes the database handle first, so it works inside
// a transaction.
import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import {
	actions,
	climatePlanActionDepartments,
	climatePlanActions,
	climatePlanDepartments,
	climatePlanImports,
	climatePlanIndicators,
	climatePlanMilestones,
	climatePlanThemes,
	climatePlanUpdates,
	climatePlanViews,
	climatePlanReminders,
	memberships,
	municipalities,
	users
} from '$lib/server/db/schema';
import {
	PLAN_OPEN_STATUSES,
	type CovenantSector,
	type PlanPriority,
	type PlanPublicPart,
	type PlanStatus
} from '$lib/domain/climate-plan';
import { containsPattern } from '$lib/server/platform/text';
import { hasAbilitySql } from '$lib/server/platform/policy';
import { staffName } from '$lib/server/platform/backoffice';

// ---------------------------------------------------------------------------------------------
// Themes and departments
// ---------------------------------------------------------------------------------------------

export interface NamedRow {
	id: number;
	name: string;
}

export async function listPlanThemes(db: Db, params: { municipalityId: string }): Promise<NamedRow[]> {
	return db
		.select({ id: climatePlanThemes.id, name: climatePlanThemes.name })
		.from(climatePlanThemes)
		.where(eq(climatePlanThemes.municipalityId, params.municipalityId))
		.orderBy(asc(climatePlanThemes.position), asc(climatePlanThemes.name));
}

export async function listPlanDepartments(db: Db, params: { municipalityId: string }): Promise<NamedRow[]> {
	return db
		.select({ id: climatePlanDepartments.id, name: climatePlanDepartments.name })
		.from(climatePlanDepartments)
		.where(eq(climatePlanDepartments.municipalityId, params.municipalityId))
		.orderBy(asc(climatePlanDepartments.name));
}

/** A theme by name (any case), created when missing. */
export async function ensurePlanTheme(
	db: Db,
	params: { municipalityId: string; name: string; position?: number }
): Promise<NamedRow> {
	await db
		.insert(climatePlanThemes)
		.values({ municipalityId: params.municipalityId, name: params.name, position: params.position ?? 100 })
		.onConflictDoNothing();
	const [row] = await db
		.select({ id: climatePlanThemes.id, name: climatePlanThemes.name })
		.from(climatePlanThemes)
		.where(
			and(
				eq(climatePlanThemes.municipalityId, params.municipalityId),
				sql`lower(${climatePlanThemes.name}) = lower(${params.name})`
			)
		);
	if (!row) throw new Error('plan theme not found after insert');
	return row;
}

/** A department by name (any case), created when missing. */
export async function ensurePlanDepartment(
	db: Db,
	params: { municipalityId: string; name: string }
): Promise<NamedRow> {
	await db
		.insert(climatePlanDepartments)
		.values({ municipalityId: params.municipalityId, name: params.name })
		.onConflictDoNothing();
	const [row] = await db
		.select({ id: climatePlanDepartments.id, name: climatePlanDepartments.name })
		.from(climatePlanDepartments)
		.where(
			and(
				eq(climatePlanDepartments.municipalityId, params.municipalityId),
				sql`lower(${climatePlanDepartments.name}) = lower(${params.name})`
			)
		);
	if (!row) throw new Error('plan department not found after insert');
	return row;
}

/** The departments colleagues' roles name here (memberships.department), to offer as the plan's. */
export async function listColleagueDepartments(
	db: Db,
	params: { municipalityId: string }
): Promise<string[]> {
	const rows = await db
		.selectDistinct({ department: memberships.department })
		.from(memberships)
		.where(and(eq(memberships.municipalityId, params.municipalityId), sql`${memberships.department} <> ''`));
	return rows.map((r) => r.department).filter((d): d is string => Boolean(d));
}

export interface PlanPerson {
	id: string;
	name: string;
	email: string | null;
}

/** The staff of the municipality who may read the plan: who may be responsible for an action. */
export async function listPlanPeople(db: Db, params: { municipalityId: string }): Promise<PlanPerson[]> {
	return db
		.selectDistinct({ id: users.id, name: staffName, email: users.email })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.municipalityId, params.municipalityId),
				hasAbilitySql(sql`${memberships.userId}`, 'climatePlan.view', params.municipalityId),
				isNull(users.deletedAt)
			)
		)
		.orderBy(staffName);
}

// ---------------------------------------------------------------------------------------------
// Plan actions
// ---------------------------------------------------------------------------------------------

export interface PlanActionFields {
	code: string | null;
	title: string;
	description: string;
	themeId: number | null;
	sector: CovenantSector;
	leadDepartmentId: number | null;
	responsibleId: string | null;
	priority: PlanPriority;
	status: PlanStatus;
	plannedStart: string | null;
	plannedEnd: string | null;
	actualStart: string | null;
	actualEnd: string | null;
	budgetCents: number | null;
	spentCents: number | null;
	co2Planned: number | null;
	co2Achieved: number | null;
	energySavingsMwh: number | null;
	renewableMwh: number | null;
	areaOfIntervention: string;
	policyInstrument: string;
	origin: string;
}

export async function insertPlanAction(
	db: Db,
	params: { municipalityId: string; values: PlanActionFields; lastUpdateAt?: Date | null }
): Promise<{ id: number }> {
	const [row] = await db
		.insert(climatePlanActions)
		.values({ municipalityId: params.municipalityId, ...params.values, lastUpdateAt: params.lastUpdateAt })
		.returning({ id: climatePlanActions.id });
	if (!row) throw new Error('plan action not inserted');
	return row;
}

export async function updatePlanAction(
	db: Db,
	params: {
		municipalityId: string;
		ids: number[];
		values: Partial<PlanActionFields> & {
			publicActionId?: number | null;
			publicParts?: PlanPublicPart[];
			lastUpdateAt?: Date;
		};
	}
): Promise<number> {
	if (params.ids.length === 0) return 0;
	const rows = await db
		.update(climatePlanActions)
		.set({ ...params.values, updatedAt: new Date() })
		.where(
			and(
				eq(climatePlanActions.municipalityId, params.municipalityId),
				inArray(climatePlanActions.id, params.ids)
			)
		)
		.returning({ id: climatePlanActions.id });
	return rows.length;
}

export async function setInvolvedDepartments(
	db: Db,
	params: { municipalityId: string; planActionId: number; departmentIds: number[] }
): Promise<void> {
	await db
		.delete(climatePlanActionDepartments)
		.where(
			and(
				eq(climatePlanActionDepartments.municipalityId, params.municipalityId),
				eq(climatePlanActionDepartments.planActionId, params.planActionId)
			)
		);
	if (params.departmentIds.length)
		await db.insert(climatePlanActionDepartments).values(
			params.departmentIds.map((departmentId) => ({
				municipalityId: params.municipalityId,
				planActionId: params.planActionId,
				departmentId
			}))
		);
}

const planActionColumns = {
	id: climatePlanActions.id,
	code: climatePlanActions.code,
	title: climatePlanActions.title,
	description: climatePlanActions.description,
	themeId: climatePlanActions.themeId,
	themeName: sql<
		string | null
	>`(SELECT t.name FROM ${climatePlanThemes} t WHERE t.id = ${climatePlanActions.themeId} AND t.municipality_id = ${climatePlanActions.municipalityId})`,
	sector: climatePlanActions.sector,
	leadDepartmentId: climatePlanActions.leadDepartmentId,
	leadDepartmentName: sql<
		string | null
	>`(SELECT d.name FROM ${climatePlanDepartments} d WHERE d.id = ${climatePlanActions.leadDepartmentId} AND d.municipality_id = ${climatePlanActions.municipalityId})`,
	responsibleId: climatePlanActions.responsibleId,
	responsibleName: sql<
		string | null
	>`(SELECT coalesce(nullif(concat_ws(' ', u.given_name, u.family_name), ''), u.display_name) FROM ${users} u WHERE u.id = ${climatePlanActions.responsibleId})`,
	priority: climatePlanActions.priority,
	status: climatePlanActions.status,
	plannedStart: climatePlanActions.plannedStart,
	plannedEnd: climatePlanActions.plannedEnd,
	actualStart: climatePlanActions.actualStart,
	actualEnd: climatePlanActions.actualEnd,
	budgetCents: climatePlanActions.budgetCents,
	spentCents: climatePlanActions.spentCents,
	co2Planned: climatePlanActions.co2Planned,
	co2Achieved: climatePlanActions.co2Achieved,
	energySavingsMwh: climatePlanActions.energySavingsMwh,
	renewableMwh: climatePlanActions.renewableMwh,
	areaOfIntervention: climatePlanActions.areaOfIntervention,
	policyInstrument: climatePlanActions.policyInstrument,
	origin: climatePlanActions.origin,
	publicActionId: climatePlanActions.publicActionId,
	publicParts: climatePlanActions.publicParts,
	lastUpdateAt: climatePlanActions.lastUpdateAt,
	createdAt: climatePlanActions.createdAt,
	updatedAt: climatePlanActions.updatedAt
};

/** The query of plan actions with their theme, lead department and responsible person's names (for its row type). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function selectPlanActions(db: Db) {
	return db.select(planActionColumns).from(climatePlanActions);
}
export type PlanActionRow = Awaited<ReturnType<typeof selectPlanActions>>[number];

export interface PlanActionFilters {
	q?: string;
	departmentId?: number;
	themeId?: number;
	status?: PlanStatus;
	priority?: PlanPriority;
	late?: boolean;
	stale?: boolean;
}

/** The conditions of the board's filters; `today` and `staleBefore` make "late" and "no update" exact. */
export function filterConditions(
	params: { municipalityId: string; today: string; staleBefore: Date } & PlanActionFilters
): SQL[] {
	const a = climatePlanActions;
	const where: SQL[] = [eq(a.municipalityId, params.municipalityId)];
	if (params.q) {
		const pattern = containsPattern(params.q);
		where.push(or(ilike(a.title, pattern), ilike(a.code, pattern), ilike(a.description, pattern))!);
	}
	if (params.departmentId !== undefined)
		where.push(
			or(
				eq(a.leadDepartmentId, params.departmentId),
				sql`EXISTS (SELECT 1 FROM ${climatePlanActionDepartments} ad WHERE ad.plan_action_id = ${a.id} AND ad.municipality_id = ${params.municipalityId}::uuid AND ad.department_id = ${params.departmentId})`
			)!
		);
	if (params.themeId !== undefined) where.push(eq(a.themeId, params.themeId));
	if (params.status) where.push(eq(a.status, params.status));
	if (params.priority) where.push(eq(a.priority, params.priority));
	if (params.late) where.push(lateSql(params.today));
	if (params.stale)
		where.push(
			and(
				inArray(a.status, [...PLAN_OPEN_STATUSES]),
				lt(sql`coalesce(${a.lastUpdateAt}, ${a.createdAt})`, params.staleBefore)
			)!
		);
	return where;
}

/** The SQL twin of `isLate` (domain/climate-plan.ts). */
export function lateSql(today: string): SQL {
	const a = climatePlanActions;
	return sql`(${a.status} NOT IN ('completed', 'stopped') AND (${a.plannedEnd} < ${today}::date OR (${a.status} = 'not_started' AND ${a.plannedStart} < ${today}::date)))`;
}

const PRIORITY_ORDER = sql`CASE ${climatePlanActions.priority} WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`;

export const PLAN_SORTS = ['title', 'priority', 'status', 'end', 'updated'] as const;
export type PlanSort = (typeof PLAN_SORTS)[number];

export async function listPlanActions(
	db: Db,
	params: {
		municipalityId: string;
		today: string;
		staleBefore: Date;
		sort: PlanSort;
		dir: 'asc' | 'desc';
		limit: number;
		offset: number;
	} & PlanActionFilters
): Promise<{ rows: (PlanActionRow & { late: boolean })[]; total: number }> {
	const a = climatePlanActions;
	const order = params.dir === 'desc' ? desc : asc;
	const key: Record<PlanSort, SQL | typeof a.title> = {
		title: sql`lower(${a.title})`,
		priority: PRIORITY_ORDER,
		status: sql`${a.status}`,
		end: sql`${a.plannedEnd}`,
		updated: sql`coalesce(${a.lastUpdateAt}, ${a.createdAt})`
	};
	// The page is chosen on the action's own columns (with the count of all matches in the same pass); the
	// names (three lookups a row) are looked up only for the page's rows, not for the rows skipped by the offset.
	const page = db.$with('page').as(
		db
			.select({
				pageId: sql<number>`${a.id}`.as('page_id'),
				position: sql<number>`row_number() OVER (ORDER BY ${order(key[params.sort])}, ${a.id})`.as(
					'page_position'
				),
				total: sql<number>`count(*) OVER ()`.as('page_total')
			})
			.from(a)
			.where(and(...filterConditions(params)))
			.orderBy(order(key[params.sort]), asc(a.id))
			.limit(params.limit)
			.offset(params.offset)
	);
	const rows = await db
		.with(page)
		.select({
			...planActionColumns,
			late: sql<boolean>`${lateSql(params.today)}`,
			total: sql<number>`${page.total}`.mapWith(Number)
		})
		.from(a)
		.innerJoin(page, sql`${page.pageId} = ${a.id}`)
		.where(eq(a.municipalityId, params.municipalityId))
		.orderBy(asc(page.position));
	let total = rows[0]?.total ?? 0;
	if (rows.length === 0 && params.offset > 0) {
		const [counted] = await db
			.select({ n: count() })
			.from(a)
			.where(and(...filterConditions(params)));
		total = counted?.n ?? 0;
	}
	return { rows, total };
}

/** Every action of the municipality matching the filters, without paging (board by status, exports). */
export async function listAllPlanActions(
	db: Db,
	params: { municipalityId: string; today: string; staleBefore: Date; limit?: number } & PlanActionFilters
): Promise<(PlanActionRow & { late: boolean })[]> {
	const a = climatePlanActions;
	return db
		.select({ ...planActionColumns, late: sql<boolean>`${lateSql(params.today)}` })
		.from(a)
		.where(and(...filterConditions(params)))
		.orderBy(PRIORITY_ORDER, asc(a.code), asc(a.id))
		.limit(params.limit ?? 10_000);
}

/** A card of the board by status: what it shows, with its rank in its column. */
export interface PlanCardRow {
	id: number;
	code: string | null;
	title: string;
	status: PlanStatus;
	priority: PlanPriority;
	themeName: string | null;
	leadDepartmentName: string | null;
	late: boolean;
	/** Open, and no update since `staleBefore`. */
	stale: boolean;
	rank: number;
}

/**
 * The board by status: per status its count and its `perColumn` most urgent actions — late ones first, then by
 * planned end (earliest first, none last), then by priority (high first), then by code. One query: the filtered
 * actions are ranked per status by a window function on the action's own columns only (a narrow sort: ranking
 * the cards' whole rows, titles included, measured slower than joining the shown ids back); only the card's
 * columns are read for the actions shown, with the names of their theme and lead department.
 */
export async function listPlanStatusColumns(
	db: Db,
	params: { municipalityId: string; today: string; staleBefore: Date; perColumn: number } & PlanActionFilters
): Promise<{ rows: PlanCardRow[]; counts: Partial<Record<PlanStatus, number>> }> {
	const a = climatePlanActions;
	const late = sql`coalesce(${lateSql(params.today)}, false)`;
	const ranked = db.$with('ranked').as(
		db
			.select({
				rankedId: sql<number>`${a.id}`.as('ranked_id'),
				rank: sql<number>`row_number() OVER (PARTITION BY ${a.status} ORDER BY ${late} DESC, ${a.plannedEnd} ASC NULLS LAST, ${PRIORITY_ORDER}, ${a.code} ASC NULLS LAST, ${a.id})`.as(
					'rank'
				),
				columnTotal: sql<number>`count(*) OVER (PARTITION BY ${a.status})`.as('column_total')
			})
			.from(a)
			.where(and(...filterConditions(params)))
	);
	const rows = await db
		.with(ranked)
		.select({
			id: a.id,
			code: a.code,
			title: a.title,
			status: a.status,
			priority: a.priority,
			themeName: planActionColumns.themeName,
			leadDepartmentName: planActionColumns.leadDepartmentName,
			late: sql<boolean>`${late}`,
			stale: sql<boolean>`(${inArray(a.status, [...PLAN_OPEN_STATUSES])} AND coalesce(${a.lastUpdateAt}, ${a.createdAt}) < ${params.staleBefore.toISOString()}::timestamptz)`,
			rank: sql<number>`${ranked.rank}`.mapWith(Number),
			columnTotal: sql<number>`${ranked.columnTotal}`.mapWith(Number)
		})
		.from(a)
		.innerJoin(ranked, sql`${ranked.rankedId} = ${a.id}`)
		.where(and(eq(a.municipalityId, params.municipalityId), sql`${ranked.rank} <= ${params.perColumn}`))
		.orderBy(asc(a.status), asc(ranked.rank));
	const counts: Partial<Record<PlanStatus, number>> = {};
	for (const row of rows) counts[row.status] = row.columnTotal;
	return { rows: rows.map(({ columnTotal: _total, ...row }) => row), counts };
}

export async function getPlanAction(
	db: Db,
	params: { municipalityId: string; id: number; forUpdate?: boolean }
): Promise<PlanActionRow | undefined> {
	const query = db
		.select(planActionColumns)
		.from(climatePlanActions)
		.where(
			and(eq(climatePlanActions.municipalityId, params.municipalityId), eq(climatePlanActions.id, params.id))
		);
	const [row] = params.forUpdate ? await query.for('update', { of: climatePlanActions }) : await query;
	return row;
}

export async function listPlanActionsByIds(
	db: Db,
	params: { municipalityId: string; ids: number[]; forUpdate?: boolean }
): Promise<PlanActionRow[]> {
	if (params.ids.length === 0) return [];
	const query = db
		.select(planActionColumns)
		.from(climatePlanActions)
		.where(
			and(
				eq(climatePlanActions.municipalityId, params.municipalityId),
				inArray(climatePlanActions.id, params.ids)
			)
		)
		.orderBy(asc(climatePlanActions.id));
	return params.forUpdate ? query.for('update', { of: climatePlanActions }) : query;
}

/** The codes of the municipality's actions that already exist, among these (an import's duplicates). */
export async function listExistingCodes(
	db: Db,
	params: { municipalityId: string; codes: string[] }
): Promise<string[]> {
	if (params.codes.length === 0) return [];
	const rows = await db
		.select({ code: climatePlanActions.code })
		.from(climatePlanActions)
		.where(
			and(
				eq(climatePlanActions.municipalityId, params.municipalityId),
				inArray(climatePlanActions.code, params.codes)
			)
		);
	return rows.map((r) => r.code).filter((c): c is string => c !== null);
}

export async function listInvolvedDepartments(
	db: Db,
	params: { municipalityId: string; planActionIds: number[] }
): Promise<{ planActionId: number; id: number; name: string }[]> {
	if (params.planActionIds.length === 0) return [];
	return db
		.select({
			planActionId: climatePlanActionDepartments.planActionId,
			id: climatePlanDepartments.id,
			name: climatePlanDepartments.name
		})
		.from(climatePlanActionDepartments)
		.innerJoin(
			climatePlanDepartments,
			and(
				eq(climatePlanDepartments.id, climatePlanActionDepartments.departmentId),
				eq(climatePlanDepartments.municipalityId, params.municipalityId)
			)
		)
		.where(
			and(
				eq(climatePlanActionDepartments.municipalityId, params.municipalityId),
				inArray(climatePlanActionDepartments.planActionId, params.planActionIds)
			)
		)
		.orderBy(asc(climatePlanDepartments.name));
}

// ---------------------------------------------------------------------------------------------
// Indicators, milestones, the monitoring log
// ---------------------------------------------------------------------------------------------

export async function listIndicators(db: Db, params: { municipalityId: string; planActionId: number }) {
	return db
		.select({
			id: climatePlanIndicators.id,
			name: climatePlanIndicators.name,
			unit: climatePlanIndicators.unit,
			target: climatePlanIndicators.target,
			current: climatePlanIndicators.current
		})
		.from(climatePlanIndicators)
		.where(
			and(
				eq(climatePlanIndicators.municipalityId, params.municipalityId),
				eq(climatePlanIndicators.planActionId, params.planActionId)
			)
		)
		.orderBy(asc(climatePlanIndicators.position), asc(climatePlanIndicators.id));
}

export async function insertIndicator(
	db: Db,
	params: {
		municipalityId: string;
		planActionId: number;
		name: string;
		unit: string;
		target: number | null;
		current: number | null;
	}
): Promise<void> {
	await db.insert(climatePlanIndicators).values(params);
}

export async function updateIndicatorCurrent(
	db: Db,
	params: { municipalityId: string; planActionId: number; id: number; current: number | null }
): Promise<number> {
	const rows = await db
		.update(climatePlanIndicators)
		.set({ current: params.current })
		.where(
			and(
				eq(climatePlanIndicators.municipalityId, params.municipalityId),
				eq(climatePlanIndicators.planActionId, params.planActionId),
				eq(climatePlanIndicators.id, params.id)
			)
		)
		.returning({ id: climatePlanIndicators.id });
	return rows.length;
}

export async function listMilestones(db: Db, params: { municipalityId: string; planActionId: number }) {
	return db
		.select({
			id: climatePlanMilestones.id,
			title: climatePlanMilestones.title,
			dueOn: climatePlanMilestones.dueOn,
			doneOn: climatePlanMilestones.doneOn
		})
		.from(climatePlanMilestones)
		.where(
			and(
				eq(climatePlanMilestones.municipalityId, params.municipalityId),
				eq(climatePlanMilestones.planActionId, params.planActionId)
			)
		)
		.orderBy(sql`${climatePlanMilestones.dueOn} NULLS LAST`, asc(climatePlanMilestones.id));
}

export async function insertMilestone(
	db: Db,
	params: {
		municipalityId: string;
		planActionId: number;
		title: string;
		dueOn: string | null;
		doneOn: string | null;
	}
): Promise<void> {
	await db.insert(climatePlanMilestones).values(params);
}

export async function countOfAction(
	db: Db,
	params: { municipalityId: string; planActionId: number; kind: 'indicators' | 'milestones' }
): Promise<number> {
	const table = params.kind === 'indicators' ? climatePlanIndicators : climatePlanMilestones;
	const [row] = await db
		.select({ n: count() })
		.from(table)
		.where(and(eq(table.municipalityId, params.municipalityId), eq(table.planActionId, params.planActionId)));
	return row?.n ?? 0;
}

export async function insertPlanUpdate(
	db: Db,
	params: {
		municipalityId: string;
		planActionId: number;
		authorId: string | null;
		done: string;
		blockers: string;
		adjustment: string;
		adjustmentReason: string;
		statusAfter: PlanStatus;
		createdAt?: Date;
	}
): Promise<{ id: number; createdAt: Date }> {
	const [row] = await db
		.insert(climatePlanUpdates)
		.values(params)
		.returning({ id: climatePlanUpdates.id, createdAt: climatePlanUpdates.createdAt });
	if (!row) throw new Error('plan update not inserted');
	return row;
}

export async function listPlanUpdates(db: Db, params: { municipalityId: string; planActionId: number }) {
	return db
		.select({
			id: climatePlanUpdates.id,
			authorName: sql<
				string | null
			>`(SELECT coalesce(nullif(concat_ws(' ', u.given_name, u.family_name), ''), u.display_name) FROM ${users} u WHERE u.id = ${climatePlanUpdates.authorId} AND u.deleted_at IS NULL)`,
			done: climatePlanUpdates.done,
			blockers: climatePlanUpdates.blockers,
			adjustment: climatePlanUpdates.adjustment,
			adjustmentReason: climatePlanUpdates.adjustmentReason,
			statusAfter: climatePlanUpdates.statusAfter,
			createdAt: climatePlanUpdates.createdAt
		})
		.from(climatePlanUpdates)
		.where(
			and(
				eq(climatePlanUpdates.municipalityId, params.municipalityId),
				eq(climatePlanUpdates.planActionId, params.planActionId)
			)
		)
		.orderBy(desc(climatePlanUpdates.createdAt), desc(climatePlanUpdates.id));
}

/** Open actions whose latest update names something that blocks them (the college's "blocked"). */
export async function listBlockedActionIds(db: Db, params: { municipalityId: string }): Promise<number[]> {
	const rows = await executeRows<{ id: number; blockers: string }>(
		db,
		sql`SELECT DISTINCT ON (u.plan_action_id) u.plan_action_id AS id, u.blockers
		FROM ${climatePlanUpdates} u
		JOIN ${climatePlanActions} a ON a.id = u.plan_action_id AND a.municipality_id = ${params.municipalityId}::uuid
		WHERE u.municipality_id = ${params.municipalityId}::uuid AND a.status IN ('not_started', 'ongoing', 'postponed')
		ORDER BY u.plan_action_id, u.created_at DESC, u.id DESC`
	);
	return rows.filter((r) => r.blockers.trim() !== '').map((r) => Number(r.id));
}

// ---------------------------------------------------------------------------------------------
// Totals, saved views, imports, the public part
// ---------------------------------------------------------------------------------------------

export interface PlanTotalsRow {
	key: string | null;
	actions: number;
	co2Planned: number;
	co2Achieved: number;
	budgetCents: number;
	spentCents: number;
}

/** Sums per theme (its name) or per Covenant sector. */
export async function sumPlanActions(
	db: Db,
	params: { municipalityId: string; by: 'theme' | 'sector' }
): Promise<PlanTotalsRow[]> {
	const a = climatePlanActions;
	const key =
		params.by === 'sector' ? sql<string | null>`${a.sector}` : sql<string | null>`${climatePlanThemes.name}`;
	return db
		.select({
			key,
			actions: count(),
			co2Planned: sql<number>`coalesce(sum(${a.co2Planned}), 0)`.mapWith(Number),
			co2Achieved: sql<number>`coalesce(sum(${a.co2Achieved}), 0)`.mapWith(Number),
			budgetCents: sql<number>`coalesce(sum(${a.budgetCents}), 0)`.mapWith(Number),
			spentCents: sql<number>`coalesce(sum(${a.spentCents}), 0)`.mapWith(Number)
		})
		.from(a)
		.leftJoin(
			climatePlanThemes,
			and(eq(climatePlanThemes.id, a.themeId), eq(climatePlanThemes.municipalityId, a.municipalityId))
		)
		.where(and(eq(a.municipalityId, params.municipalityId), sql`${a.status} <> 'stopped'`))
		.groupBy(key)
		.orderBy(key);
}

export async function listPlanViews(db: Db, params: { municipalityId: string; userId: string }) {
	return db
		.select({ id: climatePlanViews.id, name: climatePlanViews.name, query: climatePlanViews.query })
		.from(climatePlanViews)
		.where(
			and(
				eq(climatePlanViews.municipalityId, params.municipalityId),
				eq(climatePlanViews.userId, params.userId)
			)
		)
		.orderBy(asc(climatePlanViews.name));
}

/** Saves a view under its name, replacing the person's view of the same name. */
export async function upsertPlanView(
	db: Db,
	params: { municipalityId: string; userId: string; name: string; query: string }
): Promise<void> {
	await db
		.insert(climatePlanViews)
		.values(params)
		.onConflictDoUpdate({
			target: [climatePlanViews.municipalityId, climatePlanViews.userId, climatePlanViews.name],
			set: { query: params.query }
		});
}

export async function deletePlanView(
	db: Db,
	params: { municipalityId: string; userId: string; id: number }
): Promise<number> {
	const rows = await db
		.delete(climatePlanViews)
		.where(
			and(
				eq(climatePlanViews.municipalityId, params.municipalityId),
				eq(climatePlanViews.userId, params.userId),
				eq(climatePlanViews.id, params.id)
			)
		)
		.returning({ id: climatePlanViews.id });
	return rows.length;
}

export async function insertPlanImport(
	db: Db,
	params: { municipalityId: string; userId: string; fileName: string; headers: string[]; rows: string[][] }
): Promise<{ id: number }> {
	const [row] = await db.insert(climatePlanImports).values(params).returning({ id: climatePlanImports.id });
	if (!row) throw new Error('plan import not inserted');
	return row;
}

/** An upload of this person in this municipality (nobody else's). */
export async function getPlanImport(
	db: Db,
	params: { municipalityId: string; userId: string; id: number; forUpdate?: boolean }
) {
	const query = db
		.select({
			id: climatePlanImports.id,
			fileName: climatePlanImports.fileName,
			headers: climatePlanImports.headers,
			rows: climatePlanImports.rows
		})
		.from(climatePlanImports)
		.where(
			and(
				eq(climatePlanImports.municipalityId, params.municipalityId),
				eq(climatePlanImports.userId, params.userId),
				eq(climatePlanImports.id, params.id)
			)
		);
	const [row] = params.forUpdate ? await query.for('update') : await query;
	return row;
}

export async function deletePlanImport(db: Db, params: { municipalityId: string; id: number }) {
	await db
		.delete(climatePlanImports)
		.where(
			and(eq(climatePlanImports.municipalityId, params.municipalityId), eq(climatePlanImports.id, params.id))
		);
}

/** Uploads older than the given time, in every municipality (housekeeping). */
export async function deleteOldPlanImports(db: Db, params: { before: Date }): Promise<number> {
	const rows = await db
		.delete(climatePlanImports)
		.where(lt(climatePlanImports.createdAt, params.before))
		.returning({ id: climatePlanImports.id });
	return rows.length;
}

/** The public actions of the municipality a plan action may be linked to (not archived). */
export async function listLinkableActions(db: Db, params: { municipalityId: string }): Promise<NamedRow[]> {
	return db
		.select({ id: actions.id, name: actions.title })
		.from(actions)
		.where(and(eq(actions.municipalityId, params.municipalityId), isNull(actions.archivedAt)))
		.orderBy(asc(actions.title));
}

/** The plan actions linked to a public action of the municipality (what its public page may show). */
export async function listPlanActionsOfPublicAction(
	db: Db,
	params: { municipalityId: string; actionId: number }
): Promise<PlanActionRow[]> {
	return db
		.select(planActionColumns)
		.from(climatePlanActions)
		.where(
			and(
				eq(climatePlanActions.municipalityId, params.municipalityId),
				eq(climatePlanActions.publicActionId, params.actionId)
			)
		)
		.orderBy(asc(climatePlanActions.id));
}

/** The owners of open actions with their addresses (the monthly mail). */
export async function listOwnersOfOpenActions(db: Db, params: { municipalityId: string }) {
	return db
		.select({
			planActionId: climatePlanActions.id,
			title: climatePlanActions.title,
			userId: users.id,
			email: users.email,
			name: staffName,
			lastUpdateAt: climatePlanActions.lastUpdateAt
		})
		.from(climatePlanActions)
		.innerJoin(users, eq(users.id, climatePlanActions.responsibleId))
		.where(
			and(
				eq(climatePlanActions.municipalityId, params.municipalityId),
				inArray(climatePlanActions.status, [...PLAN_OPEN_STATUSES]),
				isNull(users.deletedAt),
				hasAbilitySql(sql`${users.id}`, 'climatePlan.view', params.municipalityId)
			)
		)
		.orderBy(asc(users.id), asc(climatePlanActions.id));
}

/** A person's plan updates (their data export) in every municipality. */
export async function listPlanUpdatesOfPerson(db: Db, params: { userId: string }) {
	return db
		.select({
			planActionId: climatePlanUpdates.planActionId,
			done: climatePlanUpdates.done,
			blockers: climatePlanUpdates.blockers,
			adjustment: climatePlanUpdates.adjustment,
			adjustmentReason: climatePlanUpdates.adjustmentReason,
			createdAt: climatePlanUpdates.createdAt
		})
		.from(climatePlanUpdates)
		.where(eq(climatePlanUpdates.authorId, params.userId))
		.orderBy(asc(climatePlanUpdates.id));
}

/**
 * What deleting an account does to the plan: the person's updates stay in the monitoring log without an author,
 * no action names them responsible any more, and their saved views and waiting uploads go.
 */
export async function erasePersonFromPlan(db: Db, params: { userId: string }): Promise<void> {
	await db
		.update(climatePlanUpdates)
		.set({ authorId: null })
		.where(eq(climatePlanUpdates.authorId, params.userId));
	await db
		.update(climatePlanActions)
		.set({ responsibleId: null })
		.where(eq(climatePlanActions.responsibleId, params.userId));
	await db.delete(climatePlanViews).where(eq(climatePlanViews.userId, params.userId));
	await db.delete(climatePlanImports).where(eq(climatePlanImports.userId, params.userId));
}

/** The plan actions a person is responsible for, in every municipality (their data export). */
export async function listPlanActionsOfResponsible(db: Db, params: { userId: string }) {
	return db
		.select({ id: climatePlanActions.id, title: climatePlanActions.title })
		.from(climatePlanActions)
		.where(eq(climatePlanActions.responsibleId, params.userId))
		.orderBy(asc(climatePlanActions.id));
}

// ---------------------------------------------------------------------------------------------
// The monthly mail and its signed links
// ---------------------------------------------------------------------------------------------

export async function getPlanMunicipality(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({
			id: municipalities.id,
			regionId: municipalities.regionId,
			slug: municipalities.slug,
			name: municipalities.name,
			primaryColor: municipalities.primaryColor
		})
		.from(municipalities)
		.where(eq(municipalities.id, params.municipalityId));
	return row;
}

export async function listParticipatingMunicipalities(db: Db) {
	return db
		.select({
			id: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			primaryColor: municipalities.primaryColor
		})
		.from(municipalities)
		.where(eq(municipalities.participating, true))
		.orderBy(asc(municipalities.slug));
}

/** A person as a mailed link names them: their name and what they may do with the plan here now. */
export async function getPlanPerson(db: Db, params: { municipalityId: string; userId: string }) {
	const [row] = await db
		.select({
			displayName: staffName,
			view: hasAbilitySql(sql`${users.id}`, 'climatePlan.view', params.municipalityId),
			manage: hasAbilitySql(sql`${users.id}`, 'climatePlan.manage', params.municipalityId)
		})
		.from(users)
		.where(and(eq(users.id, params.userId), isNull(users.deletedAt)));
	return row;
}

/** Records this month's mail to the person here; false when it was already recorded (it goes once). */
export async function claimReminder(
	db: Db,
	params: { municipalityId: string; userId: string; month: string }
): Promise<boolean> {
	const rows = await db
		.insert(climatePlanReminders)
		.values(params)
		.onConflictDoNothing()
		.returning({ userId: climatePlanReminders.userId });
	return rows.length > 0;
}

/** The month (YYYY-MM), day and hour of a moment in Europe/Brussels. */
export async function brusselsMonth(db: Db, params: { now: Date }) {
	const at = params.now.toISOString();
	const [row] = await executeRows<{ month: string; day: number; hour: number }>(
		db,
		sql`SELECT to_char(${at}::timestamptz AT TIME ZONE 'Europe/Brussels', 'YYYY-MM') AS month,
			extract(day FROM ${at}::timestamptz AT TIME ZONE 'Europe/Brussels')::int AS day,
			extract(hour FROM ${at}::timestamptz AT TIME ZONE 'Europe/Brussels')::int AS hour`
	);
	if (!row) throw new Error('no clock');
	return { month: row.month, day: Number(row.day), hour: Number(row.hour) };
}

/** Open actions without an update since `staleBefore`, and since when the oldest waits (the back office's home). */
export async function countStaleActions(db: Db, params: { municipalityId: string; staleBefore: Date }) {
	const a = climatePlanActions;
	const touched = sql<Date>`coalesce(${a.lastUpdateAt}, ${a.createdAt})`;
	const [row] = await db
		.select({ n: count(), since: sql<string | null>`min(${touched})` })
		.from(a)
		.where(
			and(
				eq(a.municipalityId, params.municipalityId),
				inArray(a.status, [...PLAN_OPEN_STATUSES]),
				lt(touched, params.staleBefore)
			)
		);
	return { count: row?.n ?? 0, since: row?.since ? new Date(row.since) : null };
}
