import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import {
	loginRequests,
	mailTokens,
	memberships,
	regionRoles,
	coachedMunicipalities,
	sessions,
	userIdentities,
	users
} from '$lib/server/db/schema';
import type { Actor } from '$lib/server/platform/policy';

export async function getUserByIdentity(db: Db, params: { issuer: string; subject: string }) {
	const [row] = await db
		.select({
			id: users.id,
			lockedAt: users.lockedAt,
			deletedAt: users.deletedAt,
			displayName: users.displayName
		})
		.from(userIdentities)
		.innerJoin(users, eq(users.id, userIdentities.userId))
		.where(and(eq(userIdentities.issuer, params.issuer), eq(userIdentities.subject, params.subject)))
		.limit(1);
	return row;
}

export async function getUserByVerifiedEmail(db: Db, params: { email: string }) {
	const [row] = await db
		.select({ id: users.id, lockedAt: users.lockedAt, displayName: users.displayName })
		.from(users)
		.where(
			and(
				sql`lower(${users.email}) = lower(${params.email})`,
				sql`${users.emailVerifiedAt} IS NOT NULL`,
				isNull(users.deletedAt)
			)
		)
		.limit(1);
	return row;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
	const [row] = await db.insert(users).values(values).returning({ id: users.id });
	if (!row) throw new Error('user not inserted');
	return row;
}

export async function insertIdentity(db: Db, values: { userId: string; issuer: string; subject: string }) {
	await db.insert(userIdentities).values(values).onConflictDoNothing();
}

export async function updateUser(
	db: Db,
	params: { userId: string; values: Partial<typeof users.$inferInsert> }
) {
	await db
		.update(users)
		.set({ ...params.values, updatedAt: sql`now()` })
		.where(eq(users.id, params.userId));
}

export async function insertSession(
	db: Db,
	values: { id: string; userId: string; expiresAt: Date; idToken: string | null; userAgent: string | null }
) {
	await db.insert(sessions).values(values);
}

/**
 * The sessions among the ids that are still valid (not expired, not idle too long, person not locked or
 * deleted), each with its person's roles, in one statement however many there are.
 */
export async function getActiveSessions(db: Db, params: { ids: string[]; idleMinutes: number }) {
	if (params.ids.length === 0) return [];
	return db
		.select({
			sessionId: sessions.id,
			userId: users.id,
			displayName: users.displayName,
			lastSeenAt: sessions.lastSeenAt,
			idToken: sessions.idToken,
			memberships: sql<Actor['memberships']>`coalesce((
				select json_agg(json_build_object('municipalityId', m.municipality_id, 'role', m.role))
				from ${memberships} m where m.user_id = ${users.id}), '[]'::json)`,
			regionRoles: sql<Actor['regionRoles']>`coalesce((
				select json_agg(json_build_object('regionId', r.region_id, 'role', r.role,
					'coachedMunicipalityIds', coalesce((select json_agg(c.municipality_id)
						from ${coachedMunicipalities} c where c.region_role_id = r.id), '[]'::json)))
				from ${regionRoles} r where r.user_id = ${users.id}), '[]'::json)`
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(
			and(
				sql`${sessions.id} = any(${sql.param(params.ids)}::text[])`,
				gt(sessions.expiresAt, sql`now()`),
				gt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${params.idleMinutes})`),
				isNull(users.lockedAt),
				isNull(users.deletedAt)
			)
		);
}

export async function touchSessions(db: Db, params: { ids: string[] }) {
	if (params.ids.length === 0) return;
	await db
		.update(sessions)
		.set({ lastSeenAt: sql`now()` })
		.where(sql`${sessions.id} = any(${sql.param(params.ids)}::text[])`);
}

export async function deleteSession(db: Db, params: { id: string }) {
	await db.delete(sessions).where(eq(sessions.id, params.id));
}

export async function deleteSessionsOfUser(db: Db, params: { userId: string }) {
	const rows = await db
		.delete(sessions)
		.where(eq(sessions.userId, params.userId))
		.returning({ id: sessions.id });
	return rows.length;
}

export async function listRoles(db: Db, params: { userId: string }) {
	const [municipal, regional] = await Promise.all([
		db
			.select({ municipalityId: memberships.municipalityId, role: memberships.role })
			.from(memberships)
			.where(eq(memberships.userId, params.userId)),
		db
			.select({
				regionId: regionRoles.regionId,
				role: regionRoles.role,
				coachedMunicipalityIds: sql<string[]>`coalesce((select json_agg(c.municipality_id)
					from ${coachedMunicipalities} c where c.region_role_id = ${regionRoles}.id), '[]'::json)`
			})
			.from(regionRoles)
			.where(eq(regionRoles.userId, params.userId))
	]);
	return { memberships: municipal, regionRoles: regional };
}

export async function insertLoginRequest(db: Db, values: typeof loginRequests.$inferInsert) {
	await db.insert(loginRequests).values(values);
}

export async function getLoginRequest(db: Db, params: { id: string; maxAgeMinutes: number }) {
	const [row] = await db
		.select()
		.from(loginRequests)
		.where(
			and(
				eq(loginRequests.id, params.id),
				gt(loginRequests.createdAt, sql`now() - make_interval(mins => ${params.maxAgeMinutes})`)
			)
		)
		.limit(1);
	return row;
}

export async function updateLoginRequest(
	db: Db,
	params: { id: string; values: Partial<typeof loginRequests.$inferInsert> }
) {
	await db.update(loginRequests).set(params.values).where(eq(loginRequests.id, params.id));
}

/** Takes the OIDC secrets out of a login request, returning them, so its state can never be used twice. */
export async function consumeLoginRequest(db: Db, params: { id: string }) {
	const [row] = await executeRows<{ nonce: string; code_verifier: string }>(
		db,
		sql`
		WITH old AS (
			SELECT id, nonce, code_verifier FROM login_requests
			WHERE id = ${params.id} AND code_verifier IS NOT NULL
			FOR UPDATE
		)
		UPDATE login_requests AS l SET nonce = NULL, code_verifier = NULL
		FROM old WHERE l.id = old.id
		RETURNING old.nonce, old.code_verifier`
	);
	return row ? { nonce: row.nonce, codeVerifier: row.code_verifier } : undefined;
}

export async function insertMailToken(db: Db, values: typeof mailTokens.$inferInsert) {
	await db.insert(mailTokens).values(values);
}

/** Marks a mailed token used, once: a second use, or an expired token, returns nothing. */
export async function consumeMailToken(db: Db, params: { tokenHash: string; purpose: 'login' | 'verify' }) {
	const [row] = await db
		.update(mailTokens)
		.set({ usedAt: sql`now()` })
		.where(
			and(
				eq(mailTokens.tokenHash, params.tokenHash),
				eq(mailTokens.purpose, params.purpose),
				isNull(mailTokens.usedAt),
				gt(mailTokens.expiresAt, sql`now()`)
			)
		)
		.returning();
	return row;
}

export async function peekMailToken(db: Db, params: { tokenHash: string }) {
	const [row] = await db
		.select({ usedAt: mailTokens.usedAt, expiresAt: mailTokens.expiresAt, purpose: mailTokens.purpose })
		.from(mailTokens)
		.where(eq(mailTokens.tokenHash, params.tokenHash))
		.limit(1);
	return row;
}

/** Housekeeping: what has expired long enough ago to be of no use, not even for a calm error message. */
export async function deleteExpiredAuthRecords(db: Db, params: { sessionIdleMinutes: number }) {
	await db
		.delete(sessions)
		.where(
			or(
				lt(sessions.expiresAt, sql`now()`),
				lt(sessions.lastSeenAt, sql`now() - make_interval(mins => ${params.sessionIdleMinutes})`)
			)
		);
	await db.delete(loginRequests).where(lt(loginRequests.createdAt, sql`now() - interval '1 day'`));
	await db.delete(mailTokens).where(lt(mailTokens.expiresAt, sql`now() - interval '7 days'`));
}

/**
 * Every address known to be the person's, lower case: their current one, the ones they logged in with by
 * mailed link (identities of the mail issuer) and the ones links were mailed to for them.
 */
export async function listAddressesOf(db: Db, params: { userId: string; mailIssuer: string }) {
	const rows = await executeRows<{ address: string }>(
		db,
		sql`
		SELECT lower(${users.email}) AS address FROM ${users}
			WHERE ${users.id} = ${params.userId} AND ${users.email} IS NOT NULL
		UNION SELECT lower(${userIdentities.subject}) FROM ${userIdentities}
			WHERE ${userIdentities.userId} = ${params.userId} AND ${userIdentities.issuer} = ${params.mailIssuer}
		UNION SELECT lower(${mailTokens.email}) FROM ${mailTokens} WHERE ${mailTokens.userId} = ${params.userId}`
	);
	return rows.map((r) => r.address).sort();
}
