// Invitations to an event: who an audience names, as one statement (the count staff see is the query the send
// takes its list from), and the invitations sent, once per person and event.
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import {
	actionThemes,
	eventInvitations,
	eventRegistrations,
	events,
	offlineInterests,
	suggestionComments,
	suggestionVotes,
	suggestions,
	themePreferences,
	users
} from '$lib/server/db/schema';
import { ACTIVE_AUDIENCE_MONTHS, type InvitationAudience } from '$lib/domain/events';
import { mailFrequencySql } from '$lib/server/features/notifications/notifications.service';

/** The event an audience is chosen for: its municipality, its action and its opportunity. */
export interface InvitationScope {
	municipalityId: string;
	eventId: number;
	actionId: number | null;
	opportunityId: number | null;
}

/** Who the audience names, before consent (user ids, may repeat); nothing for an audience the event lacks. */
function namedBy(audience: InvitationAudience, scope: InvitationScope): SQL {
	const m = scope.municipalityId;
	const pool = sql`SELECT ${users.id} FROM ${users} WHERE ${users.homeMunicipalityId} = ${m} AND ${users.wantsToHelp}`;
	switch (audience) {
		case 'pool':
			return pool;
		case 'poolThemes':
			return sql`SELECT ${themePreferences.userId} FROM ${themePreferences}
				WHERE ${themePreferences.interested} AND ${themePreferences.userId} IN (${pool})
					AND ${themePreferences.themeId} IN (SELECT ${actionThemes.themeId} FROM ${actionThemes}
						WHERE ${actionThemes.municipalityId} = ${m} AND ${actionThemes.actionId} = ${scope.actionId ?? -1})`;
		case 'earlierEvents':
			return sql`SELECT ${eventRegistrations.userId} FROM ${eventRegistrations}
				JOIN ${events} ON ${events.id} = ${eventRegistrations.eventId} AND ${events.municipalityId} = ${m}
					AND ${events.actionId} = ${scope.actionId ?? -1} AND ${events.id} <> ${scope.eventId}
				WHERE ${eventRegistrations.municipalityId} = ${m} AND ${eventRegistrations.userId} IS NOT NULL
					AND ${eventRegistrations.status} IN ('confirmed', 'waitlisted')`;
		case 'suggestions': {
			const ofOpportunity = sql`SELECT ${suggestions.id} FROM ${suggestions}
				WHERE ${suggestions.municipalityId} = ${m} AND ${suggestions.opportunityId} = ${scope.opportunityId ?? -1}`;
			return sql`SELECT ${suggestions.authorId} FROM ${suggestions} WHERE ${suggestions.id} IN (${ofOpportunity})
				UNION ALL SELECT ${suggestionVotes.userId} FROM ${suggestionVotes}
					WHERE ${suggestionVotes.municipalityId} = ${m} AND ${suggestionVotes.suggestionId} IN (${ofOpportunity})`;
		}
		case 'active': {
			// A suggestion, a comment, a vote or a registration for an event of this municipality, in the last year.
			const since = sql`now() - make_interval(months => ${ACTIVE_AUDIENCE_MONTHS}::int)`;
			return sql`SELECT ${suggestions.authorId} FROM ${suggestions}
					WHERE ${suggestions.municipalityId} = ${m} AND ${suggestions.createdAt} >= ${since}
				UNION ALL SELECT ${suggestionComments.authorId} FROM ${suggestionComments}
					WHERE ${suggestionComments.municipalityId} = ${m} AND ${suggestionComments.createdAt} >= ${since}
				UNION ALL SELECT ${suggestionVotes.userId} FROM ${suggestionVotes}
					WHERE ${suggestionVotes.municipalityId} = ${m} AND ${suggestionVotes.createdAt} >= ${since}
				UNION ALL SELECT ${eventRegistrations.userId} FROM ${eventRegistrations}
					WHERE ${eventRegistrations.municipalityId} = ${m} AND ${eventRegistrations.createdAt} >= ${since}`;
		}
		case 'offline':
			return sql`SELECT ${offlineInterests.userId} FROM ${offlineInterests} WHERE ${offlineInterests.municipalityId} = ${m}`;
	}
}

/**
 * The people to invite: named by the audience, not deleted or locked, with an address that is verified — or,
 * for someone of this municipality's list of interest outside the platform, the address they gave on it —,
 * wanting invitations (the notifications feature's rule: the pool consent open, invitations not turned off;
 * an entry of the list carries that consent), and neither invited to this event nor registered for it under
 * the same address (with or without an account). One row per address.
 */
function inviteesSql(audience: InvitationAudience, scope: InvitationScope): SQL {
	const m = scope.municipalityId;
	return sql`SELECT DISTINCT ON (lower(u.email)) u.id AS user_id, u.email, u.display_name AS name,
			o.agreed_on::text AS agreed_on, o.agreed_how
		FROM ${users} u
		LEFT JOIN ${offlineInterests} o ON o.user_id = u.id AND o.municipality_id = ${m}
		WHERE u.id IN (${namedBy(audience, scope)})
			AND u.deleted_at IS NULL AND u.locked_at IS NULL AND u.email IS NOT NULL
			AND (u.email_verified_at IS NOT NULL OR o.id IS NOT NULL)
			AND ${mailFrequencySql(sql`u.id`, 'invitations')} <> 'never'
			AND NOT EXISTS (SELECT 1 FROM ${eventInvitations} i JOIN ${users} iu ON iu.id = i.user_id
				WHERE i.event_id = ${scope.eventId} AND i.municipality_id = ${m}
					AND (i.user_id = u.id OR lower(iu.email) = lower(u.email)))
			AND NOT EXISTS (SELECT 1 FROM ${eventRegistrations} r LEFT JOIN ${users} ru ON ru.id = r.user_id
				WHERE r.event_id = ${scope.eventId} AND r.municipality_id = ${m} AND r.status <> 'cancelled'
					AND (r.user_id = u.id OR lower(coalesce(r.email, ru.email)) = lower(u.email)))
		ORDER BY lower(u.email), u.email_verified_at IS NULL, u.id`;
}

export async function countInvitees(
	db: Db,
	params: { audience: InvitationAudience; scope: InvitationScope }
): Promise<number> {
	const [row] = await executeRows<{ n: number | string }>(
		db,
		sql`SELECT count(*) AS n FROM (${inviteesSql(params.audience, params.scope)}) x`
	);
	return Number(row?.n ?? 0);
}

export interface Invitee {
	userId: string;
	email: string;
	name: string;
	/** For someone of the list of interest outside the platform: the day and the way they agreed. */
	agreed: { on: string; how: string } | null;
}

export async function listInvitees(
	db: Db,
	params: { audience: InvitationAudience; scope: InvitationScope }
): Promise<Invitee[]> {
	const rows = await executeRows<{
		user_id: string;
		email: string;
		name: string;
		agreed_on: string | null;
		agreed_how: string | null;
	}>(db, sql`SELECT * FROM (${inviteesSql(params.audience, params.scope)}) x ORDER BY x.user_id`);
	return rows.map((r) => ({
		userId: r.user_id,
		email: r.email,
		name: r.name,
		agreed:
			r.agreed_on && r.agreed_how
				? {
						on: r.agreed_on,
						how: r.agreed_how
					}
				: null
	}));
}

/** Records invitations; a person already invited to the event is left as they were. Returns who is new. */
export async function insertInvitations(
	tx: Db,
	params: {
		municipalityId: string;
		eventId: number;
		audience: InvitationAudience;
		invitees: { userId: string; tokenHash: string }[];
	}
): Promise<Set<string>> {
	const fresh = new Set<string>();
	for (let i = 0; i < params.invitees.length; i += 1_000) {
		const rows = await tx
			.insert(eventInvitations)
			.values(
				params.invitees.slice(i, i + 1_000).map((p) => ({
					municipalityId: params.municipalityId,
					eventId: params.eventId,
					userId: p.userId,
					audience: params.audience,
					tokenHash: p.tokenHash
				}))
			)
			.onConflictDoNothing()
			.returning({ userId: eventInvitations.userId });
		for (const r of rows) fresh.add(r.userId);
	}
	return fresh;
}

/** How many were invited to the event and how many of them registered through their link (one statement). */
export async function countInvitations(db: Db, params: { municipalityId: string; eventId: number }) {
	const [row] = await db
		.select({ invited: count(), registered: count(eventInvitations.registeredAt) })
		.from(eventInvitations)
		.where(
			and(
				eq(eventInvitations.municipalityId, params.municipalityId),
				eq(eventInvitations.eventId, params.eventId)
			)
		);
	return { invited: row?.invited ?? 0, registered: row?.registered ?? 0 };
}

/** The invitation of a link, in this municipality, with its person's name. */
export async function getInvitationByToken(db: Db, params: { municipalityId: string; tokenHash: string }) {
	const [row] = await db
		.select({
			eventId: eventInvitations.eventId,
			userId: eventInvitations.userId,
			registeredAt: eventInvitations.registeredAt,
			name: users.displayName,
			deletedAt: users.deletedAt
		})
		.from(eventInvitations)
		.innerJoin(users, eq(users.id, eventInvitations.userId))
		.where(
			and(
				eq(eventInvitations.municipalityId, params.municipalityId),
				eq(eventInvitations.tokenHash, params.tokenHash)
			)
		)
		.limit(1);
	return row;
}

export async function markInvitationRegistered(
	db: Db,
	params: { municipalityId: string; eventId: number; userId: string }
) {
	await db
		.update(eventInvitations)
		.set({ registeredAt: sql`coalesce(${eventInvitations.registeredAt}, now())` })
		.where(
			and(
				eq(eventInvitations.municipalityId, params.municipalityId),
				eq(eventInvitations.eventId, params.eventId),
				eq(eventInvitations.userId, params.userId)
			)
		);
}

/** A person's invitations (their data export) and their erasure. */
export async function listInvitationsOfUser(db: Db, params: { userId: string }) {
	return db
		.select({
			eventId: eventInvitations.eventId,
			invitedAt: eventInvitations.invitedAt,
			registeredAt: eventInvitations.registeredAt
		})
		.from(eventInvitations)
		.where(eq(eventInvitations.userId, params.userId));
}

export async function deleteInvitationsOfUser(db: Db, params: { userId: string }) {
	await db.delete(eventInvitations).where(eq(eventInvitations.userId, params.userId));
}
