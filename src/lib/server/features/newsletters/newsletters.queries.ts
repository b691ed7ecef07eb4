// The newsletters feature's tables (newsletters, newsletter_recipients) and the audience as one SQL statement:
// the count staff see before sending is the same query the send builds its recipient list from.
import { and, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import {
	actions,
	eventRegistrations,
	events,
	mailDeliveries,
	municipalities,
	newsletterRecipients,
	newsletters,
	opportunities,
	subscriptions,
	suggestionComments,
	suggestionVotes,
	suggestions,
	themePreferences,
	themes,
	users
} from '$lib/server/db/schema';
import type { NewsletterAudience, NewsletterStatus } from '$lib/domain/newsletters';
import { containsPattern } from '$lib/server/platform/text';
import { mailFrequencySql } from '$lib/server/features/notifications/notifications.service';

/** Where the newsletter is sent from: its municipality and that municipality's region. */
export interface AudienceScope {
	municipalityId: string;
	regionId: string;
}

/** Brussels midnight of a YYYY-MM-DD day, as a timestamptz expression. */
const brusselsDay = (day: string) => sql`(${day}::date::timestamp AT TIME ZONE 'Europe/Brussels')`;

/** Who the chosen audience names, before consent, as a condition on the person `u`. */
function namedBy(audience: NewsletterAudience, scope: AudienceScope): SQL {
	const m = scope.municipalityId;
	switch (audience.kind) {
		// The pool and the region are conditions on the person themselves: a part of the list (a range of ids)
		// then reads only that part of the people.
		case 'pool':
			return sql`u.home_municipality_id = ${m}`;
		case 'region':
			return sql`u.home_municipality_id IN
				(SELECT ${municipalities.id} FROM ${municipalities} WHERE ${municipalities.regionId} = ${scope.regionId})`;
		case 'themes':
			return sql`u.id IN (SELECT ${themePreferences.userId} FROM ${themePreferences}
				JOIN ${themes} ON ${themes.id} = ${themePreferences.themeId} AND ${themes.municipalityId} = ${m}
				WHERE ${themePreferences.interested} AND ${themePreferences.themeId} IN
					(SELECT jsonb_array_elements_text(${JSON.stringify(audience.themeIds)}::jsonb)::uuid))`;
		case 'action': {
			const a = audience.actionId;
			const ofAction = sql`SELECT ${suggestions.id} FROM ${suggestions} JOIN ${opportunities}
				ON ${opportunities.id} = ${suggestions.opportunityId} AND ${opportunities.actionId} = ${a}
				WHERE ${suggestions.municipalityId} = ${m}`;
			return sql`u.id IN (SELECT ${suggestions.authorId} FROM ${suggestions} WHERE ${suggestions.id} IN (${ofAction})
				UNION ALL SELECT ${suggestionVotes.userId} FROM ${suggestionVotes}
					WHERE ${suggestionVotes.municipalityId} = ${m} AND ${suggestionVotes.suggestionId} IN (${ofAction})
				UNION ALL SELECT ${suggestionComments.authorId} FROM ${suggestionComments}
					WHERE ${suggestionComments.municipalityId} = ${m} AND ${suggestionComments.suggestionId} IN (${ofAction})
				UNION ALL SELECT ${subscriptions.userId} FROM ${subscriptions}
					WHERE ${subscriptions.municipalityId} = ${m} AND ${subscriptions.subjectKind} = 'action'
						AND ${subscriptions.subjectId} = ${String(a)}
						AND ${subscriptions.capacity} = 'participant'
				UNION ALL SELECT ${eventRegistrations.userId} FROM ${eventRegistrations}
					JOIN ${events} ON ${events.id} = ${eventRegistrations.eventId} AND ${events.municipalityId} = ${m}
						AND ${events.actionId} = ${a}
					WHERE ${eventRegistrations.municipalityId} = ${m}
						AND ${eventRegistrations.status} IN ('confirmed', 'waitlisted'))`;
		}
		case 'events':
			return sql`u.id IN (SELECT ${eventRegistrations.userId} FROM ${eventRegistrations}
				JOIN ${events} ON ${events.id} = ${eventRegistrations.eventId} AND ${events.municipalityId} = ${m}
					AND ${events.startsAt} >= ${brusselsDay(audience.from)}
					AND ${events.startsAt} < ${brusselsDay(audience.to)} + interval '1 day'
				WHERE ${eventRegistrations.municipalityId} = ${m}
					AND ${eventRegistrations.status} IN ('confirmed', 'waitlisted'))`;
	}
}

/**
 * The list is written in this many parts, each in a transaction of its own: one per first byte of the ids. On the
 * embedded database a part of a list of 100,000 holds the connection some 15 ms (64 parts: 55 ms, which took the
 * signed-in page's p99 to 2.9× idle while it was written; npm run bench -- --only mail).
 */
export const LIST_PARTS = 256;

/** A range of user ids: from (included) to (excluded); null is open. */
export interface ListPart {
	from: string | null;
	to: string | null;
}

/** Parts `i` to `i + count` (excluded) of LIST_PARTS of the id space (random ids spread evenly over it). */
export function listPart(i: number, count = 1): ListPart {
	const bound = (k: number) =>
		k <= 0 || k >= LIST_PARTS
			? null
			: `${Math.round((k * 256) / LIST_PARTS)
					.toString(16)
					.padStart(2, '0')}000000-0000-0000-0000-000000000000`;
	return { from: bound(i), to: bound(i + count) };
}

/**
 * The recipients: named by the audience, with a verified address, not deleted or locked, and wanting
 * newsletters (the notifications feature's rule: an open `newsletters` consent, not turned off). One row each.
 */
export function recipientsSql(
	audience: NewsletterAudience,
	scope: AudienceScope,
	part: ListPart = { from: null, to: null }
): SQL {
	const from = part.from ? sql`AND u.id >= ${part.from}::uuid` : sql``;
	const to = part.to ? sql`AND u.id < ${part.to}::uuid` : sql``;
	return sql`SELECT u.id AS user_id FROM ${users} u
		WHERE ${namedBy(audience, scope)} ${from} ${to}
			AND u.deleted_at IS NULL AND u.locked_at IS NULL
			AND u.email IS NOT NULL AND u.email_verified_at IS NOT NULL
			AND ${mailFrequencySql(sql`u.id`, 'newsletters')} <> 'never'`;
}

export async function countRecipients(
	db: Db,
	params: { audience: NewsletterAudience; scope: AudienceScope }
): Promise<number> {
	const [row] = await executeRows<{ n: number | string }>(
		db,
		sql`SELECT count(*) AS n FROM (${recipientsSql(params.audience, params.scope)}) r`
	);
	return Number(row?.n ?? 0);
}

/** Writes a part of the recipient list (listPart), set-based, in one statement; returns how many it added. */
export async function insertRecipients(
	tx: Db,
	params: {
		municipalityId: string;
		newsletterId: number;
		audience: NewsletterAudience;
		scope: AudienceScope;
		part: ListPart;
	}
): Promise<number> {
	// Counted as it is written (the parts are written once each, under the newsletter's lock).
	const [row] = await executeRows<{ n: number }>(
		tx,
		sql`WITH added AS (
				INSERT INTO ${newsletterRecipients} (newsletter_id, municipality_id, user_id)
				SELECT ${params.newsletterId}, ${params.municipalityId}, r.user_id
				FROM (${recipientsSql(params.audience, params.scope, params.part)}) r
				ON CONFLICT DO NOTHING
				RETURNING 1
			)
			SELECT count(*)::int AS n FROM added`
	);
	return Number(row?.n ?? 0);
}

/**
 * The next `limit` recipients after the newsletter's `queued_through`, in user id order, and that mark moved past
 * them, in one statement. The caller holds the newsletter's row lock (lockNewsletterForSend, taken first in the
 * same transaction, so this statement sees what a concurrent run committed before it) and queues their mails in
 * the same transaction: the mark and the mails commit together, and a second run goes on after them. A person
 * deleted or locked since the list was built comes back without an address and gets nothing (deleting an
 * account also deletes their rows). No row of the list is written: marking each one queued cost more than
 * taking it.
 *
 * The plan must walk the list's key in order and stop after `limit`, whatever the planner knows: the list was
 * just written (analyzeRecipients gives it statistics) and the embedded database never analyzes `users` by
 * itself. So the people are looked up one by one by their key (OFFSET 0 keeps that lookup from being turned
 * into a join, which without statistics became a scan of every user per turn).
 */
export async function takeNextRecipients(
	tx: Db,
	params: { municipalityId: string; newsletterId: number; after: string | null; limit: number }
): Promise<{ userId: string; email: string | null; name: string | null }[]> {
	const after = params.after ? sql`AND r.user_id > ${params.after}::uuid` : sql``;
	const rows = await executeRows<{ user_id: string; email: string | null; name: string | null }>(
		tx,
		sql`WITH next AS (
				SELECT r.user_id FROM ${newsletterRecipients} r
				WHERE r.newsletter_id = ${params.newsletterId} AND r.municipality_id = ${params.municipalityId} ${after}
				ORDER BY r.user_id
				LIMIT ${params.limit}
			), moved AS (
				UPDATE ${newsletters}
				SET queued_through = (SELECT user_id FROM next ORDER BY user_id DESC LIMIT 1), updated_at = now()
				WHERE id = ${params.newsletterId} AND municipality_id = ${params.municipalityId}
					AND EXISTS (SELECT 1 FROM next)
			)
			SELECT next.user_id, person.email, person.name FROM next
			LEFT JOIN LATERAL (
				SELECT u.email, u.display_name AS name FROM ${users} u
				WHERE u.id = next.user_id AND u.deleted_at IS NULL AND u.locked_at IS NULL AND u.email IS NOT NULL
				OFFSET 0
			) person ON true`
	);
	return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name }));
}

/** Planner statistics for the list just written, so that taking it in order walks its key (takeNextRecipients). */
export async function analyzeRecipients(db: Db): Promise<void> {
	await db.execute(sql`ANALYZE ${newsletterRecipients}`);
}

/**
 * Takes off the list who got no mail (deleted or locked since it was built, or without an address), once every
 * mail is queued, so the list says who it went to.
 */
export async function dropGoneRecipients(
	tx: Db,
	params: { municipalityId: string; newsletterId: number; reference: string }
): Promise<void> {
	await tx.execute(
		sql`DELETE FROM ${newsletterRecipients} r USING ${users} u
			WHERE u.id = r.user_id AND r.municipality_id = ${params.municipalityId}
				AND r.newsletter_id = ${params.newsletterId}
				AND (u.deleted_at IS NOT NULL OR u.locked_at IS NOT NULL OR u.email IS NULL)
				AND NOT EXISTS (SELECT 1 FROM ${mailDeliveries} d
					WHERE d.message_key = ${params.reference} AND d.recipient = lower(trim(u.email)))`
	);
}

/** The list's length and how many of it are queued so far (up to the newsletter's `queued_through`). */
export async function countQueued(
	db: Db,
	params: { municipalityId: string; newsletterId: number }
): Promise<{ total: number; queued: number }> {
	const [row] = await executeRows<{ total: number; queued: number }>(
		db,
		sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE r.user_id <= n.queued_through)::int AS queued
			FROM ${newsletterRecipients} r JOIN ${newsletters} n
				ON n.id = r.newsletter_id AND n.municipality_id = r.municipality_id
			WHERE r.municipality_id = ${params.municipalityId} AND r.newsletter_id = ${params.newsletterId}`
	);
	return { total: Number(row?.total ?? 0), queued: Number(row?.queued ?? 0) };
}

export async function deleteRecipientRowsOfPerson(tx: Db, params: { userId: string }): Promise<void> {
	await tx.delete(newsletterRecipients).where(eq(newsletterRecipients.userId, params.userId));
}

// ---------------------------------------------------------------------------------------------
// The newsletters themselves
// ---------------------------------------------------------------------------------------------

const columns = {
	id: newsletters.id,
	municipalityId: newsletters.municipalityId,
	subject: newsletters.subject,
	body: newsletters.body,
	audience: newsletters.audience,
	status: newsletters.status,
	scheduledAt: newsletters.scheduledAt,
	recipientCount: newsletters.recipientCount,
	sentAt: newsletters.sentAt,
	createdAt: newsletters.createdAt,
	updatedAt: newsletters.updatedAt
};
export type NewsletterRow = {
	id: number;
	municipalityId: string;
	subject: string;
	body: string;
	audience: NewsletterAudience;
	status: NewsletterStatus;
	scheduledAt: Date | null;
	recipientCount: number | null;
	sentAt: Date | null;
	createdAt: Date;
	updatedAt: Date;
};

export async function getNewsletter(
	db: Db,
	params: { municipalityId: string; id: number; forUpdate?: boolean }
): Promise<NewsletterRow | undefined> {
	const query = db
		.select(columns)
		.from(newsletters)
		.where(and(eq(newsletters.municipalityId, params.municipalityId), eq(newsletters.id, params.id)));
	const [row] = params.forUpdate ? await query.for('update') : await query;
	return row;
}

/** A newsletter by id alone: only for the send job, which is handed the id by the platform. */
export async function getNewsletterForJob(db: Db, params: { id: number }) {
	const [row] = await db
		.select({ ...columns, slug: municipalities.slug, regionId: municipalities.regionId })
		.from(newsletters)
		.innerJoin(municipalities, eq(municipalities.id, newsletters.municipalityId))
		.where(eq(newsletters.id, params.id));
	return row;
}

export async function insertNewsletter(
	tx: Db,
	params: {
		municipalityId: string;
		subject: string;
		body: string;
		audience: NewsletterAudience;
		createdBy: string;
	}
): Promise<NewsletterRow> {
	const [row] = await tx.insert(newsletters).values(params).returning(columns);
	return row!;
}

export async function updateNewsletter(
	tx: Db,
	params: {
		municipalityId: string;
		id: number;
		change: Partial<{
			subject: string;
			body: string;
			audience: NewsletterAudience;
			status: NewsletterStatus;
			scheduledAt: Date | null;
			recipientCount: number | null;
			listedParts: number;
			sentAt: Date | null;
		}>;
	}
): Promise<NewsletterRow | undefined> {
	const [row] = await tx
		.update(newsletters)
		.set({ ...params.change, updatedAt: sql`now()` })
		.where(and(eq(newsletters.municipalityId, params.municipalityId), eq(newsletters.id, params.id)))
		.returning(columns);
	return row;
}

export async function listNewsletters(
	db: Db,
	params: { municipalityId: string; q?: string; status?: NewsletterStatus; limit: number; offset: number }
) {
	const where = and(
		eq(newsletters.municipalityId, params.municipalityId),
		params.status ? eq(newsletters.status, params.status) : undefined,
		params.q ? ilike(newsletters.subject, containsPattern(params.q)) : undefined
	);
	const [rows, [total]] = await Promise.all([
		db
			.select(columns)
			.from(newsletters)
			.where(where)
			.orderBy(desc(newsletters.createdAt), desc(newsletters.id))
			.limit(params.limit)
			.offset(params.offset),
		db.select({ n: count() }).from(newsletters).where(where)
	]);
	return { rows, total: total?.n ?? 0 };
}

/** Scheduled newsletters whose time has come, and ones left half-sent: what the hourly catch-up sends. */
export async function listDueNewsletters(
	db: Db,
	params: { graceMinutes: number }
): Promise<{ id: number }[]> {
	const before = sql`now() - make_interval(mins => ${params.graceMinutes})`;
	return db
		.select({ id: newsletters.id })
		.from(newsletters)
		.where(
			sql`(${newsletters.status} = 'scheduled' AND ${newsletters.scheduledAt} <= ${before})
				OR (${newsletters.status} = 'sending' AND ${newsletters.updatedAt} <= ${before})`
		);
}

/** The public archive: sent newsletters of the municipality, newest first. */
export async function listSentNewsletters(db: Db, params: { municipalityId: string; limit: number }) {
	return db
		.select({ id: newsletters.id, subject: newsletters.subject, sentAt: newsletters.sentAt })
		.from(newsletters)
		.where(and(eq(newsletters.municipalityId, params.municipalityId), eq(newsletters.status, 'sent')))
		.orderBy(desc(newsletters.sentAt), desc(newsletters.id))
		.limit(params.limit);
}

export async function getSentNewsletter(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({
			id: newsletters.id,
			subject: newsletters.subject,
			body: newsletters.body,
			sentAt: newsletters.sentAt
		})
		.from(newsletters)
		.where(
			and(
				eq(newsletters.municipalityId, params.municipalityId),
				eq(newsletters.id, params.id),
				eq(newsletters.status, 'sent')
			)
		);
	return row;
}

// ---------------------------------------------------------------------------------------------
// What the form offers: the municipality's themes and actions
// ---------------------------------------------------------------------------------------------

export async function countThemesOf(db: Db, params: { municipalityId: string; ids: string[] }) {
	if (params.ids.length === 0) return 0;
	const [row] = await db
		.select({ n: count() })
		.from(themes)
		.where(and(eq(themes.municipalityId, params.municipalityId), inArray(themes.id, params.ids)));
	return row?.n ?? 0;
}

export async function listActionOptions(db: Db, params: { municipalityId: string }) {
	return db
		.select({ id: actions.id, title: actions.title })
		.from(actions)
		.where(eq(actions.municipalityId, params.municipalityId))
		.orderBy(actions.title);
}

export async function actionExists(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({ id: actions.id })
		.from(actions)
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id)));
	return Boolean(row);
}

/** The municipality's look for the mail and the preview. */
export async function getLook(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({
			slug: municipalities.slug,
			name: municipalities.name,
			primaryColor: municipalities.primaryColor,
			accentColor: municipalities.accentColor
		})
		.from(municipalities)
		.where(eq(municipalities.id, params.municipalityId));
	return row;
}

/** The staff member's own verified address, for "Test naar mezelf". */
export async function getVerifiedAddress(db: Db, params: { userId: string }): Promise<string | null> {
	const [row] = await db
		.select({ email: users.email, verifiedAt: users.emailVerifiedAt })
		.from(users)
		.where(and(eq(users.id, params.userId), sql`${users.deletedAt} IS NULL`));
	return row?.email && row.verifiedAt ? row.email : null;
}

/** The status of a newsletter, locked for this transaction (the send's step from scheduled to sending). */
export async function lockNewsletterForSend(tx: Db, params: { municipalityId: string; id: number }) {
	const [row] = await tx
		.select({
			status: newsletters.status,
			scheduledAt: newsletters.scheduledAt,
			recipientCount: newsletters.recipientCount,
			listedParts: newsletters.listedParts,
			queuedThrough: newsletters.queuedThrough
		})
		.from(newsletters)
		.where(and(eq(newsletters.municipalityId, params.municipalityId), eq(newsletters.id, params.id)))
		.for('update');
	return row;
}

/**
 * What became of a newsletter's mails in the platform's delivery ledger: rows keyed on (reference, address),
 * written with each mail's job and updated when the SMTP server answered. A region-wide newsletter's mails carry
 * its municipality too.
 */
export async function countDeliveries(db: Db, params: { municipalityId: string; reference: string }) {
	const rows = await db
		.select({ status: mailDeliveries.status, n: count() })
		.from(mailDeliveries)
		.where(
			and(
				eq(mailDeliveries.municipalityId, params.municipalityId),
				eq(mailDeliveries.messageKey, params.reference)
			)
		)
		.groupBy(mailDeliveries.status);
	const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
	return { sent: of('sent'), failed: of('failed'), bounced: of('bounced'), suppressed: of('suppressed') };
}
