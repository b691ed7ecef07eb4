// Queries of the plan's timeline (by planned dates) and priority view (expected CO2 against cost), with the
// board's filters (filterConditions in climate-plan.queries.ts, so a filter means the same on every view).
// Every query names the municipality in its where, like the rest of the feature's queries.
import { and, asc, count, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { climatePlanActions, climatePlanDepartments } from '$lib/server/db/schema';
import { filterConditions, lateSql, type PlanActionFilters } from './climate-plan.queries';
import type { PlanFilters } from './climate-plan.schemas';
import { brusselsDay } from '$lib/server/platform/dates';
import { staleBefore } from './climate-plan.present';

export type FilterParams = { municipalityId: string; today: string; staleBefore: Date } & PlanActionFilters;

/**
 * The board's filters (from its address, planFiltersSchema) as the queries take them: the one translation the
 * table, the status board, the timeline and the priority view share, so a filter means the same on each.
 */
export const filterParams = (municipalityId: string, filters: PlanFilters, now: Date): FilterParams => ({
	municipalityId,
	today: brusselsDay(now),
	staleBefore: staleBefore(now),
	q: filters.q,
	departmentId: filters.department,
	themeId: filters.theme,
	status: filters.status,
	priority: filters.priority,
	late: filters.late,
	stale: filters.stale
});

const a = climatePlanActions;

const leadName = sql<
	string | null
>`(SELECT d.name FROM ${climatePlanDepartments} d WHERE d.id = ${a.leadDepartmentId} AND d.municipality_id = ${a.municipalityId})`;

const dated = or(isNotNull(a.plannedStart), isNotNull(a.plannedEnd))!;

/** The first and last planned day of the filtered actions that have one, and how many have a date. */
export async function getTimelineRange(
	db: Db,
	params: FilterParams
): Promise<{ first: string | null; last: string | null; count: number }> {
	const [row] = await db
		.select({
			first: sql<string | null>`to_char(min(coalesce(${a.plannedStart}, ${a.plannedEnd})), 'YYYY-MM-DD')`,
			last: sql<string | null>`to_char(max(coalesce(${a.plannedEnd}, ${a.plannedStart})), 'YYYY-MM-DD')`,
			count: count()
		})
		.from(a)
		.where(and(...filterConditions(params), dated));
	return { first: row?.first ?? null, last: row?.last ?? null, count: row?.count ?? 0 };
}

export interface TimelineRow {
	id: number;
	code: string | null;
	title: string;
	status: (typeof a.$inferSelect)['status'];
	priority: (typeof a.$inferSelect)['priority'];
	leadDepartmentName: string | null;
	plannedStart: string | null;
	plannedEnd: string | null;
	actualStart: string | null;
	actualEnd: string | null;
	late: boolean;
}

const timelineColumns = {
	id: a.id,
	code: a.code,
	title: a.title,
	status: a.status,
	priority: a.priority,
	leadDepartmentName: leadName,
	plannedStart: a.plannedStart,
	plannedEnd: a.plannedEnd,
	actualStart: a.actualStart,
	actualEnd: a.actualEnd
};

/** A page of the filtered actions with a planned date, by planned start (an action with only an end by its end). */
export async function listTimelineActions(
	db: Db,
	params: FilterParams & { limit: number; offset: number }
): Promise<TimelineRow[]> {
	return db
		.select({ ...timelineColumns, late: sql<boolean>`${lateSql(params.today)}` })
		.from(a)
		.where(and(...filterConditions(params), dated))
		.orderBy(asc(sql`coalesce(${a.plannedStart}, ${a.plannedEnd})`), asc(a.plannedEnd), asc(a.id))
		.limit(params.limit)
		.offset(params.offset);
}

/** The filtered actions without any planned date (shown apart, never left out), and how many there are. */
export async function listUndatedActions(
	db: Db,
	params: FilterParams & { limit: number }
): Promise<{ rows: TimelineRow[]; total: number }> {
	const rows = await db
		.select({
			...timelineColumns,
			late: sql<boolean>`${lateSql(params.today)}`,
			total: sql<number>`count(*) OVER ()`.mapWith(Number)
		})
		.from(a)
		.where(and(...filterConditions(params), isNull(a.plannedStart), isNull(a.plannedEnd)))
		.orderBy(asc(sql`lower(${a.title})`), asc(a.id))
		.limit(params.limit);
	return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export interface PriorityRow {
	id: number;
	code: string | null;
	title: string;
	status: (typeof a.$inferSelect)['status'];
	priority: (typeof a.$inferSelect)['priority'];
	leadDepartmentName: string | null;
	budgetCents: number | null;
	co2Planned: number | null;
}

/**
 * Every filtered action with its budget and expected CO2 reduction (the priority view ranks them by euro per
 * tonne; those without a budget or without a reduction are shown apart). At most `limit`.
 */
export async function listPriorityActions(
	db: Db,
	params: FilterParams & { limit: number }
): Promise<PriorityRow[]> {
	const costPerTonne: SQL = sql`CASE WHEN ${a.budgetCents} IS NOT NULL AND ${a.co2Planned} > 0 THEN ${a.budgetCents} / ${a.co2Planned} END`;
	return db
		.select({
			id: a.id,
			code: a.code,
			title: a.title,
			status: a.status,
			priority: a.priority,
			leadDepartmentName: leadName,
			budgetCents: a.budgetCents,
			co2Planned: a.co2Planned
		})
		.from(a)
		.where(and(...filterConditions(params)))
		.orderBy(sql`${costPerTonne} ASC NULLS LAST`, asc(sql`lower(${a.title})`), asc(a.id))
		.limit(params.limit);
}
