// The funder reports' reads and writes: programmes (of one region), their reviewers and reports. Every query
// names the programme's region or the report's programme and submitter in its `where`.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	funderProgrammes,
	funderReports,
	funderReviewerInvitations,
	funderReviewers,
	municipalities,
	regions,
	users
} from '$lib/server/db/schema';

export type ProgrammeRow = typeof funderProgrammes.$inferSelect;
export type ReportRow = typeof funderReports.$inferSelect;

export async function listProgrammes(db: Db, params: { regionIds: string[] }) {
	if (params.regionIds.length === 0) return [];
	return db
		.select()
		.from(funderProgrammes)
		.where(inArray(funderProgrammes.regionId, params.regionIds))
		.orderBy(asc(funderProgrammes.createdAt), asc(funderProgrammes.id));
}

/** The programmes a person is named to review. */
export async function listReviewedProgrammeIds(db: Db, params: { userId: string }) {
	const rows = await db
		.select({ id: funderReviewers.programmeId })
		.from(funderReviewers)
		.where(eq(funderReviewers.userId, params.userId));
	return rows.map((r) => r.id);
}

export async function listProgrammesByIds(db: Db, params: { ids: number[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select()
		.from(funderProgrammes)
		.where(inArray(funderProgrammes.id, params.ids))
		.orderBy(asc(funderProgrammes.id));
}

export async function getProgramme(db: Db, params: { id: number }) {
	const [row] = await db.select().from(funderProgrammes).where(eq(funderProgrammes.id, params.id)).limit(1);
	return row;
}

/**
 * The programme's row, locked until the transaction ends: `update` by the editor of its definition, `share` by
 * the opening of a report. So a definition never changes between the check that it has no report yet and
 * its write, and a report is never opened from a definition that is being changed.
 */
export async function lockProgramme(
	db: Db,
	params: { id: number; regionId: string; mode: 'update' | 'share' }
) {
	const [row] = await db
		.select()
		.from(funderProgrammes)
		.where(and(eq(funderProgrammes.id, params.id), eq(funderProgrammes.regionId, params.regionId)))
		.limit(1)
		.for(params.mode);
	return row;
}

/** Whether any report of the programme exists (a draft counts: it answers per action). */
export async function programmeHasReports(db: Db, params: { programmeId: number }): Promise<boolean> {
	const [row] = await db
		.select({ id: funderReports.id })
		.from(funderReports)
		.where(eq(funderReports.programmeId, params.programmeId))
		.limit(1);
	return row !== undefined;
}

export async function insertProgramme(db: Db, values: typeof funderProgrammes.$inferInsert) {
	const [row] = await db.insert(funderProgrammes).values(values).returning();
	return row!;
}

export async function updateProgramme(
	db: Db,
	params: { id: number; regionId: string },
	values: Partial<Pick<ProgrammeRow, 'name' | 'funder' | 'threshold' | 'definition'>>
) {
	await db
		.update(funderProgrammes)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(funderProgrammes.id, params.id), eq(funderProgrammes.regionId, params.regionId)));
}

export async function listReviewers(db: Db, params: { programmeIds: number[] }) {
	if (params.programmeIds.length === 0) return [];
	return db
		.select({
			programmeId: funderReviewers.programmeId,
			userId: funderReviewers.userId,
			name: users.displayName,
			email: users.email
		})
		.from(funderReviewers)
		.innerJoin(users, eq(users.id, funderReviewers.userId))
		.where(inArray(funderReviewers.programmeId, params.programmeIds))
		.orderBy(asc(users.displayName));
}

export async function insertReviewer(db: Db, params: { programmeId: number; userId: string }) {
	await db.insert(funderReviewers).values(params).onConflictDoNothing();
}

export async function deleteReviewer(db: Db, params: { programmeId: number; userId: string }) {
	await db
		.delete(funderReviewers)
		.where(
			and(eq(funderReviewers.programmeId, params.programmeId), eq(funderReviewers.userId, params.userId))
		);
}

/** The pending reviewer invitations of these programmes (addresses without an account yet). */
export async function listReviewerInvitations(db: Db, params: { programmeIds: number[] }) {
	if (params.programmeIds.length === 0) return [];
	return db
		.select({
			id: funderReviewerInvitations.id,
			programmeId: funderReviewerInvitations.programmeId,
			email: funderReviewerInvitations.email,
			createdAt: funderReviewerInvitations.createdAt
		})
		.from(funderReviewerInvitations)
		.where(inArray(funderReviewerInvitations.programmeId, params.programmeIds))
		.orderBy(asc(funderReviewerInvitations.email));
}

/** Records an invitation; false when this address is already invited to this programme. */
export async function insertReviewerInvitation(
	db: Db,
	params: { programmeId: number; email: string; invitedBy: string }
): Promise<boolean> {
	const rows = await db
		.insert(funderReviewerInvitations)
		.values(params)
		.onConflictDoNothing()
		.returning({ id: funderReviewerInvitations.id });
	return rows.length > 0;
}

export async function deleteReviewerInvitation(db: Db, params: { programmeId: number; id: number }) {
	await db
		.delete(funderReviewerInvitations)
		.where(
			and(
				eq(funderReviewerInvitations.programmeId, params.programmeId),
				eq(funderReviewerInvitations.id, params.id)
			)
		);
}

/** The invitations waiting for any of these addresses (lower case), with their programme's region. */
export async function listInvitationsForEmails(db: Db, params: { emails: readonly string[] }) {
	if (params.emails.length === 0) return [];
	return db
		.select({
			id: funderReviewerInvitations.id,
			programmeId: funderReviewerInvitations.programmeId,
			email: funderReviewerInvitations.email,
			createdAt: funderReviewerInvitations.createdAt,
			regionId: funderProgrammes.regionId,
			programme: funderProgrammes.name
		})
		.from(funderReviewerInvitations)
		.innerJoin(funderProgrammes, eq(funderProgrammes.id, funderReviewerInvitations.programmeId))
		.where(inArray(funderReviewerInvitations.email, [...params.emails]))
		.orderBy(asc(funderReviewerInvitations.id));
}

export async function deleteInvitationsForEmails(db: Db, params: { emails: readonly string[] }) {
	if (params.emails.length === 0) return;
	await db
		.delete(funderReviewerInvitations)
		.where(inArray(funderReviewerInvitations.email, [...params.emails]));
}

/** Whether a user may be named: it exists, and is neither locked nor deleted. */
export async function getUserStanding(db: Db, params: { userId: string }) {
	const [row] = await db
		.select({ lockedAt: users.lockedAt, deletedAt: users.deletedAt })
		.from(users)
		.where(eq(users.id, params.userId));
	return row;
}

const reportColumns = {
	id: funderReports.id,
	programmeId: funderReports.programmeId,
	periodKey: funderReports.periodKey,
	scopeKey: funderReports.scopeKey,
	municipalityId: funderReports.municipalityId,
	municipalityName: municipalities.name,
	municipalitySlug: municipalities.slug,
	status: funderReports.status,
	submittedAt: funderReports.submittedAt,
	reviewedAt: funderReports.reviewedAt,
	updatedAt: funderReports.updatedAt
};

/** The history: every report of these programmes, of one municipality when given (else all of them). */
export async function listReports(
	db: Db,
	params: { programmeIds: number[]; municipalityId?: string | null }
) {
	if (params.programmeIds.length === 0) return [];
	return db
		.select(reportColumns)
		.from(funderReports)
		.leftJoin(municipalities, eq(municipalities.id, funderReports.municipalityId))
		.where(
			and(
				inArray(funderReports.programmeId, params.programmeIds),
				params.municipalityId === undefined
					? undefined
					: params.municipalityId === null
						? isNull(funderReports.municipalityId)
						: eq(funderReports.municipalityId, params.municipalityId)
			)
		)
		.orderBy(asc(funderReports.programmeId), desc(funderReports.periodKey), asc(municipalities.name));
}

export async function getReport(db: Db, params: { id: number; forUpdate?: boolean }) {
	const query = db.select().from(funderReports).where(eq(funderReports.id, params.id)).limit(1);
	const [row] = await (params.forUpdate ? query.for('update') : query);
	return row;
}

export async function findReport(
	db: Db,
	params: { programmeId: number; periodKey: string; scopeKey: string }
) {
	const [row] = await db
		.select({ id: funderReports.id })
		.from(funderReports)
		.where(
			and(
				eq(funderReports.programmeId, params.programmeId),
				eq(funderReports.periodKey, params.periodKey),
				eq(funderReports.scopeKey, params.scopeKey)
			)
		)
		.limit(1);
	return row;
}

/** A new draft, or the one that exists (two people opening at once get the same). */
export async function insertReport(db: Db, values: typeof funderReports.$inferInsert) {
	const [row] = await db
		.insert(funderReports)
		.values(values)
		.onConflictDoNothing()
		.returning({ id: funderReports.id });
	return row;
}

export async function updateReport(
	db: Db,
	params: { id: number },
	values: Partial<typeof funderReports.$inferInsert>
) {
	await db
		.update(funderReports)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(funderReports.id, params.id));
}

export async function getMunicipalityLook(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({
			id: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			regionId: municipalities.regionId,
			primaryColor: municipalities.primaryColor,
			accentColor: municipalities.accentColor
		})
		.from(municipalities)
		.where(eq(municipalities.id, params.municipalityId))
		.limit(1);
	return row;
}

export async function listRegions(db: Db, params: { ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select({ id: regions.id, slug: regions.slug, name: regions.name })
		.from(regions)
		.where(inArray(regions.id, params.ids))
		.orderBy(asc(regions.name));
}

export async function getRegion(db: Db, params: { id: string }) {
	const [row] = await db
		.select({ id: regions.id, slug: regions.slug, name: regions.name })
		.from(regions)
		.where(eq(regions.id, params.id))
		.limit(1);
	return row;
}

/** What a person's data holds of the funder reports: the reports they opened, submitted or judged. */
export async function listReportsOfPerson(db: Db, params: { userId: string }) {
	return db
		.select({
			id: funderReports.id,
			programme: funderProgrammes.name,
			periodKey: funderReports.periodKey,
			openedBy: funderReports.openedBy,
			submittedBy: funderReports.submittedBy,
			reviewedBy: funderReports.reviewedBy,
			submittedAt: funderReports.submittedAt,
			reviewedAt: funderReports.reviewedAt
		})
		.from(funderReports)
		.innerJoin(funderProgrammes, eq(funderProgrammes.id, funderReports.programmeId))
		.where(
			sql`${funderReports.openedBy} = ${params.userId} OR ${funderReports.submittedBy} = ${params.userId} OR ${funderReports.reviewedBy} = ${params.userId}`
		);
}
