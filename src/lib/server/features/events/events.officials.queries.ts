// Drizzle queries of the officials attending an event (the alderman, civil servants): chosen among the
// municipality's staff members, read with their names. The municipality id is in every where.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { eventOfficials, memberships, users } from '$lib/server/db/schema';
import { staffName } from '$lib/server/platform/backoffice';

/** The municipality's staff members (each person once), with whether they are an alderman here. */
export async function listStaffCandidates(db: Db, params: { municipalityId: string }) {
	return db
		.select({
			userId: memberships.userId,
			name: sql<string>`min(${staffName})`,
			alderman: sql<boolean>`bool_or(${memberships.role} = 'alderman')`
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.municipalityId, params.municipalityId), isNull(users.deletedAt)))
		.groupBy(memberships.userId)
		.orderBy(sql`min(${staffName})`);
}

/** The officials attending an event, in the order they were added, with their names. */
export async function listEventOfficials(db: Db, params: { municipalityId: string; eventId: number }) {
	return db
		.select({ userId: eventOfficials.userId, role: eventOfficials.role, name: staffName })
		.from(eventOfficials)
		.innerJoin(users, eq(users.id, eventOfficials.userId))
		.where(
			and(
				eq(eventOfficials.municipalityId, params.municipalityId),
				eq(eventOfficials.eventId, params.eventId),
				isNull(users.deletedAt)
			)
		)
		.orderBy(asc(eventOfficials.createdAt), asc(eventOfficials.userId));
}

export async function insertEventOfficial(
	db: Db,
	params: { municipalityId: string; eventId: number; userId: string; role: 'alderman' | 'civilServant' }
) {
	const rows = await db
		.insert(eventOfficials)
		.values(params)
		.onConflictDoNothing()
		.returning({ userId: eventOfficials.userId });
	return rows.length > 0;
}

export async function deleteEventOfficial(
	db: Db,
	params: { municipalityId: string; eventId: number; userId: string }
) {
	const rows = await db
		.delete(eventOfficials)
		.where(
			and(
				eq(eventOfficials.municipalityId, params.municipalityId),
				eq(eventOfficials.eventId, params.eventId),
				eq(eventOfficials.userId, params.userId)
			)
		)
		.returning({ userId: eventOfficials.userId });
	return rows.length > 0;
}

/** The person is no longer listed at any event (their account is being deleted). */
export async function deleteOfficialsOfUser(db: Db, params: { userId: string }) {
	await db.delete(eventOfficials).where(eq(eventOfficials.userId, params.userId));
}
