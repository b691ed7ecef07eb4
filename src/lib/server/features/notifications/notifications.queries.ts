// The notifications feature's own tables: mail preferences per kind, the notifications, the digests' clock.
import { and, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	consents,
	municipalities,
	notificationDigests,
	regions,
	notificationPreferences,
	notifications,
	users
} from '$lib/server/db/schema';
import { executeRows } from '$lib/server/db/rows';
import {
	CONSENT_OF_KIND,
	DEFAULT_FREQUENCY,
	type MailFrequency,
	type NotificationKind,
	type NotificationParams
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
	const consent = CONSENT_OF_KIND[kind];
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

/** Whether the account exists and is not deleted (one indexed lookup). */
export async function accountExists(db: Db, params: { userId: string }): Promise<boolean> {
	const [row] = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.id, params.userId), sql`${users.deletedAt} IS NULL`))
		.limit(1);
	return row !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

/**
 * The kinds a notification is told as (the first audience that names a person decides: own before following
 * before invitations before colleague, as the handlers list them).
 */
export type AudienceKind = 'own' | 'following' | 'invitations' | 'colleague';

/** A set of people to tell (`SELECT user_id …` of the feature that knows them) and as what kind. */
export interface Audience {
	kind: AudienceKind;
	people: SQL;
	/** Whether this audience is mailed (by its frequency); the call's `mail` unless said. */
	mail?: boolean;
}

export interface InsertedForMail {
	id: number;
	userId: string;
	kind: AudienceKind;
	email: string;
	displayName: string;
}

/**
 * Writes one notification per person of the audiences for one domain event, in one statement however many
 * people there are: the first audience that names a person decides the kind (own before following), the
 * people in `exclude` (who caused it) and deleted accounts get none, a repeat of the event adds nothing. The
 * mail state follows the person's frequency for the kind now: `mailed` for right away (returned, with the
 * address, for the caller to queue the mail in this same transaction), `pending` for a digest, `none` for
 * never, for an address not confirmed, or when `mail` is false (in-app only).
 */
export async function insertNotifications(
	db: Db,
	params: {
		/** Where its event happened: a municipality, or for a region-scoped event the region (and maybe one). */
		municipalityId: string | null;
		regionId?: string | null;
		eventId: number;
		type: string;
		params: NotificationParams;
		path: string;
		actionId: number | null;
		audiences: readonly Audience[];
		exclude: readonly (string | null | undefined)[];
		mail: boolean;
	}
): Promise<InsertedForMail[]> {
	if (params.audiences.length === 0) return [];
	const audience = sql.join(
		params.audiences.map(
			(a, rank) =>
				sql`SELECT p.user_id, ${a.kind}::text AS kind, ${rank}::int AS rank, ${a.mail ?? params.mail}::boolean AS mail FROM (${a.people}) p`
		),
		sql` UNION ALL `
	);
	const excluded = params.exclude.filter((id): id is string => Boolean(id));
	const notExcluded =
		excluded.length > 0
			? sql`AND a.user_id NOT IN (${sql.join(
					excluded.map((id) => sql`${id}::uuid`),
					sql`, `
				)})`
			: sql``;
	const frequency = sql`CASE c.kind WHEN 'own' THEN ${mailFrequencySql(sql`c.user_id`, 'own')}
		WHEN 'invitations' THEN ${mailFrequencySql(sql`c.user_id`, 'invitations')}
		WHEN 'colleague' THEN ${mailFrequencySql(sql`c.user_id`, 'colleague')}
		ELSE ${mailFrequencySql(sql`c.user_id`, 'following')} END`;
	const rows = await executeRows<{
		id: string | number;
		user_id: string;
		kind: AudienceKind;
		email: string;
		display_name: string;
	}>(
		db,
		sql`WITH audience AS (${audience}),
		chosen AS (
			SELECT DISTINCT ON (a.user_id) a.user_id, a.kind, a.mail,
				(u.email IS NOT NULL AND u.email_verified_at IS NOT NULL) AS mailable
			FROM audience a JOIN ${users} u ON u.id = a.user_id AND u.deleted_at IS NULL
			WHERE a.user_id IS NOT NULL ${notExcluded}
			ORDER BY a.user_id, a.rank
		),
		rated AS (SELECT c.user_id, c.kind, c.mail, c.mailable, ${frequency} AS frequency FROM chosen c),
		inserted AS (
			INSERT INTO ${notifications}
				(municipality_id, region_id, user_id, kind, type, event_id, params, path, action_id, mail_state,
					mailed_at)
			SELECT ${params.municipalityId}::uuid, ${params.regionId ?? null}::uuid, r.user_id, r.kind, ${params.type}, ${params.eventId},
				${JSON.stringify(params.params)}::jsonb, ${params.path}, ${params.actionId}::int,
				CASE WHEN NOT r.mail OR NOT r.mailable OR r.frequency = 'never' THEN 'none'
					WHEN r.frequency = 'immediate' THEN 'mailed' ELSE 'pending' END,
				CASE WHEN r.mail AND r.mailable AND r.frequency = 'immediate' THEN now() END
			FROM rated r
			ON CONFLICT (event_id, user_id) DO NOTHING
			RETURNING id, user_id, kind, mail_state
		)
		SELECT i.id, i.user_id, i.kind, u.email, u.display_name
		FROM inserted i JOIN ${users} u ON u.id = i.user_id
		WHERE i.mail_state = 'mailed'
		ORDER BY i.id`
	);
	return rows.map((r) => ({
		id: Number(r.id),
		userId: r.user_id,
		kind: r.kind,
		email: r.email,
		displayName: r.display_name
	}));
}

const listedColumns = {
	id: notifications.id,
	kind: notifications.kind,
	type: notifications.type,
	params: notifications.params,
	path: notifications.path,
	actionId: notifications.actionId,
	municipalityId: notifications.municipalityId,
	createdAt: notifications.createdAt,
	readAt: notifications.readAt
};

/** A person's notifications, newest first, `limit` of them before the id `before` (the next page). */
export async function listNotifications(db: Db, params: { userId: string; before?: number; limit: number }) {
	return db
		.select(listedColumns)
		.from(notifications)
		.where(
			and(
				eq(notifications.userId, params.userId),
				params.before ? lt(notifications.id, params.before) : undefined
			)
		)
		.orderBy(desc(notifications.id))
		.limit(params.limit);
}

/** How many unread notifications a person has, counted up to `cap` (the bell shows "99+"). */
export async function countUnread(db: Db, params: { userId: string; cap: number }): Promise<number> {
	const [row] = await executeRows<{ n: number }>(
		db,
		sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${notifications}
			WHERE user_id = ${params.userId}::uuid AND read_at IS NULL LIMIT ${params.cap}) unread`
	);
	return Number(row?.n ?? 0);
}

/** Marks these notifications of the person read (others' ids are ignored); all of them without ids. */
export async function markRead(db: Db, params: { userId: string; ids?: readonly number[] }): Promise<number> {
	if (params.ids && params.ids.length === 0) return 0;
	const rows = await db
		.update(notifications)
		.set({ readAt: sql`now()` })
		.where(
			and(
				eq(notifications.userId, params.userId),
				isNull(notifications.readAt),
				params.ids
					? sql`${notifications.id} IN (${sql.join(
							params.ids.map((id) => sql`${id}`),
							sql`, `
						)})`
					: undefined
			)
		)
		.returning({ id: notifications.id });
	return rows.length;
}

export async function deleteNotificationsOf(db: Db, params: { userId: string }): Promise<void> {
	await db.delete(notifications).where(eq(notifications.userId, params.userId));
	await db.delete(notificationDigests).where(eq(notificationDigests.userId, params.userId));
}

export async function listNotificationsForExport(db: Db, params: { userId: string }) {
	return db
		.select({
			...listedColumns,
			// A region-scoped notification has its region's name.
			municipalityName: sql<string>`coalesce(${municipalities.name}, ${regions.name}, '')`
		})
		.from(notifications)
		.leftJoin(municipalities, eq(municipalities.id, notifications.municipalityId))
		.leftJoin(regions, eq(regions.id, notifications.regionId))
		.where(eq(notifications.userId, params.userId))
		.orderBy(desc(notifications.id));
}

// ---------------------------------------------------------------------------------------------
// Digests
// ---------------------------------------------------------------------------------------------

export type DigestFrequency = 'daily' | 'weekly';

/** The frequency a waiting notification's kind has now, over the row `n`. */
const frequencyOfRow = sql`CASE n.kind WHEN 'own' THEN ${mailFrequencySql(sql`n.user_id`, 'own')}
	WHEN 'colleague' THEN ${mailFrequencySql(sql`n.user_id`, 'colleague')}
	ELSE ${mailFrequencySql(sql`n.user_id`, 'following')} END`;

/**
 * The people (and frequency) whose digest is due: something waits for it, and their last digest of that
 * frequency, or before the first the oldest waiting notification, is older than the cut-off.
 */
export async function listDueDigests(
	db: Db,
	params: { dailyBefore: Date; weeklyBefore: Date }
): Promise<{ userId: string; frequency: DigestFrequency }[]> {
	const rows = await executeRows<{ user_id: string; frequency: DigestFrequency }>(
		db,
		sql`WITH waiting AS (
			SELECT n.user_id, n.created_at, ${frequencyOfRow} AS frequency
			FROM ${notifications} n WHERE n.mail_state = 'pending'
		)
		SELECT w.user_id, w.frequency
		FROM waiting w
		JOIN ${users} u ON u.id = w.user_id AND u.deleted_at IS NULL
		LEFT JOIN ${notificationDigests} d ON d.user_id = w.user_id AND d.frequency = w.frequency
		WHERE w.frequency IN ('daily', 'weekly')
		GROUP BY w.user_id, w.frequency, d.last_sent_at
		HAVING COALESCE(d.last_sent_at, min(w.created_at)) <= CASE w.frequency
			WHEN 'daily' THEN ${params.dailyBefore.toISOString()}::timestamptz
			ELSE ${params.weeklyBefore.toISOString()}::timestamptz END
		ORDER BY w.user_id, w.frequency`
	);
	return rows.map((r) => ({ userId: r.user_id, frequency: r.frequency }));
}

/** Serialises the digests of one person and frequency across runs and processes, until the transaction ends. */
export async function lockDigest(db: Db, params: { userId: string; frequency: DigestFrequency }) {
	await db.execute(
		sql`SELECT pg_advisory_xact_lock(4242021, hashtext(${`${params.userId}:${params.frequency}`}))`
	);
}

export interface WaitingItem {
	id: number;
	kind: NotificationKind;
	type: string;
	params: NotificationParams;
	path: string;
	/** Null for a notification of a region alone (a funder report the region submits). */
	municipalityId: string | null;
	municipalitySlug: string | null;
	primaryColor: string | null;
}

/**
 * Under the digest's lock: the person (when they can be mailed) and the notifications waiting for their
 * digest of this frequency, oldest first, grouped so that one municipality's and one action's come together.
 * Undefined when nothing waits any more (another run sent it) or the person cannot be mailed.
 */
export async function takeWaiting(
	db: Db,
	params: { userId: string; frequency: DigestFrequency; now: Date }
): Promise<{ person: { email: string; displayName: string }; items: WaitingItem[] } | undefined> {
	const [person] = await db
		.select({ email: users.email, displayName: users.displayName })
		.from(users)
		.where(
			and(
				eq(users.id, params.userId),
				isNull(users.deletedAt),
				sql`${users.email} IS NOT NULL AND ${users.emailVerifiedAt} IS NOT NULL`
			)
		);
	if (!person?.email) return undefined;
	const rows = await executeRows<{
		id: string | number;
		kind: NotificationKind;
		type: string;
		params: NotificationParams;
		path: string;
		municipality_id: string | null;
		municipality_slug: string | null;
		primary_color: string | null;
	}>(
		db,
		sql`SELECT n.id, n.kind, n.type, n.params, n.path, n.municipality_id, m.slug AS municipality_slug,
			m.primary_color
		FROM ${notifications} n LEFT JOIN ${municipalities} m ON m.id = n.municipality_id
		WHERE n.user_id = ${params.userId}::uuid AND n.mail_state = 'pending'
			AND n.created_at <= ${params.now.toISOString()}::timestamptz
			AND ${frequencyOfRow} = ${params.frequency}
		ORDER BY coalesce(m.name, n.params->>'municipalityName'), n.action_id NULLS LAST, n.id
		FOR UPDATE OF n`
	);
	if (rows.length === 0) return undefined;
	return {
		person: { email: person.email, displayName: person.displayName },
		items: rows.map((r) => ({
			id: Number(r.id),
			kind: r.kind,
			type: r.type,
			params: typeof r.params === 'string' ? (JSON.parse(r.params) as NotificationParams) : r.params,
			path: r.path,
			municipalityId: r.municipality_id,
			municipalitySlug: r.municipality_slug,
			primaryColor: r.primary_color
		}))
	};
}

/** In the digest's transaction: its notifications are mailed, and the person's clock for it moves. */
export async function markDigestSent(
	db: Db,
	params: { userId: string; frequency: DigestFrequency; ids: readonly number[]; now: Date }
): Promise<void> {
	await db
		.update(notifications)
		.set({ mailState: 'mailed', mailedAt: params.now })
		.where(
			and(
				eq(notifications.userId, params.userId),
				sql`${notifications.id} IN (${sql.join(
					params.ids.map((id) => sql`${id}`),
					sql`, `
				)})`
			)
		);
	await db
		.insert(notificationDigests)
		.values({ userId: params.userId, frequency: params.frequency, lastSentAt: params.now })
		.onConflictDoUpdate({
			target: [notificationDigests.userId, notificationDigests.frequency],
			set: { lastSentAt: params.now }
		});
}
