// Queries of the municipal back office: staff, invitations and the audit log. Every one is filtered on the municipality.
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { auditLog, memberships, municipalities, staffInvitations, users } from '$lib/server/db/schema';
import type { StaffSort } from './staff.schemas';
import type { MunicipalityRole } from '$lib/server/platform/policy';
import { containsPattern } from '$lib/server/platform/text';
import { staffName } from '$lib/server/platform/backoffice';

/** Serialises staff changes of one municipality, so two admins can't remove each other at the same moment. */
export async function lockMunicipality(db: Db, params: { municipalityId: string }) {
	await db
		.select({ id: municipalities.id })
		.from(municipalities)
		.where(eq(municipalities.id, params.municipalityId))
		.for('update');
}

export async function listStaff(
	db: Db,
	params: {
		municipalityId: string;
		q?: string;
		role?: MunicipalityRole;
		sort: StaffSort;
		dir: 'asc' | 'desc';
		limit: number;
	}
) {
	const q = params.q?.trim();
	const match = q
		? or(
				sql`unaccent(${staffName}) ilike unaccent(${containsPattern(q)}::text)`,
				ilike(users.email, containsPattern(q))
			)
		: undefined;
	const since = sql<Date>`min(${memberships.createdAt})`.mapWith(memberships.createdAt);
	const order = { name: sql`lower(${staffName})`, email: sql`lower(${users.email})`, since }[params.sort];
	return db
		.select({
			userId: users.id,
			name: staffName,
			email: users.email,
			since,
			roles: sql<
				{ id: string; role: MunicipalityRole; department: string | null }[]
			>`json_agg(json_build_object('id', ${memberships.id}, 'role', ${memberships.role}, 'department', ${memberships.department}))`
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.municipalityId, params.municipalityId), match))
		.groupBy(users.id)
		.having(params.role ? sql`bool_or(${memberships.role} = ${params.role})` : undefined)
		.orderBy(
			params.dir === 'desc' ? sql`${order} desc nulls last` : sql`${order} asc nulls last`,
			asc(users.id)
		)
		.limit(params.limit);
}

export async function listPendingInvitations(
	db: Db,
	params: { municipalityId: string; q?: string; role?: MunicipalityRole }
) {
	const q = params.q?.trim();
	return db
		.select({
			id: staffInvitations.id,
			email: staffInvitations.email,
			role: staffInvitations.role,
			department: staffInvitations.department,
			createdAt: staffInvitations.createdAt,
			invitedBy: users.displayName
		})
		.from(staffInvitations)
		.leftJoin(users, eq(users.id, staffInvitations.invitedBy))
		.where(
			and(
				eq(staffInvitations.municipalityId, params.municipalityId),
				isNull(staffInvitations.acceptedAt),
				isNull(staffInvitations.revokedAt),
				q ? ilike(staffInvitations.email, containsPattern(q)) : undefined,
				params.role ? eq(staffInvitations.role, params.role) : undefined
			)
		)
		.orderBy(desc(staffInvitations.createdAt))
		.limit(500);
}

/** The roles one person has in the municipality, with their name; empty when they have none there. */
export async function listMembershipsOfUser(db: Db, params: { municipalityId: string; userId: string }) {
	return db
		.select({
			id: memberships.id,
			role: memberships.role,
			department: memberships.department,
			createdAt: memberships.createdAt,
			userId: users.id,
			name: staffName,
			email: users.email
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.municipalityId, params.municipalityId), eq(memberships.userId, params.userId)));
}

export async function getMembershipsByIds(db: Db, params: { municipalityId: string; ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select({
			id: memberships.id,
			role: memberships.role,
			userId: users.id,
			name: staffName,
			email: users.email
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.municipalityId, params.municipalityId), inArray(memberships.id, params.ids)))
		.orderBy(asc(sql`lower(${staffName})`), asc(memberships.role));
}

export async function getPendingInvitationsByIds(db: Db, params: { municipalityId: string; ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select({ id: staffInvitations.id, email: staffInvitations.email, role: staffInvitations.role })
		.from(staffInvitations)
		.where(
			and(
				eq(staffInvitations.municipalityId, params.municipalityId),
				inArray(staffInvitations.id, params.ids),
				isNull(staffInvitations.acceptedAt),
				isNull(staffInvitations.revokedAt)
			)
		)
		.orderBy(asc(staffInvitations.email));
}

export async function getPendingInvitation(
	db: Db,
	params: { municipalityId: string; email: string; role: MunicipalityRole }
) {
	const [row] = await db
		.select({ id: staffInvitations.id })
		.from(staffInvitations)
		.where(
			and(
				eq(staffInvitations.municipalityId, params.municipalityId),
				sql`lower(${staffInvitations.email}) = lower(${params.email})`,
				eq(staffInvitations.role, params.role),
				isNull(staffInvitations.acceptedAt),
				isNull(staffInvitations.revokedAt)
			)
		)
		.limit(1);
	return row;
}

/**
 * The invitations still open for an address, in every municipality (like the name below, keyed on a person
 * rather than a tenant): a verified address accepts all of them at once.
 */
export async function listOpenInvitationsForEmail(db: Db, params: { email: string }) {
	return db
		.select({
			id: staffInvitations.id,
			municipalityId: staffInvitations.municipalityId,
			role: staffInvitations.role,
			department: staffInvitations.department,
			invitedBy: staffInvitations.invitedBy,
			regionId: municipalities.regionId
		})
		.from(staffInvitations)
		.innerJoin(municipalities, eq(municipalities.id, staffInvitations.municipalityId))
		.where(
			and(
				sql`lower(${staffInvitations.email}) = lower(${params.email})`,
				isNull(staffInvitations.acceptedAt),
				isNull(staffInvitations.revokedAt)
			)
		);
}

export async function markInvitationAccepted(db: Db, params: { municipalityId: string; id: string }) {
	await db
		.update(staffInvitations)
		.set({ acceptedAt: sql`now()` })
		.where(
			and(eq(staffInvitations.municipalityId, params.municipalityId), eq(staffInvitations.id, params.id))
		);
}

/** The person's name for staff pages and the audit log (users are not tenant rows; the caller scopes them). */
export async function getStaffNameOfUser(db: Db, params: { userId: string }) {
	const [row] = await db.select({ name: staffName }).from(users).where(eq(users.id, params.userId)).limit(1);
	return row?.name;
}

export async function insertMembership(
	db: Db,
	params: {
		municipalityId: string;
		userId: string;
		role: MunicipalityRole;
		/** A colleague's department; null for every other role. */
		department?: string | null;
		createdBy: string | null;
	}
) {
	const [row] = await db
		.insert(memberships)
		.values(params)
		.onConflictDoNothing()
		.returning({ id: memberships.id });
	return row;
}

/** A colleague's department changes (the role stays). */
export async function setMembershipDepartment(
	db: Db,
	params: { municipalityId: string; id: string; department: string }
) {
	await db
		.update(memberships)
		.set({ department: params.department })
		.where(and(eq(memberships.municipalityId, params.municipalityId), eq(memberships.id, params.id)));
}

export async function deleteMemberships(db: Db, params: { municipalityId: string; ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.delete(memberships)
		.where(and(eq(memberships.municipalityId, params.municipalityId), inArray(memberships.id, params.ids)))
		.returning({ id: memberships.id });
}

export async function countAdmins(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({ n: count() })
		.from(memberships)
		.where(and(eq(memberships.municipalityId, params.municipalityId), eq(memberships.role, 'admin')));
	return row?.n ?? 0;
}

export async function insertInvitation(
	db: Db,
	params: {
		municipalityId: string;
		email: string;
		role: MunicipalityRole;
		department: string | null;
		invitedBy: string;
	}
) {
	const [row] = await db.insert(staffInvitations).values(params).returning({ id: staffInvitations.id });
	if (!row) throw new Error('invitation not inserted');
	return row;
}

export async function revokeInvitations(db: Db, params: { municipalityId: string; ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.update(staffInvitations)
		.set({ revokedAt: sql`now()` })
		.where(
			and(
				eq(staffInvitations.municipalityId, params.municipalityId),
				inArray(staffInvitations.id, params.ids),
				isNull(staffInvitations.acceptedAt),
				isNull(staffInvitations.revokedAt)
			)
		)
		.returning({ id: staffInvitations.id });
}

/** The start of a calendar day in Belgian time, whatever the server's time zone. */
const brusselsDayStart = (isoDate: string, plusDays = 0) =>
	sql`((${isoDate}::date + ${plusDays}::int)::timestamp at time zone 'Europe/Brussels')`;

function auditWhere(params: {
	municipalityId: string;
	action?: string;
	actorId?: string;
	from?: string;
	to?: string;
}): SQL | undefined {
	return and(
		eq(auditLog.municipalityId, params.municipalityId),
		params.action ? eq(auditLog.action, params.action) : undefined,
		params.actorId ? eq(auditLog.actorId, params.actorId) : undefined,
		params.from ? sql`${auditLog.createdAt} >= ${brusselsDayStart(params.from)}` : undefined,
		params.to ? sql`${auditLog.createdAt} < ${brusselsDayStart(params.to, 1)}` : undefined
	);
}

export async function listAuditEntries(
	db: Db,
	params: {
		municipalityId: string;
		action?: string;
		actorId?: string;
		from?: string;
		to?: string;
		limit: number;
		offset: number;
	}
) {
	const where = auditWhere(params);
	const [rows, [total]] = await Promise.all([
		db
			.select({
				id: auditLog.id,
				actorId: auditLog.actorId,
				actorName: auditLog.actorName,
				action: auditLog.action,
				subjectName: auditLog.subjectName,
				details: auditLog.details,
				createdAt: auditLog.createdAt
			})
			.from(auditLog)
			.where(where)
			.orderBy(desc(auditLog.createdAt), desc(auditLog.id))
			.limit(params.limit)
			.offset(params.offset),
		db.select({ n: count() }).from(auditLog).where(where)
	]);
	return { rows, total: total?.n ?? 0 };
}

/** Who and what appear in the municipality's log, for the filter menus. */
export async function listAuditFacets(db: Db, params: { municipalityId: string }) {
	const [actors, actions] = await Promise.all([
		db
			.selectDistinctOn([auditLog.actorId], { id: auditLog.actorId, name: auditLog.actorName })
			.from(auditLog)
			.where(and(eq(auditLog.municipalityId, params.municipalityId), sql`${auditLog.actorId} IS NOT NULL`))
			.orderBy(auditLog.actorId, desc(auditLog.createdAt)),
		db
			.selectDistinct({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.municipalityId, params.municipalityId))
			.orderBy(asc(auditLog.action))
	]);
	return { actors, actions: actions.map((a) => a.action) };
}
