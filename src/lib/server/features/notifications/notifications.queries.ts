// The notifications feature's own tables: mail preferences per kind (and, later, the notifications).
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { consents, notificationPreferences, platformMeta, users } from '$lib/server/db/schema';
import {
	CONSENT_OF_KIND,
	DEFAULT_FREQUENCY,
	type MailFrequency,
	type NotificationKind
} from '$lib/domain/notifications';

export async function listPreferenceRows(db: Db, params: { userId: string }) {
	return db
		.select({ kind: notificationPreferences.kind, frequency: notificationPreferences.frequency })
		.from(notificationPreferences)
		.where(eq(notificationPreferences.userId, params.userId));
}

export async function upsertPreference(
	db: Db,
	params: { userId: string; kind: NotificationKind; frequency: MailFrequency }
): Promise<void> {
	await db
		.insert(notificationPreferences)
		.values({ ...params, updatedAt: sql`now()` })
		.onConflictDoUpdate({
			target: [notificationPreferences.userId, notificationPreferences.kind],
			set: { frequency: params.frequency, updatedAt: sql`now()` }
		});
}

export async function deletePreferences(db: Db, params: { userId: string }): Promise<void> {
	await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, params.userId));
}

/**
 * The frequency a person gets mail of a kind with, as an SQL expression over a user id (a column or a
 * parameter), so an audience of 100,000 is one statement: 'never' while the consent the kind needs is not
 * open; otherwise the chosen frequency, or the kind's default (for themes: the profile's mail frequency).
 */
export function mailFrequencySql(userId: SQL | typeof users.id, kind: NotificationKind): SQL<MailFrequency> {
	const consent = (CONSENT_OF_KIND as Partial<Record<NotificationKind, string>>)[kind];
	const fallback =
		kind === 'themes'
			? sql`(SELECT u.mail_frequency FROM ${users} u WHERE u.id = ${userId})`
			: sql`${DEFAULT_FREQUENCY[kind]}::text`;
	const chosen = sql`COALESCE((SELECT p.frequency FROM ${notificationPreferences} p
		WHERE p.user_id = ${userId} AND p.kind = ${kind}), ${fallback})`;
	if (!consent) return sql<MailFrequency>`${chosen}`;
	return sql<MailFrequency>`CASE WHEN EXISTS (SELECT 1 FROM ${consents} c
		WHERE c.user_id = ${userId} AND c.kind = ${consent} AND c.withdrawn_at IS NULL)
		THEN ${chosen} ELSE 'never' END`;
}

/** Every kind's frequency of one person, in one statement. */
export async function getFrequencies(
	db: Db,
	params: { userId: string; kinds: readonly NotificationKind[] }
): Promise<Record<NotificationKind, MailFrequency> | undefined> {
	const id = sql`${params.userId}::uuid`;
	const columns = Object.fromEntries(params.kinds.map((k) => [k, mailFrequencySql(id, k)]));
	const [row] = await db
		.select(columns)
		.from(users)
		.where(and(eq(users.id, params.userId), sql`${users.deletedAt} IS NULL`));
	return row as Record<NotificationKind, MailFrequency> | undefined;
}

const UNSUBSCRIBE_SECRET = 'notifications.unsubscribe_secret';

export async function ensureUnsubscribeSecret(db: Db, candidate: string): Promise<void> {
	await db.insert(platformMeta).values({ key: UNSUBSCRIBE_SECRET, value: candidate }).onConflictDoNothing();
}

export async function getUnsubscribeSecret(db: Db): Promise<string | undefined> {
	const [row] = await db
		.select({ value: platformMeta.value })
		.from(platformMeta)
		.where(eq(platformMeta.key, UNSUBSCRIBE_SECRET));
	return typeof row?.value === 'string' ? row.value : undefined;
}
