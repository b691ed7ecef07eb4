// Queries of a person's own data. Every one takes the database first and the person's id in its params,
// and never reaches a row of anyone else.
import { and, asc, desc, eq, gt, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import {
	consents,
	mailTokens,
	municipalities,
	themePreferences,
	themes,
	userIdentities,
	users
} from '$lib/server/db/schema';
import type { ConsentKind } from './profile.consents';

const userColumns = {
	id: users.id,
	displayName: users.displayName,
	givenName: users.givenName,
	familyName: users.familyName,
	email: users.email,
	emailVerifiedAt: users.emailVerifiedAt,
	homeMunicipalityId: users.homeMunicipalityId,
	mailFrequency: users.mailFrequency,
	wantsToHelp: users.wantsToHelp,
	poolAnsweredAt: users.poolAnsweredAt,
	firstChannel: users.firstChannel,
	firstReferrer: users.firstReferrer,
	lockedAt: users.lockedAt,
	deletedAt: users.deletedAt,
	lastLoginAt: users.lastLoginAt,
	createdAt: users.createdAt,
	updatedAt: users.updatedAt
};

export async function getUser(db: Db, params: { userId: string }) {
	const [row] = await db.select(userColumns).from(users).where(eq(users.id, params.userId)).limit(1);
	return row;
}

export type UserRow = NonNullable<Awaited<ReturnType<typeof getUser>>>;

export async function updateUser(
	db: Db,
	params: { userId: string; values: Partial<typeof users.$inferInsert> }
) {
	await db
		.update(users)
		.set({ ...params.values, updatedAt: sql`now()` })
		.where(eq(users.id, params.userId));
}

/** Another living account that already verified this address (the address is unique among those). */
export async function getOtherUserWithVerifiedEmail(db: Db, params: { userId: string; email: string }) {
	const [row] = await db
		.select({ id: users.id })
		.from(users)
		.where(
			and(
				ne(users.id, params.userId),
				sql`lower(${users.email}) = lower(${params.email})`,
				sql`${users.emailVerifiedAt} IS NOT NULL`,
				isNull(users.deletedAt)
			)
		)
		.limit(1);
	return row;
}

/** Marks the address verified, but only while it is still the person's address. */
export async function markEmailVerified(db: Db, params: { userId: string; email: string }) {
	const rows = await db
		.update(users)
		.set({ emailVerifiedAt: sql`now()`, updatedAt: sql`now()` })
		.where(and(eq(users.id, params.userId), sql`lower(${users.email}) = lower(${params.email})`))
		.returning({ id: users.id });
	return rows.length > 0;
}

// ── Consents ────────────────────────────────────────────────────────────────────────────────────────

export async function listConsents(db: Db, params: { userId: string }) {
	return db
		.select({
			id: consents.id,
			kind: consents.kind,
			version: consents.version,
			givenAt: consents.givenAt,
			withdrawnAt: consents.withdrawnAt
		})
		.from(consents)
		.where(eq(consents.userId, params.userId))
		.orderBy(desc(consents.givenAt), asc(consents.kind));
}

export type ConsentRow = Awaited<ReturnType<typeof listConsents>>[number];

export async function insertConsent(db: Db, params: { userId: string; kind: ConsentKind; version: string }) {
	await db.insert(consents).values(params);
}

/** Withdraws the person's open consents of one kind; returns how many were open. */
export async function withdrawConsents(db: Db, params: { userId: string; kind: ConsentKind }) {
	const rows = await db
		.update(consents)
		.set({ withdrawnAt: sql`now()` })
		.where(
			and(eq(consents.userId, params.userId), eq(consents.kind, params.kind), isNull(consents.withdrawnAt))
		)
		.returning({ id: consents.id });
	return rows.length;
}

// ── Theme preferences ───────────────────────────────────────────────────────────────────────────────

export async function listThemePreferences(db: Db, params: { userId: string; municipalityId: string }) {
	return db
		.select({
			themeId: themePreferences.themeId,
			themeSlug: themes.slug,
			interested: themePreferences.interested
		})
		.from(themePreferences)
		.innerJoin(themes, eq(themes.id, themePreferences.themeId))
		.where(and(eq(themePreferences.userId, params.userId), eq(themes.municipalityId, params.municipalityId)));
}

export async function upsertThemePreference(
	db: Db,
	params: { userId: string; themeId: string; interested: boolean }
) {
	await db
		.insert(themePreferences)
		.values(params)
		.onConflictDoUpdate({
			target: [themePreferences.userId, themePreferences.themeId],
			set: { interested: params.interested }
		});
}

export async function deleteThemePreferences(db: Db, params: { userId: string; themeIds: string[] }) {
	if (params.themeIds.length === 0) return;
	await db
		.delete(themePreferences)
		.where(
			and(eq(themePreferences.userId, params.userId), inArray(themePreferences.themeId, params.themeIds))
		);
}

/** Preferences only mean something for the home municipality: the rest goes when the home changes. */
export async function deleteThemePreferencesOutside(
	db: Db,
	params: { userId: string; municipalityId: string | null }
) {
	const keep = params.municipalityId
		? db.select({ id: themes.id }).from(themes).where(eq(themes.municipalityId, params.municipalityId))
		: null;
	await db
		.delete(themePreferences)
		.where(
			and(
				eq(themePreferences.userId, params.userId),
				keep ? notInArray(themePreferences.themeId, keep) : undefined
			)
		);
}

// ── Address verification tokens ─────────────────────────────────────────────────────────────────────

export async function insertVerifyToken(
	db: Db,
	params: { userId: string; tokenHash: string; email: string; expiresAt: Date }
) {
	await db.insert(mailTokens).values({ ...params, purpose: 'verify' });
}

/** Ends the person's unused verification links, so only the newest one works. */
export async function expireVerifyTokens(db: Db, params: { userId: string }) {
	await db
		.update(mailTokens)
		.set({ expiresAt: sql`now()` })
		.where(
			and(
				eq(mailTokens.userId, params.userId),
				eq(mailTokens.purpose, 'verify'),
				isNull(mailTokens.usedAt),
				gt(mailTokens.expiresAt, sql`now()`)
			)
		);
}

/** A verification token by its hash, whoever it belongs to: the service decides what the caller learns. */
export async function peekVerifyToken(db: Db, params: { tokenHash: string }) {
	const [row] = await db
		.select({
			userId: mailTokens.userId,
			email: mailTokens.email,
			usedAt: mailTokens.usedAt,
			expiresAt: mailTokens.expiresAt
		})
		.from(mailTokens)
		.where(and(eq(mailTokens.tokenHash, params.tokenHash), eq(mailTokens.purpose, 'verify')))
		.limit(1);
	return row;
}

/** Uses a verification token of this person, once: a second use or an expired token returns nothing. */
export async function consumeVerifyToken(db: Db, params: { userId: string; tokenHash: string }) {
	const [row] = await db
		.update(mailTokens)
		.set({ usedAt: sql`now()` })
		.where(
			and(
				eq(mailTokens.tokenHash, params.tokenHash),
				eq(mailTokens.userId, params.userId),
				eq(mailTokens.purpose, 'verify'),
				isNull(mailTokens.usedAt),
				gt(mailTokens.expiresAt, sql`now()`)
			)
		)
		.returning({ email: mailTokens.email });
	return row;
}

// ── Identities ──────────────────────────────────────────────────────────────────────────────────────

/** After a new address is verified, an older address no longer logs in to this account. */
export async function deleteMailIdentitiesExcept(
	db: Db,
	params: { userId: string; issuer: string; keepSubject: string }
) {
	await db
		.delete(userIdentities)
		.where(
			and(
				eq(userIdentities.userId, params.userId),
				eq(userIdentities.issuer, params.issuer),
				sql`lower(${userIdentities.subject}) <> lower(${params.keepSubject})`
			)
		);
}

// ── The rest of the person's profile (for the export) ───────────────────────────────────────────────────────────────────────

export async function getMunicipalityName(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name })
		.from(municipalities)
		.where(eq(municipalities.id, params.municipalityId))
		.limit(1);
	return row;
}

export async function listAllThemePreferences(db: Db, params: { userId: string }) {
	return db
		.select({
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			themeSlug: themes.slug,
			themeName: themes.name,
			interested: themePreferences.interested
		})
		.from(themePreferences)
		.innerJoin(themes, eq(themes.id, themePreferences.themeId))
		.innerJoin(municipalities, eq(municipalities.id, themes.municipalityId))
		.where(eq(themePreferences.userId, params.userId))
		.orderBy(asc(municipalities.name), asc(themes.position), asc(themes.name));
}

// ── Deleting an account ─────────────────────────────────────────────────────────────────────────────

/** The person's consents and theme choices; the users row itself stays (see anonymizeUser). */
export async function deleteProfileRecords(db: Db, params: { userId: string }) {
	await db.delete(consents).where(eq(consents.userId, params.userId));
	await db.delete(themePreferences).where(eq(themePreferences.userId, params.userId));
}

/** Wipes the person's own fields and marks the row deleted; the public name becomes a presenter's job. */
export async function anonymizeUser(db: Db, params: { userId: string }) {
	await db
		.update(users)
		.set({
			displayName: '',
			givenName: null,
			familyName: null,
			email: null,
			emailVerifiedAt: null,
			homeMunicipalityId: null,
			mailFrequency: 'never',
			wantsToHelp: false,
			poolAnsweredAt: null,
			firstChannel: null,
			firstReferrer: null,
			lastLoginAt: null,
			deletedAt: sql`now()`,
			updatedAt: sql`now()`
		})
		.where(and(eq(users.id, params.userId), isNull(users.deletedAt)));
}

// ── The weekly overview ─────────────────────────────────────────────────────────────────────────────

/**
 * People with the municipality as home who joined the pool (gave the pool consent for the first time or
 * again) in this week (`now`) and the week before (`before`); one person counts once per week.
 */
export async function countPoolJoinsWeek(
	db: Db,
	w: { municipalityId: string; previousFrom: Date; from: Date; to: Date }
) {
	const t = (d: Date) => sql`${d.toISOString()}::timestamptz`;
	const [row] = await db
		.select({
			now: sql<number>`count(distinct ${consents.userId}) filter (where ${consents.givenAt} >= ${t(w.from)})::int`,
			before: sql<number>`count(distinct ${consents.userId}) filter (where ${consents.givenAt} < ${t(w.from)})::int`
		})
		.from(consents)
		.innerJoin(users, eq(users.id, consents.userId))
		.where(
			and(
				eq(consents.kind, 'pool'),
				eq(users.homeMunicipalityId, w.municipalityId),
				isNull(users.deletedAt),
				sql`${consents.givenAt} >= ${t(w.previousFrom)} and ${consents.givenAt} < ${t(w.to)}`
			)
		);
	return { now: Number(row?.now ?? 0), before: Number(row?.before ?? 0) };
}

// ── The question whether to join the pool ─────────────────────────────────────────────────────────────

/**
 * What the question after a contribution needs, in one statement: whether the person answered it, is in the
 * pool or ever gave its consent, their home municipality and the participating one they are on (`hereSlug`).
 */
export async function getPoolStanding(db: Db, params: { userId: string; hereSlug: string | null }) {
	const [row] = await executeRows<{
		answered: boolean;
		in_pool: boolean;
		ever_consented: boolean;
		home_id: string | null;
		home_slug: string | null;
		home_name: string | null;
		here_slug: string | null;
		here_name: string | null;
	}>(
		db,
		sql`SELECT u.pool_answered_at IS NOT NULL AS answered, u.wants_to_help AS in_pool,
				EXISTS (SELECT 1 FROM ${consents} c WHERE c.user_id = u.id AND c.kind = 'pool') AS ever_consented,
				home.id AS home_id, home.slug AS home_slug, home.name AS home_name,
				here.slug AS here_slug, here.name AS here_name
			FROM ${users} u
			LEFT JOIN ${municipalities} home ON home.id = u.home_municipality_id
			LEFT JOIN ${municipalities} here ON here.slug = ${params.hereSlug} AND here.participating
			WHERE u.id = ${params.userId} AND u.deleted_at IS NULL`
	);
	return row ?? null;
}
