// Drizzle queries of the climate plan's internal work: departments' staff, climate teams, meetings, agreements,
// tasks, the diagnosis and the count of departments taking part. Every query names the municipality in its where
// and takes the database handle first, so it works inside a transaction.
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import {
	climatePlanActionDepartments,
	climatePlanActions,
	climatePlanAgreements,
	climatePlanDepartmentStaff,
	climatePlanDepartments,
	climatePlanDiagnosisAnswers,
	climatePlanDiagnosisRounds,
	climatePlanMeetingParticipants,
	climatePlanMeetings,
	climatePlanTasks,
	climatePlanTeamMembers,
	climatePlanTeams,
	climatePlanThemes,
	memberships,
	users
} from '$lib/server/db/schema';
import type {
	AgreementOutcome,
	DiagnosisScores,
	MeetingKind,
	TaskStatus
} from '$lib/domain/climate-plan-teams';
import { containsPattern } from '$lib/server/platform/text';
import { hasAbilitySql } from '$lib/server/platform/policy';
import { staffName } from '$lib/server/platform/backoffice';

/** The staff name (staffName) of the person with this id, or null. */
const personName = (id: ReturnType<typeof sql>) =>
	sql<string | null>`(SELECT ${staffName} FROM ${users} WHERE ${users.id} = ${id})`;

// ---------------------------------------------------------------------------------------------
// Departments and their staff
// ---------------------------------------------------------------------------------------------

export interface StaffRow {
	id: string;
	name: string;
	email: string | null;
	/** The department as a colleague's role names it (text), if any. */
	roleDepartment: string | null;
	departmentId: number | null;
	departmentName: string | null;
}

/**
 * The municipality's staff who read the plan, each with the plan's department they belong to; searched by name,
 * address or department, and filtered on a department (`none` for those without).
 */
export async function listStaffWithDepartments(
	db: Db,
	params: { municipalityId: string; q?: string; departmentId?: number | 'none' }
): Promise<StaffRow[]> {
	const m = params.municipalityId;
	const link = climatePlanDepartmentStaff;
	const conditions = [
		eq(memberships.municipalityId, m),
		hasAbilitySql(sql`${memberships.userId}`, 'climatePlan.view', m),
		isNull(users.deletedAt)
	];
	if (params.q) {
		const pattern = containsPattern(params.q);
		conditions.push(
			or(
				sql`${staffName} ILIKE ${pattern}`,
				sql`coalesce(${users.email}, '') ILIKE ${pattern}`,
				sql`coalesce(${climatePlanDepartments.name}, '') ILIKE ${pattern}`
			)!
		);
	}
	if (params.departmentId === 'none') conditions.push(isNull(link.departmentId));
	else if (params.departmentId !== undefined) conditions.push(eq(link.departmentId, params.departmentId));
	const rows = await db
		.select({
			id: users.id,
			name: staffName,
			email: users.email,
			roleDepartment: sql<string | null>`max(${memberships.department})`,
			departmentId: link.departmentId,
			departmentName: climatePlanDepartments.name
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.leftJoin(link, and(eq(link.userId, users.id), eq(link.municipalityId, m)))
		.leftJoin(
			climatePlanDepartments,
			and(eq(climatePlanDepartments.id, link.departmentId), eq(climatePlanDepartments.municipalityId, m))
		)
		.where(and(...conditions))
		.groupBy(users.id, link.departmentId, climatePlanDepartments.name)
		.orderBy(staffName);
	return rows.map((r) => ({ ...r, roleDepartment: r.roleDepartment || null }));
}

/** Puts the people in a department (replacing the one they had here), or takes them out of any (`null`). */
export async function setDepartmentOfStaff(
	db: Db,
	params: { municipalityId: string; userIds: string[]; departmentId: number | null }
): Promise<void> {
	if (params.userIds.length === 0) return;
	await db
		.delete(climatePlanDepartmentStaff)
		.where(
			and(
				eq(climatePlanDepartmentStaff.municipalityId, params.municipalityId),
				inArray(climatePlanDepartmentStaff.userId, params.userIds)
			)
		);
	if (params.departmentId !== null)
		await db.insert(climatePlanDepartmentStaff).values(
			params.userIds.map((userId) => ({
				municipalityId: params.municipalityId,
				userId,
				departmentId: params.departmentId!
			}))
		);
}

/** The departments a person belongs to here (at most one), for the diagnosis' rule. */
export async function getDepartmentOfPerson(
	db: Db,
	params: { municipalityId: string; userId: string }
): Promise<number | null> {
	const [row] = await db
		.select({ departmentId: climatePlanDepartmentStaff.departmentId })
		.from(climatePlanDepartmentStaff)
		.where(
			and(
				eq(climatePlanDepartmentStaff.municipalityId, params.municipalityId),
				eq(climatePlanDepartmentStaff.userId, params.userId)
			)
		);
	return row?.departmentId ?? null;
}

// ---------------------------------------------------------------------------------------------
// Climate teams
// ---------------------------------------------------------------------------------------------

export async function listTeams(db: Db, params: { municipalityId: string }) {
	const t = climatePlanTeams;
	return db
		.select({
			id: t.id,
			name: t.name,
			themeId: t.themeId,
			themeName: sql<
				string | null
			>`(SELECT th.name FROM ${climatePlanThemes} th WHERE th.id = ${t.themeId} AND th.municipality_id = ${t.municipalityId})`,
			leadId: t.leadId,
			leadName: personName(sql`${t.leadId}`),
			members: sql<number>`(SELECT count(*)::int FROM ${climatePlanTeamMembers} tm WHERE tm.team_id = ${t.id} AND tm.municipality_id = ${t.municipalityId})`
		})
		.from(t)
		.where(eq(t.municipalityId, params.municipalityId))
		.orderBy(asc(t.name));
}

export type TeamRow = Awaited<ReturnType<typeof listTeams>>[number];

export async function getTeam(
	db: Db,
	params: { municipalityId: string; id: number }
): Promise<TeamRow | undefined> {
	const rows = await listTeams(db, params);
	return rows.find((r) => r.id === params.id);
}

/** Renames a department of the municipality (the unique index on its lowercased name may refuse it). */
export async function renameDepartment(
	db: Db,
	params: { municipalityId: string; id: number; name: string }
): Promise<number> {
	const rows = await db
		.update(climatePlanDepartments)
		.set({ name: params.name })
		.where(
			and(
				eq(climatePlanDepartments.municipalityId, params.municipalityId),
				eq(climatePlanDepartments.id, params.id)
			)
		)
		.returning({ id: climatePlanDepartments.id });
	return rows.length;
}

export async function insertTeam(
	db: Db,
	params: { municipalityId: string; name: string; themeId: number | null; leadId: string | null }
): Promise<{ id: number } | null> {
	const [row] = await db
		.insert(climatePlanTeams)
		.values(params)
		.onConflictDoNothing()
		.returning({ id: climatePlanTeams.id });
	return row ?? null;
}

export async function updateTeam(
	db: Db,
	params: { municipalityId: string; id: number; name: string; themeId: number | null; leadId: string | null }
): Promise<void> {
	await db
		.update(climatePlanTeams)
		.set({ name: params.name, themeId: params.themeId, leadId: params.leadId })
		.where(
			and(eq(climatePlanTeams.municipalityId, params.municipalityId), eq(climatePlanTeams.id, params.id))
		);
}

export async function deleteTeam(db: Db, params: { municipalityId: string; id: number }): Promise<number> {
	const rows = await db
		.delete(climatePlanTeams)
		.where(
			and(eq(climatePlanTeams.municipalityId, params.municipalityId), eq(climatePlanTeams.id, params.id))
		)
		.returning({ id: climatePlanTeams.id });
	return rows.length;
}

export async function listTeamMembers(db: Db, params: { municipalityId: string; teamId: number }) {
	const tm = climatePlanTeamMembers;
	return db
		.select({
			id: users.id,
			name: staffName,
			departmentName: sql<
				string | null
			>`(SELECT d.name FROM ${climatePlanDepartmentStaff} ds JOIN ${climatePlanDepartments} d ON d.id = ds.department_id WHERE ds.user_id = ${tm.userId} AND ds.municipality_id = ${tm.municipalityId})`
		})
		.from(tm)
		.innerJoin(users, eq(users.id, tm.userId))
		.where(and(eq(tm.municipalityId, params.municipalityId), eq(tm.teamId, params.teamId)))
		.orderBy(staffName);
}

export async function addTeamMembers(
	db: Db,
	params: { municipalityId: string; teamId: number; userIds: string[] }
): Promise<number> {
	if (params.userIds.length === 0) return 0;
	const rows = await db
		.insert(climatePlanTeamMembers)
		.values(
			params.userIds.map((userId) => ({
				municipalityId: params.municipalityId,
				teamId: params.teamId,
				userId
			}))
		)
		.onConflictDoNothing()
		.returning({ userId: climatePlanTeamMembers.userId });
	return rows.length;
}

export async function removeTeamMember(
	db: Db,
	params: { municipalityId: string; teamId: number; userId: string }
): Promise<number> {
	const rows = await db
		.delete(climatePlanTeamMembers)
		.where(
			and(
				eq(climatePlanTeamMembers.municipalityId, params.municipalityId),
				eq(climatePlanTeamMembers.teamId, params.teamId),
				eq(climatePlanTeamMembers.userId, params.userId)
			)
		)
		.returning({ userId: climatePlanTeamMembers.userId });
	return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Meetings, participants, agreements, tasks
// ---------------------------------------------------------------------------------------------

const meetingColumns = {
	id: climatePlanMeetings.id,
	kind: climatePlanMeetings.kind,
	heldOn: climatePlanMeetings.heldOn,
	departmentId: climatePlanMeetings.departmentId,
	departmentName: sql<
		string | null
	>`(SELECT d.name FROM ${climatePlanDepartments} d WHERE d.id = ${climatePlanMeetings.departmentId} AND d.municipality_id = ${climatePlanMeetings.municipalityId})`,
	teamId: climatePlanMeetings.teamId,
	teamName: sql<
		string | null
	>`(SELECT t.name FROM ${climatePlanTeams} t WHERE t.id = ${climatePlanMeetings.teamId} AND t.municipality_id = ${climatePlanMeetings.municipalityId})`,
	teamThemeId: sql<
		number | null
	>`(SELECT t.theme_id FROM ${climatePlanTeams} t WHERE t.id = ${climatePlanMeetings.teamId} AND t.municipality_id = ${climatePlanMeetings.municipalityId})`,
	notes: climatePlanMeetings.notes,
	participants: sql<number>`(SELECT count(*)::int FROM ${climatePlanMeetingParticipants} p WHERE p.meeting_id = ${climatePlanMeetings.id} AND p.municipality_id = ${climatePlanMeetings.municipalityId})`,
	agreements: sql<number>`(SELECT count(*)::int FROM ${climatePlanAgreements} a WHERE a.meeting_id = ${climatePlanMeetings.id} AND a.municipality_id = ${climatePlanMeetings.municipalityId})`
};

export async function listMeetings(db: Db, params: { municipalityId: string; kind?: MeetingKind }) {
	return db
		.select(meetingColumns)
		.from(climatePlanMeetings)
		.where(
			and(
				eq(climatePlanMeetings.municipalityId, params.municipalityId),
				params.kind ? eq(climatePlanMeetings.kind, params.kind) : undefined
			)
		)
		.orderBy(desc(climatePlanMeetings.heldOn), desc(climatePlanMeetings.id));
}

export type MeetingRow = Awaited<ReturnType<typeof listMeetings>>[number];

export async function getMeeting(
	db: Db,
	params: { municipalityId: string; id: number }
): Promise<MeetingRow | undefined> {
	const [row] = await db
		.select(meetingColumns)
		.from(climatePlanMeetings)
		.where(
			and(
				eq(climatePlanMeetings.municipalityId, params.municipalityId),
				eq(climatePlanMeetings.id, params.id)
			)
		);
	return row;
}

export async function insertMeeting(
	db: Db,
	params: {
		municipalityId: string;
		kind: MeetingKind;
		heldOn: string;
		departmentId: number | null;
		teamId: number | null;
		notes: string;
		createdBy: string | null;
	}
): Promise<{ id: number }> {
	const [row] = await db.insert(climatePlanMeetings).values(params).returning({ id: climatePlanMeetings.id });
	if (!row) throw new Error('meeting not inserted');
	return row;
}

export async function updateMeetingNotes(
	db: Db,
	params: { municipalityId: string; id: number; heldOn: string; notes: string }
): Promise<void> {
	await db
		.update(climatePlanMeetings)
		.set({ heldOn: params.heldOn, notes: params.notes })
		.where(
			and(
				eq(climatePlanMeetings.municipalityId, params.municipalityId),
				eq(climatePlanMeetings.id, params.id)
			)
		);
}

export async function deleteMeeting(db: Db, params: { municipalityId: string; id: number }): Promise<number> {
	const rows = await db
		.delete(climatePlanMeetings)
		.where(
			and(
				eq(climatePlanMeetings.municipalityId, params.municipalityId),
				eq(climatePlanMeetings.id, params.id)
			)
		)
		.returning({ id: climatePlanMeetings.id });
	return rows.length;
}

export async function insertParticipants(
	db: Db,
	params: {
		municipalityId: string;
		meetingId: number;
		people: { userId: string; departmentId: number | null }[];
	}
): Promise<void> {
	if (params.people.length === 0) return;
	await db
		.insert(climatePlanMeetingParticipants)
		.values(
			params.people.map((p) => ({
				municipalityId: params.municipalityId,
				meetingId: params.meetingId,
				userId: p.userId,
				departmentId: p.departmentId
			}))
		)
		.onConflictDoNothing();
}

/** Takes a person out of a meeting's participants; returns how many rows went (0: not a participant). */
export async function removeParticipant(
	db: Db,
	params: { municipalityId: string; meetingId: number; userId: string }
): Promise<number> {
	const p = climatePlanMeetingParticipants;
	const rows = await db
		.delete(p)
		.where(
			and(
				eq(p.municipalityId, params.municipalityId),
				eq(p.meetingId, params.meetingId),
				eq(p.userId, params.userId)
			)
		)
		.returning({ userId: p.userId });
	return rows.length;
}

export async function listParticipants(db: Db, params: { municipalityId: string; meetingId: number }) {
	const p = climatePlanMeetingParticipants;
	return db
		.select({
			id: users.id,
			name: staffName,
			departmentId: p.departmentId,
			departmentName: sql<
				string | null
			>`(SELECT d.name FROM ${climatePlanDepartments} d WHERE d.id = ${p.departmentId} AND d.municipality_id = ${p.municipalityId})`
		})
		.from(p)
		.innerJoin(users, eq(users.id, p.userId))
		.where(and(eq(p.municipalityId, params.municipalityId), eq(p.meetingId, params.meetingId)))
		.orderBy(staffName);
}

export async function insertAgreement(
	db: Db,
	params: { municipalityId: string; meetingId: number; text: string }
): Promise<{ id: number }> {
	const [row] = await db
		.insert(climatePlanAgreements)
		.values(params)
		.returning({ id: climatePlanAgreements.id });
	if (!row) throw new Error('agreement not inserted');
	return row;
}

export async function countAgreements(db: Db, params: { municipalityId: string; meetingId: number }) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(climatePlanAgreements)
		.where(
			and(
				eq(climatePlanAgreements.municipalityId, params.municipalityId),
				eq(climatePlanAgreements.meetingId, params.meetingId)
			)
		);
	return row?.n ?? 0;
}

const agreementColumns = {
	id: climatePlanAgreements.id,
	meetingId: climatePlanAgreements.meetingId,
	text: climatePlanAgreements.text,
	outcome: climatePlanAgreements.outcome,
	planActionId: climatePlanAgreements.planActionId,
	planActionTitle: sql<
		string | null
	>`(SELECT pa.title FROM ${climatePlanActions} pa WHERE pa.id = ${climatePlanAgreements.planActionId} AND pa.municipality_id = ${climatePlanAgreements.municipalityId})`,
	taskId: climatePlanTasks.id,
	taskTitle: climatePlanTasks.title,
	taskOwnerId: climatePlanTasks.ownerId,
	taskOwnerName: personName(sql`${climatePlanTasks.ownerId}`),
	taskDueOn: climatePlanTasks.dueOn,
	taskStatus: climatePlanTasks.status
};

export async function listAgreements(db: Db, params: { municipalityId: string; meetingId: number }) {
	return db
		.select(agreementColumns)
		.from(climatePlanAgreements)
		.leftJoin(
			climatePlanTasks,
			and(
				eq(climatePlanTasks.agreementId, climatePlanAgreements.id),
				eq(climatePlanTasks.municipalityId, params.municipalityId)
			)
		)
		.where(
			and(
				eq(climatePlanAgreements.municipalityId, params.municipalityId),
				eq(climatePlanAgreements.meetingId, params.meetingId)
			)
		)
		.orderBy(asc(climatePlanAgreements.id));
}

export type AgreementRow = Awaited<ReturnType<typeof listAgreements>>[number];

/** An agreement of this municipality under this meeting; `forUpdate` locks it for its conversion. */
export async function getAgreement(
	db: Db,
	params: { municipalityId: string; meetingId: number; id: number; forUpdate?: boolean }
) {
	const query = db
		.select({
			id: climatePlanAgreements.id,
			meetingId: climatePlanAgreements.meetingId,
			text: climatePlanAgreements.text,
			outcome: climatePlanAgreements.outcome,
			planActionId: climatePlanAgreements.planActionId
		})
		.from(climatePlanAgreements)
		.where(
			and(
				eq(climatePlanAgreements.municipalityId, params.municipalityId),
				eq(climatePlanAgreements.meetingId, params.meetingId),
				eq(climatePlanAgreements.id, params.id)
			)
		);
	const [row] = params.forUpdate ? await query.for('update') : await query;
	return row;
}

/**
 * Marks an open agreement as become a plan action or a task. Only an agreement still open is changed, so of two
 * conversions at once one changes it and the other finds nothing (the row lock makes the second wait and re-read).
 */
export async function claimAgreement(
	db: Db,
	params: {
		municipalityId: string;
		id: number;
		outcome: Exclude<AgreementOutcome, 'open'>;
		planActionId?: number;
	}
): Promise<boolean> {
	const rows = await db
		.update(climatePlanAgreements)
		.set({ outcome: params.outcome, planActionId: params.planActionId ?? null })
		.where(
			and(
				eq(climatePlanAgreements.municipalityId, params.municipalityId),
				eq(climatePlanAgreements.id, params.id),
				eq(climatePlanAgreements.outcome, 'open')
			)
		)
		.returning({ id: climatePlanAgreements.id });
	return rows.length === 1;
}

export async function deleteAgreement(
	db: Db,
	params: { municipalityId: string; meetingId: number; id: number }
): Promise<number> {
	const rows = await db
		.delete(climatePlanAgreements)
		.where(
			and(
				eq(climatePlanAgreements.municipalityId, params.municipalityId),
				eq(climatePlanAgreements.meetingId, params.meetingId),
				eq(climatePlanAgreements.id, params.id)
			)
		)
		.returning({ id: climatePlanAgreements.id });
	return rows.length;
}

/** The meeting and agreement a plan action came from, for its page. */
export async function getAgreementOfPlanAction(
	db: Db,
	params: { municipalityId: string; planActionId: number }
) {
	const [row] = await db
		.select({
			agreementId: climatePlanAgreements.id,
			text: climatePlanAgreements.text,
			meetingId: climatePlanMeetings.id,
			kind: climatePlanMeetings.kind,
			heldOn: climatePlanMeetings.heldOn
		})
		.from(climatePlanAgreements)
		.innerJoin(
			climatePlanMeetings,
			and(
				eq(climatePlanMeetings.id, climatePlanAgreements.meetingId),
				eq(climatePlanMeetings.municipalityId, params.municipalityId)
			)
		)
		.where(
			and(
				eq(climatePlanAgreements.municipalityId, params.municipalityId),
				eq(climatePlanAgreements.planActionId, params.planActionId)
			)
		);
	return row;
}

export async function insertTask(
	db: Db,
	params: { municipalityId: string; agreementId: number; title: string; ownerId: string; dueOn: string }
): Promise<{ id: number }> {
	const [row] = await db.insert(climatePlanTasks).values(params).returning({ id: climatePlanTasks.id });
	if (!row) throw new Error('task not inserted');
	return row;
}

export async function listTasks(
	db: Db,
	params: { municipalityId: string; ownerId?: string; status?: TaskStatus }
) {
	const t = climatePlanTasks;
	return db
		.select({
			id: t.id,
			title: t.title,
			ownerId: t.ownerId,
			ownerName: personName(sql`${t.ownerId}`),
			dueOn: t.dueOn,
			status: t.status,
			doneAt: t.doneAt,
			meetingId: climatePlanAgreements.meetingId,
			agreementText: climatePlanAgreements.text
		})
		.from(t)
		.innerJoin(
			climatePlanAgreements,
			and(
				eq(climatePlanAgreements.id, t.agreementId),
				eq(climatePlanAgreements.municipalityId, params.municipalityId)
			)
		)
		.where(
			and(
				eq(t.municipalityId, params.municipalityId),
				params.ownerId ? eq(t.ownerId, params.ownerId) : undefined,
				params.status ? eq(t.status, params.status) : undefined
			)
		)
		.orderBy(asc(t.status), asc(t.dueOn), asc(t.id));
}

export async function getTask(db: Db, params: { municipalityId: string; id: number; forUpdate?: boolean }) {
	const query = db
		.select({
			id: climatePlanTasks.id,
			title: climatePlanTasks.title,
			ownerId: climatePlanTasks.ownerId,
			ownerName: personName(sql`${climatePlanTasks.ownerId}`),
			dueOn: climatePlanTasks.dueOn,
			status: climatePlanTasks.status
		})
		.from(climatePlanTasks)
		.where(
			and(eq(climatePlanTasks.municipalityId, params.municipalityId), eq(climatePlanTasks.id, params.id))
		);
	const [row] = params.forUpdate ? await query.for('update') : await query;
	return row;
}

export type TaskRow = NonNullable<Awaited<ReturnType<typeof getTask>>>;

/**
 * Gives a task to another owner. The overdue notice is cleared: past its due date unfinished, the new owner is
 * told once by the hourly run (climate-plan.tasks.ts), whatever the former owner was told.
 */
export async function setTaskOwner(
	db: Db,
	params: { municipalityId: string; id: number; ownerId: string }
): Promise<number> {
	const rows = await db
		.update(climatePlanTasks)
		.set({ ownerId: params.ownerId, overdueNoticedAt: null })
		.where(
			and(eq(climatePlanTasks.municipalityId, params.municipalityId), eq(climatePlanTasks.id, params.id))
		)
		.returning({ id: climatePlanTasks.id });
	return rows.length;
}

export async function setTaskStatus(
	db: Db,
	params: { municipalityId: string; id: number; status: TaskStatus }
): Promise<number> {
	const rows = await db
		.update(climatePlanTasks)
		.set({ status: params.status, doneAt: params.status === 'done' ? new Date() : null })
		.where(
			and(eq(climatePlanTasks.municipalityId, params.municipalityId), eq(climatePlanTasks.id, params.id))
		)
		.returning({ id: climatePlanTasks.id });
	return rows.length;
}

// ---------------------------------------------------------------------------------------------
// The diagnosis
// ---------------------------------------------------------------------------------------------

export async function listRounds(db: Db, params: { municipalityId: string }) {
	return db
		.select({
			id: climatePlanDiagnosisRounds.id,
			name: climatePlanDiagnosisRounds.name,
			closedAt: climatePlanDiagnosisRounds.closedAt,
			createdAt: climatePlanDiagnosisRounds.createdAt
		})
		.from(climatePlanDiagnosisRounds)
		.where(eq(climatePlanDiagnosisRounds.municipalityId, params.municipalityId))
		.orderBy(asc(climatePlanDiagnosisRounds.createdAt), asc(climatePlanDiagnosisRounds.id));
}

export type RoundRow = Awaited<ReturnType<typeof listRounds>>[number];

export async function insertRound(
	db: Db,
	params: { municipalityId: string; name: string }
): Promise<{ id: number } | null> {
	const [row] = await db
		.insert(climatePlanDiagnosisRounds)
		.values(params)
		.onConflictDoNothing()
		.returning({ id: climatePlanDiagnosisRounds.id });
	return row ?? null;
}

export async function closeRound(db: Db, params: { municipalityId: string; id: number }): Promise<number> {
	const rows = await db
		.update(climatePlanDiagnosisRounds)
		.set({ closedAt: new Date() })
		.where(
			and(
				eq(climatePlanDiagnosisRounds.municipalityId, params.municipalityId),
				eq(climatePlanDiagnosisRounds.id, params.id),
				isNull(climatePlanDiagnosisRounds.closedAt)
			)
		)
		.returning({ id: climatePlanDiagnosisRounds.id });
	return rows.length;
}

export async function listAnswers(db: Db, params: { municipalityId: string; roundIds?: number[] }) {
	const a = climatePlanDiagnosisAnswers;
	if (params.roundIds && params.roundIds.length === 0) return [];
	return db
		.select({
			roundId: a.roundId,
			departmentId: a.departmentId,
			scores: a.scores,
			comment: a.comment,
			answeredAt: a.answeredAt
		})
		.from(a)
		.where(
			and(
				eq(a.municipalityId, params.municipalityId),
				params.roundIds ? inArray(a.roundId, params.roundIds) : undefined
			)
		);
}

export async function upsertAnswer(
	db: Db,
	params: {
		municipalityId: string;
		roundId: number;
		departmentId: number;
		scores: DiagnosisScores;
		comment: string;
		answeredBy: string;
	}
): Promise<void> {
	await db
		.insert(climatePlanDiagnosisAnswers)
		.values({ ...params, answeredAt: new Date() })
		.onConflictDoUpdate({
			target: [climatePlanDiagnosisAnswers.roundId, climatePlanDiagnosisAnswers.departmentId],
			set: {
				scores: params.scores,
				comment: params.comment,
				answeredBy: params.answeredBy,
				answeredAt: new Date()
			}
		});
}

// ---------------------------------------------------------------------------------------------
// Departments taking part
// ---------------------------------------------------------------------------------------------

/**
 * The departments of the municipality that take part in the plan, with the reasons: leading or involved in a plan
 * action that is not stopped, a member of its staff in a climate team, or present at a meeting (a lunch talk's
 * department, a participant representing it or belonging to it). One statement.
 */
/**
 * Whether the department `d` takes part in its municipality's plan (climate-plan.participation.ts says when), as
 * an SQL condition on a row `d` of climate_plan_departments, correlated on its municipality.
 */
const takingPartSql = sql`(
	EXISTS (SELECT 1 FROM ${climatePlanActions} a WHERE a.municipality_id = d.municipality_id AND a.lead_department_id = d.id AND a.status <> 'stopped')
	OR EXISTS (SELECT 1 FROM ${climatePlanActionDepartments} ad JOIN ${climatePlanActions} a ON a.id = ad.plan_action_id
		WHERE ad.municipality_id = d.municipality_id AND ad.department_id = d.id AND a.status <> 'stopped')
	OR EXISTS (SELECT 1 FROM ${climatePlanTeamMembers} tm JOIN ${climatePlanDepartmentStaff} ds
		ON ds.user_id = tm.user_id AND ds.municipality_id = d.municipality_id
		WHERE tm.municipality_id = d.municipality_id AND ds.department_id = d.id)
	OR EXISTS (SELECT 1 FROM ${climatePlanMeetings} mt WHERE mt.municipality_id = d.municipality_id AND mt.department_id = d.id)
	OR EXISTS (SELECT 1 FROM ${climatePlanMeetingParticipants} p WHERE p.municipality_id = d.municipality_id
		AND (p.department_id = d.id OR EXISTS (SELECT 1 FROM ${climatePlanDepartmentStaff} ds
			WHERE ds.municipality_id = d.municipality_id AND ds.user_id = p.user_id AND ds.department_id = d.id)))
)`;

export async function listDepartmentsTakingPart(
	db: Db,
	params: { municipalityId: string }
): Promise<{ total: number; taking: { id: number; name: string }[] }> {
	const rows = await executeRows<{ id: number; name: string; taking: boolean }>(
		db,
		sql`SELECT d.id, d.name, ${takingPartSql} AS taking
		FROM ${climatePlanDepartments} d WHERE d.municipality_id = ${params.municipalityId} ORDER BY d.name`
	);
	return {
		total: rows.length,
		taking: rows.filter((r) => r.taking).map(({ id, name }) => ({ id: Number(id), name }))
	};
}

/** Per municipality of the list that has departments: how many take part in its plan, out of how many. */
export async function countDepartmentsTakingPart(
	db: Db,
	params: { municipalityIds: readonly string[] }
): Promise<{ municipalityId: string; taking: number; total: number }[]> {
	if (params.municipalityIds.length === 0) return [];
	const rows = await executeRows<{ municipality_id: string; taking: number; total: number }>(
		db,
		sql`SELECT d.municipality_id, count(*) FILTER (WHERE ${takingPartSql})::int AS taking, count(*)::int AS total
		FROM ${climatePlanDepartments} d
		WHERE d.municipality_id IN (${sql.join(
			params.municipalityIds.map((id) => sql`${id}`),
			sql`, `
		)})
		GROUP BY d.municipality_id`
	);
	return rows.map((r) => ({
		municipalityId: r.municipality_id,
		taking: Number(r.taking),
		total: Number(r.total)
	}));
}

// ---------------------------------------------------------------------------------------------
// A person's data
// ---------------------------------------------------------------------------------------------

export async function listTeamWorkOfPerson(db: Db, params: { userId: string }) {
	const department = await db
		.select({
			municipalityId: climatePlanDepartmentStaff.municipalityId,
			department: climatePlanDepartments.name
		})
		.from(climatePlanDepartmentStaff)
		.innerJoin(climatePlanDepartments, eq(climatePlanDepartments.id, climatePlanDepartmentStaff.departmentId))
		.where(eq(climatePlanDepartmentStaff.userId, params.userId));
	const teams = await db
		.select({ team: climatePlanTeams.name })
		.from(climatePlanTeamMembers)
		.innerJoin(climatePlanTeams, eq(climatePlanTeams.id, climatePlanTeamMembers.teamId))
		.where(eq(climatePlanTeamMembers.userId, params.userId));
	const meetings = await db
		.select({ kind: climatePlanMeetings.kind, heldOn: climatePlanMeetings.heldOn })
		.from(climatePlanMeetingParticipants)
		.innerJoin(climatePlanMeetings, eq(climatePlanMeetings.id, climatePlanMeetingParticipants.meetingId))
		.where(eq(climatePlanMeetingParticipants.userId, params.userId));
	const tasks = await db
		.select({ title: climatePlanTasks.title, dueOn: climatePlanTasks.dueOn, status: climatePlanTasks.status })
		.from(climatePlanTasks)
		.where(eq(climatePlanTasks.ownerId, params.userId));
	return { department, teams, meetings, tasks };
}

/**
 * What deleting an account does here: the person leaves their department, teams and meetings' lists of
 * participants; teams they led, tasks they owned, meetings they recorded and answers they gave stay without them.
 */
export async function erasePersonFromTeams(db: Db, params: { userId: string }): Promise<void> {
	const id = params.userId;
	await db.delete(climatePlanDepartmentStaff).where(eq(climatePlanDepartmentStaff.userId, id));
	await db.delete(climatePlanTeamMembers).where(eq(climatePlanTeamMembers.userId, id));
	await db.delete(climatePlanMeetingParticipants).where(eq(climatePlanMeetingParticipants.userId, id));
	await db.update(climatePlanTeams).set({ leadId: null }).where(eq(climatePlanTeams.leadId, id));
	await db.update(climatePlanTasks).set({ ownerId: null }).where(eq(climatePlanTasks.ownerId, id));
	await db.update(climatePlanMeetings).set({ createdBy: null }).where(eq(climatePlanMeetings.createdBy, id));
	await db
		.update(climatePlanDiagnosisAnswers)
		.set({ answeredBy: null })
		.where(eq(climatePlanDiagnosisAnswers.answeredBy, id));
}
