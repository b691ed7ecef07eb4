// Who follows what: one model for every kind of subject (an action, a suggestion, an event, a group, a
// theme), in two capacities: a participant's public follow and a colleague's follow from the back office
// (domain/subscriptions.ts). Every query reads one capacity, a participant's unless it names the other, so a
// colleague's follow never counts among an action's followers or shows in "Mijn activiteit". Features follow
// and unfollow through these queries; the profile lists, exports and deletes a person's follows;
// notifications read the followers of a subject.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities, subscriptions } from '$lib/server/db/schema';
import type { SubscriptionCapacity, SubscriptionSubjectKind } from '$lib/domain/subscriptions';

export type { SubscriptionCapacity, SubscriptionSubjectKind } from '$lib/domain/subscriptions';

export interface SubscriptionSubject {
	kind: SubscriptionSubjectKind;
	id: string | number;
}

interface OfSubject {
	municipalityId: string;
	subject: SubscriptionSubject;
	/** A participant's follow unless named. */
	capacity?: SubscriptionCapacity;
}

interface OfPersonAndSubject extends OfSubject {
	userId: string;
}

function matchesSubject(params: OfSubject) {
	return and(
		eq(subscriptions.municipalityId, params.municipalityId),
		eq(subscriptions.subjectKind, params.subject.kind),
		eq(subscriptions.subjectId, String(params.subject.id)),
		eq(subscriptions.capacity, params.capacity ?? 'participant')
	);
}

/** Following twice is the same as once. */
export async function follow(db: Db, params: OfPersonAndSubject): Promise<void> {
	await db
		.insert(subscriptions)
		.values({
			municipalityId: params.municipalityId,
			userId: params.userId,
			subjectKind: params.subject.kind,
			subjectId: String(params.subject.id),
			capacity: params.capacity ?? 'participant'
		})
		.onConflictDoNothing();
}

/** Also fine when the person did not follow. */
export async function unfollow(db: Db, params: OfPersonAndSubject): Promise<void> {
	await db.delete(subscriptions).where(and(matchesSubject(params), eq(subscriptions.userId, params.userId)));
}

export async function isFollowing(db: Db, params: OfPersonAndSubject): Promise<boolean> {
	const [row] = await db
		.select({ userId: subscriptions.userId })
		.from(subscriptions)
		.where(and(matchesSubject(params), eq(subscriptions.userId, params.userId)))
		.limit(1);
	return Boolean(row);
}

/**
 * Whether the person follows the subject, as an SQL expression, for a feature's query that reads the
 * person's own state of a page in one statement.
 */
export function isFollowingSql(params: OfPersonAndSubject): SQL<boolean> {
	return sql<boolean>`exists(select 1 from ${subscriptions} where ${and(matchesSubject(params), eq(subscriptions.userId, params.userId))})`;
}

export async function countFollowers(db: Db, params: OfSubject): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(subscriptions)
		.where(matchesSubject(params));
	return Number(row?.n ?? 0);
}

/** The people who follow a subject (for notifications), oldest follow first. */
export async function listFollowers(db: Db, params: OfSubject): Promise<string[]> {
	const rows = await db
		.select({ userId: subscriptions.userId })
		.from(subscriptions)
		.where(matchesSubject(params))
		.orderBy(asc(subscriptions.createdAt), asc(subscriptions.userId));
	return rows.map((r) => r.userId);
}

/**
 * Moves the followers of one subject to another of the same kind (a merge); someone following both
 * follows the kept one once.
 */
export async function moveFollowers(
	db: Db,
	params: {
		municipalityId: string;
		kind: SubscriptionSubjectKind;
		fromId: string | number;
		intoId: string | number;
	}
): Promise<void> {
	// Both capacities move along.
	await db.execute(sql`
		INSERT INTO ${subscriptions} (municipality_id, user_id, subject_kind, subject_id, capacity, created_at)
		SELECT f.municipality_id, f.user_id, f.subject_kind, ${String(params.intoId)}, f.capacity, f.created_at
		FROM ${subscriptions} f
		WHERE f.municipality_id = ${params.municipalityId} AND f.subject_kind = ${params.kind}
			AND f.subject_id = ${String(params.fromId)}
		ON CONFLICT DO NOTHING`);
	await deleteSubjectSubscriptions(db, {
		municipalityId: params.municipalityId,
		subject: { kind: params.kind, id: params.fromId }
	});
}

/** Removes every follow of a subject that is deleted for good, in both capacities. */
export async function deleteSubjectSubscriptions(db: Db, params: Omit<OfSubject, 'capacity'>): Promise<void> {
	await db
		.delete(subscriptions)
		.where(
			and(
				eq(subscriptions.municipalityId, params.municipalityId),
				eq(subscriptions.subjectKind, params.subject.kind),
				eq(subscriptions.subjectId, String(params.subject.id))
			)
		);
}

/** Everything a person follows, in every municipality, newest first (the profile and its export). */
export async function listPersonSubscriptions(db: Db, params: { userId: string }) {
	return db
		.select({
			municipalityId: subscriptions.municipalityId,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			subjectKind: subscriptions.subjectKind,
			subjectId: subscriptions.subjectId,
			capacity: subscriptions.capacity,
			createdAt: subscriptions.createdAt
		})
		.from(subscriptions)
		.innerJoin(municipalities, eq(municipalities.id, subscriptions.municipalityId))
		.where(eq(subscriptions.userId, params.userId))
		.orderBy(
			sql`${subscriptions.createdAt} DESC`,
			asc(subscriptions.subjectKind),
			asc(subscriptions.subjectId)
		);
}

export type PersonSubscription = Awaited<ReturnType<typeof listPersonSubscriptions>>[number];

/** Part of deleting an account: every follow of the person, of every kind. */
export async function deletePersonSubscriptions(db: Db, params: { userId: string }): Promise<void> {
	await db.delete(subscriptions).where(eq(subscriptions.userId, params.userId));
}

/**
 * The person ends one of their own participant's follows, wherever it is ("Mijn activiteit"); fine when there
 * was none.
 */
export async function unfollowOwn(
	db: Db,
	params: { userId: string; subject: SubscriptionSubject }
): Promise<boolean> {
	const rows = await db
		.delete(subscriptions)
		.where(
			and(
				eq(subscriptions.userId, params.userId),
				eq(subscriptions.subjectKind, params.subject.kind),
				eq(subscriptions.subjectId, String(params.subject.id)),
				eq(subscriptions.capacity, 'participant')
			)
		)
		.returning({ id: subscriptions.subjectId });
	return rows.length > 0;
}

/** The followers of a subject as `SELECT user_id …`, for a feature's one-statement fan-out (notifications). */
export function followersSql(params: OfSubject): SQL {
	return sql`SELECT s.user_id FROM ${subscriptions} s
		WHERE s.municipality_id = ${params.municipalityId}::uuid AND s.subject_kind = ${params.subject.kind}
			AND s.subject_id = ${String(params.subject.id)} AND s.capacity = ${params.capacity ?? 'participant'}`;
}

/** A participant's follow, as a condition for a feature that reads the table itself (its export, its list). */
export const participantFollow = eq(subscriptions.capacity, 'participant');

// ---------------------------------------------------------------------------------------------
// A colleague's follows (the back office's "Volg als collega")
// ---------------------------------------------------------------------------------------------

/** The actions and themes a person follows as a colleague in one municipality. */
export async function listColleagueFollows(
	db: Db,
	params: { municipalityId: string; userId: string }
): Promise<{ kind: SubscriptionSubjectKind; id: string; createdAt: Date }[]> {
	const rows = await db
		.select({
			kind: subscriptions.subjectKind,
			id: subscriptions.subjectId,
			createdAt: subscriptions.createdAt
		})
		.from(subscriptions)
		.where(
			and(
				eq(subscriptions.municipalityId, params.municipalityId),
				eq(subscriptions.userId, params.userId),
				eq(subscriptions.capacity, 'colleague')
			)
		)
		.orderBy(asc(subscriptions.subjectKind), asc(subscriptions.subjectId));
	return rows;
}

/**
 * Follows (or stops following) several subjects of one kind as a colleague, in one statement; returns how
 * many changed (a follow already there, or one not there to end, changes nothing).
 */
export async function setColleagueFollows(
	db: Db,
	params: {
		municipalityId: string;
		userId: string;
		kind: SubscriptionSubjectKind;
		ids: readonly (string | number)[];
		following: boolean;
	}
): Promise<number> {
	const ids = [...new Set(params.ids.map(String))];
	if (ids.length === 0) return 0;
	if (params.following) {
		const rows = await db
			.insert(subscriptions)
			.values(
				ids.map((id) => ({
					municipalityId: params.municipalityId,
					userId: params.userId,
					subjectKind: params.kind,
					subjectId: id,
					capacity: 'colleague' as const
				}))
			)
			.onConflictDoNothing()
			.returning({ id: subscriptions.subjectId });
		return rows.length;
	}
	const rows = await db
		.delete(subscriptions)
		.where(
			and(
				eq(subscriptions.municipalityId, params.municipalityId),
				eq(subscriptions.userId, params.userId),
				eq(subscriptions.subjectKind, params.kind),
				inArray(subscriptions.subjectId, ids),
				eq(subscriptions.capacity, 'colleague')
			)
		)
		.returning({ id: subscriptions.subjectId });
	return rows.length;
}
