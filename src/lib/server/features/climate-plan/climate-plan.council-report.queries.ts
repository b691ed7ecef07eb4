// Queries of the council's progress report: the municipality's look, the plan's actions and updates of a
// period, and the reports issued. Every query names the municipality in its where.
import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	climatePlanActions,
	climatePlanReports,
	climatePlanThemes,
	climatePlanUpdates,
	municipalities,
	users
} from '$lib/server/db/schema';
import type { PlanStatus } from '$lib/domain/climate-plan';
import { staffName } from '$lib/server/platform/backoffice';
import { lateSql } from './climate-plan.queries';

export async function getReportMunicipality(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({
			name: municipalities.name,
			primaryColor: municipalities.primaryColor,
			accentColor: municipalities.accentColor
		})
		.from(municipalities)
		.where(eq(municipalities.id, params.municipalityId));
	return row;
}

/**
 * Makes the reports of one municipality take turns: two people issuing at once would otherwise both start
 * their period at the same previous report. Held until the transaction ends.
 */
export async function lockReports(db: Db, params: { municipalityId: string }): Promise<void> {
	await db.execute(
		sql`SELECT pg_advisory_xact_lock(hashtext(${`climate_plan_reports:${params.municipalityId}`}))`
	);
}

/** The latest report issued here, with each action's status then. */
export async function getLastReport(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({
			id: climatePlanReports.id,
			issuedAt: climatePlanReports.issuedAt,
			statuses: climatePlanReports.statuses
		})
		.from(climatePlanReports)
		.where(eq(climatePlanReports.municipalityId, params.municipalityId))
		.orderBy(desc(climatePlanReports.issuedAt), desc(climatePlanReports.id))
		.limit(1);
	return row;
}

/** The reports issued here, newest first, without their bytes. */
export async function listReports(db: Db, params: { municipalityId: string }) {
	return db
		.select({
			id: climatePlanReports.id,
			issuedAt: climatePlanReports.issuedAt,
			periodStart: climatePlanReports.periodStart,
			issuedByName: sql<
				string | null
			>`(SELECT ${staffName} FROM ${users} WHERE ${users.id} = ${climatePlanReports.issuedBy})`,
			actionCount: climatePlanReports.actionCount,
			fileName: climatePlanReports.fileName,
			bytes: sql<number>`octet_length(${climatePlanReports.bytes})`.mapWith(Number)
		})
		.from(climatePlanReports)
		.where(eq(climatePlanReports.municipalityId, params.municipalityId))
		.orderBy(desc(climatePlanReports.issuedAt), desc(climatePlanReports.id));
}

export async function getReportFile(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({ fileName: climatePlanReports.fileName, bytes: climatePlanReports.bytes })
		.from(climatePlanReports)
		.where(
			and(eq(climatePlanReports.municipalityId, params.municipalityId), eq(climatePlanReports.id, params.id))
		);
	return row;
}

export async function insertReport(
	db: Db,
	params: {
		municipalityId: string;
		issuedAt: Date;
		issuedBy: string;
		periodStart: Date | null;
		statuses: Record<string, PlanStatus>;
		actionCount: number;
		fileName: string;
		bytes: Buffer;
	}
): Promise<{ id: number }> {
	const [row] = await db.insert(climatePlanReports).values(params).returning({ id: climatePlanReports.id });
	return row!;
}

/** Every action of the plan with what the report counts: its theme, status, CO2 and money, late or not. */
export async function listReportActions(db: Db, params: { municipalityId: string; today: string }) {
	const a = climatePlanActions;
	return db
		.select({
			id: a.id,
			code: a.code,
			title: a.title,
			status: a.status,
			themeName: climatePlanThemes.name,
			co2Planned: a.co2Planned,
			co2Achieved: a.co2Achieved,
			budgetCents: a.budgetCents,
			spentCents: a.spentCents,
			createdAt: a.createdAt,
			late: sql<boolean>`${lateSql(params.today)}`
		})
		.from(a)
		.leftJoin(
			climatePlanThemes,
			and(eq(climatePlanThemes.id, a.themeId), eq(climatePlanThemes.municipalityId, a.municipalityId))
		)
		.where(eq(a.municipalityId, params.municipalityId))
		.orderBy(asc(sql`lower(${a.title})`), asc(a.id));
}

/** The monitoring updates posted after `after` (all when null) up to `until`, oldest first, with their action. */
export async function listUpdatesOfPeriod(
	db: Db,
	params: { municipalityId: string; after: Date | null; until: Date }
) {
	const u = climatePlanUpdates;
	return db
		.select({
			id: u.id,
			planActionId: u.planActionId,
			title: climatePlanActions.title,
			done: u.done,
			blockers: u.blockers,
			adjustment: u.adjustment,
			adjustmentReason: u.adjustmentReason,
			statusAfter: u.statusAfter,
			createdAt: u.createdAt
		})
		.from(u)
		.innerJoin(
			climatePlanActions,
			and(eq(climatePlanActions.id, u.planActionId), eq(climatePlanActions.municipalityId, u.municipalityId))
		)
		.where(
			and(
				eq(u.municipalityId, params.municipalityId),
				params.after ? gt(u.createdAt, params.after) : undefined,
				lte(u.createdAt, params.until)
			)
		)
		.orderBy(asc(u.createdAt), asc(u.id));
}

/** The reports a person issued, in every municipality (their data export). */
export async function listReportsIssuedBy(db: Db, params: { userId: string }) {
	return db
		.select({ id: climatePlanReports.id, issuedAt: climatePlanReports.issuedAt })
		.from(climatePlanReports)
		.where(eq(climatePlanReports.issuedBy, params.userId))
		.orderBy(asc(climatePlanReports.id));
}

/** Deleting an account: the reports stay (the council's record) without naming who issued them. */
export async function clearReportIssuer(db: Db, params: { userId: string }): Promise<void> {
	await db
		.update(climatePlanReports)
		.set({ issuedBy: null })
		.where(eq(climatePlanReports.issuedBy, params.userId));
}
