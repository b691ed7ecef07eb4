// A municipality's list of people who showed interest outside the platform (a paper list, a stand): each entry
// is an account without a login, its consent record (offline_interests) and the pool consent it carries, so the
// invitations treat them like anyone who agreed to invitations. Every query names the municipality.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '$lib/server/db/client';
import { consents, municipalities, offlineInterests, users } from '$lib/server/db/schema';
import { mailFrequencySql } from '$lib/server/features/notifications/notifications.service';

/** The version of the pool consent an entry of the list carries: given on paper or at a stand, not online. */
export const OFFLINE_CONSENT_VERSION = 'offline';
/** The first channel of the account behind an entry (never logged in to, never in the pool of a home). */
export const OFFLINE_CHANNEL = 'offline';

const recorder = alias(users, 'recorder');

/** `%text%` for ILIKE, with the pattern's own characters escaped. */
function containing(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The entries, newest first, `limit` of them, matching `q` in the name or address; and how many match. */
export async function listOfflineInterests(
	db: Db,
	params: { municipalityId: string; q: string; limit: number }
) {
	const where = and(
		eq(offlineInterests.municipalityId, params.municipalityId),
		params.q
			? sql`(${users.displayName} ILIKE ${containing(params.q)} OR ${offlineInterests.email} ILIKE ${containing(params.q)})`
			: undefined
	);
	const [rows, [total]] = await Promise.all([
		db
			.select({
				id: offlineInterests.id,
				name: users.displayName,
				email: offlineInterests.email,
				agreedOn: offlineInterests.agreedOn,
				agreedHow: offlineInterests.agreedHow,
				recordedAt: offlineInterests.recordedAt,
				recordedBy: recorder.displayName,
				/** Turned invitations off (the mail's one-click link). */
				unsubscribed: sql<boolean>`${mailFrequencySql(sql`${offlineInterests.userId}`, 'invitations')} = 'never'`
			})
			.from(offlineInterests)
			.innerJoin(users, eq(users.id, offlineInterests.userId))
			.leftJoin(recorder, eq(recorder.id, offlineInterests.recordedBy))
			.where(where)
			.orderBy(desc(offlineInterests.recordedAt), desc(offlineInterests.id))
			.limit(params.limit),
		db
			.select({ n: sql<number>`count(*)::int` })
			.from(offlineInterests)
			.innerJoin(users, eq(users.id, offlineInterests.userId))
			.where(where)
	]);
	return { rows, total: Number(total?.n ?? 0) };
}

/** Which of these (lower-cased) addresses are on the municipality's list already. */
export async function listedAddresses(
	db: Db,
	params: { municipalityId: string; emails: readonly string[] }
): Promise<Set<string>> {
	if (params.emails.length === 0) return new Set();
	const rows = await db
		.select({ email: offlineInterests.email })
		.from(offlineInterests)
		.where(
			and(
				eq(offlineInterests.municipalityId, params.municipalityId),
				inArray(offlineInterests.email, [...params.emails])
			)
		);
	return new Set(rows.map((r) => r.email));
}

/** Serialises additions to one municipality's list until the transaction ends (the address check holds). */
export async function lockOfflineList(db: Db, params: { municipalityId: string }) {
	await db.execute(sql`SELECT pg_advisory_xact_lock(4242017, hashtext(${params.municipalityId}))`);
}

/** Adds people to the list: per person an account without a login, its pool consent and its record. */
export async function insertOfflineInterests(
	tx: Db,
	params: {
		municipalityId: string;
		recordedBy: string;
		agreedOn: string;
		agreedHow: string;
		people: readonly { name: string; email: string }[];
	}
): Promise<number> {
	if (params.people.length === 0) return 0;
	const accounts = await tx
		.insert(users)
		.values(
			params.people.map((p) => ({ displayName: p.name, email: p.email, firstChannel: OFFLINE_CHANNEL }))
		)
		.returning({ id: users.id, email: users.email });
	await tx
		.insert(consents)
		.values(accounts.map((a) => ({ userId: a.id, kind: 'pool' as const, version: OFFLINE_CONSENT_VERSION })));
	await tx.insert(offlineInterests).values(
		accounts.map((a) => ({
			municipalityId: params.municipalityId,
			userId: a.id,
			email: a.email!.toLowerCase(),
			agreedOn: params.agreedOn,
			agreedHow: params.agreedHow,
			recordedBy: params.recordedBy
		}))
	);
	return accounts.length;
}

/** One entry of the municipality's list. */
export async function getOfflineInterest(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({
			id: offlineInterests.id,
			userId: offlineInterests.userId,
			name: users.displayName,
			email: offlineInterests.email,
			agreedOn: offlineInterests.agreedOn,
			agreedHow: offlineInterests.agreedHow
		})
		.from(offlineInterests)
		.innerJoin(users, eq(users.id, offlineInterests.userId))
		.where(
			and(eq(offlineInterests.municipalityId, params.municipalityId), eq(offlineInterests.id, params.id))
		)
		.limit(1);
	return row;
}

/**
 * Removes an entry with the account behind it (its consent, preferences, invitations and registrations go
 * with it). Only an account made for the list: the record of this municipality names it, it has the offline
 * channel. Returns whether something was removed.
 */
export async function deleteOfflineInterest(tx: Db, params: { municipalityId: string; id: number }) {
	const rows = await tx
		.delete(users)
		.where(
			and(
				eq(users.firstChannel, OFFLINE_CHANNEL),
				sql`${users.id} IN (SELECT ${offlineInterests.userId} FROM ${offlineInterests}
					WHERE ${offlineInterests.municipalityId} = ${params.municipalityId} AND ${offlineInterests.id} = ${params.id})`
			)
		)
		.returning({ id: users.id });
	return rows.length > 0;
}

/** The entries under a person's addresses, in every municipality (their data export). */
export async function listOfflineInterestsOfAddresses(db: Db, params: { addresses: readonly string[] }) {
	if (params.addresses.length === 0) return [];
	return db
		.select({
			municipalitySlug: municipalities.slug,
			name: users.displayName,
			email: offlineInterests.email,
			agreedOn: offlineInterests.agreedOn,
			agreedHow: offlineInterests.agreedHow,
			recordedAt: offlineInterests.recordedAt
		})
		.from(offlineInterests)
		.innerJoin(users, eq(users.id, offlineInterests.userId))
		.innerJoin(municipalities, eq(municipalities.id, offlineInterests.municipalityId))
		.where(
			inArray(
				offlineInterests.email,
				params.addresses.map((a) => a.toLowerCase())
			)
		)
		.orderBy(offlineInterests.recordedAt);
}

/** Erasure: the entries under a person's addresses go, with the accounts made for them. */
export async function deleteOfflineInterestsOfAddresses(tx: Db, params: { addresses: readonly string[] }) {
	if (params.addresses.length === 0) return;
	await tx.delete(users).where(
		and(
			eq(users.firstChannel, OFFLINE_CHANNEL),
			sql`${users.id} IN (SELECT ${offlineInterests.userId} FROM ${offlineInterests}
				WHERE ${inArray(
					offlineInterests.email,
					params.addresses.map((a) => a.toLowerCase())
				)})`
		)
	);
}
