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

/** Who the chosen audience names, before consent: a set of user ids (may repeat). */
function namedBy(audience: NewsletterAudience, scope: AudienceScope): SQL {
	const m = scope.municipalityId;
	switch (audience.kind) {
		case 'pool':
			return sql`SELECT ${users.id} FROM ${users} WHERE ${users.homeMunicipalityId} = ${m}`;
		case 'region':
			return sql`SELECT ${users.id} FROM ${users} WHERE ${users.homeMunicipalityId} IN
				(SELECT ${municipalities.id} FROM ${municipalities} WHERE ${municipalities.regionId} = ${scope.regionId})`;
		case 'themes':
			return sql`SELECT ${themePreferences.userId} FROM ${themePreferences}
				JOIN ${themes} ON ${themes.id} = ${themePreferences.themeId} AND ${themes.municipalityId} = ${m}
				WHERE ${themePreferences.interested} AND ${themePreferences.themeId} IN
					(SELECT jsonb_array_elements_text(${JSON.stringify(audience.themeIds)}::jsonb)::uuid)`;
		case 'action': {
			const a = audience.actionId;
			const ofAction = sql`SELECT ${suggestions.id} FROM ${suggestions} JOIN ${opportunities}
				ON ${opportunities.id} = ${suggestions.opportunityId} AND ${opportunities.actionId} = ${a}
				WHERE ${suggestions.municipalityId} = ${m}`;
			return sql`SELECT ${suggestions.authorId} FROM ${suggestions} WHERE ${suggestions.id} IN (${ofAction})
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
						AND ${eventRegistrations.status} IN ('confirmed', 'waitlisted')`;
		}
		case 'events':
			return sql`SELECT ${eventRegistrations.userId} FROM ${eventRegistrations}
				JOIN ${events} ON ${events.id} = ${eventRegistrations.eventId} AND ${events.municipalityId} = ${m}
					AND ${events.startsAt} >= ${brusselsDay(audience.from)}
					AND ${events.startsAt} < ${brusselsDay(audience.to)} + interval '1 day'
				WHERE ${eventRegistrations.municipalityId} = ${m}
					AND ${eventRegistrations.status} IN ('confirmed', 'waitlisted')`;
	}
}

/**
 * The recipients: named by the audience, with a verified address, not deleted or locked, and wanting
 * newsletters (the notifications feature's rule: an open `newsletters` consent, not turned off). One row each.
 */
export function recipientsSql(audience: NewsletterAudience, scope: AudienceScope): SQL {
	return sql`SELECT u.id AS user_id FROM ${users} u
		WHERE u.id IN (${namedBy(audience, scope)})
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

/** Builds the recipient list once, set-based; a second call adds nobody. Returns how many rows it holds. */
export async function insertRecipients(
	tx: Db,
	params: { municipalityId: string; newsletterId: number; audience: NewsletterAudience; scope: AudienceScope }
): Promise<number> {
	await tx.execute(
		sql`INSERT INTO ${newsletterRecipients} (newsletter_id, municipality_id, user_id)
			SELECT ${params.newsletterId}, ${params.municipalityId}, r.user_id
			FROM (${recipientsSql(params.audience, params.scope)}) r
			ON CONFLICT DO NOTHING`
	);
	const [row] = await tx
		.select({ n: count() })
		.from(newsletterRecipients)
		.where(
			and(
				eq(newsletterRecipients.municipalityId, params.municipalityId),
				eq(newsletterRecipients.newsletterId, params.newsletterId)
			)
		);
	return row?.n ?? 0;
}

/**
 * Takes the next waiting recipients in user id order (after `after` when given) and marks them queued, in one
 * statement: their rows stay locked until this transaction ends (another run skips them), and the caller
 * queues their mails in the same transaction, so the marks and the mails commit together. Returns who they are
 * and what their mail needs, in no particular order. A person deleted or locked since the list was built is
 * left out and gets nothing (deleting an account also deletes their rows). Going on from `after` starts there in
 * the index instead of walking past every recipient already queued (whose entries stay in the index of waiting
 * ones until a vacuum, which the embedded database never runs). One statement rather than a select and an
 * update: on the embedded database a transaction holds the one connection, and each round trip of it waits for
 * the server's other work. The rows are found again by their physical address (ctid; locked, so it cannot move):
 * joined on the key instead, a list just built (no planner statistics yet) had the planner scan the whole list
 * once per recipient, 3 s for 500.
 */
export async function takeWaitingRecipients(
	tx: Db,
	params: { municipalityId: string; newsletterId: number; limit: number; after?: string | null }
): Promise<{ userId: string; email: string; name: string }[]> {
	const after = params.after ? sql`AND w.user_id > ${params.after}` : sql``;
	const rows = await executeRows<{ user_id: string; email: string; name: string }>(
		tx,
		sql`UPDATE ${newsletterRecipients} r SET queued_at = now()
			FROM (
				SELECT w.ctid AS row_id, w.user_id, u.email, u.display_name AS name
				FROM ${newsletterRecipients} w JOIN ${users} u ON u.id = w.user_id
				WHERE w.municipality_id = ${params.municipalityId} AND w.newsletter_id = ${params.newsletterId}
					AND w.queued_at IS NULL ${after}
					AND u.deleted_at IS NULL AND u.locked_at IS NULL AND u.email IS NOT NULL
				ORDER BY w.user_id
				LIMIT ${params.limit}
				FOR UPDATE OF w SKIP LOCKED
			) picked
			WHERE r.ctid = picked.row_id AND r.municipality_id = ${params.municipalityId}
			RETURNING picked.user_id, picked.email, picked.name`
	);
	return rows.map((r) => ({ userId: r.user_id, email: r.email, name: r.name }));
}

/** Recipients skipped at queueing (deleted or locked since the list was built): marked so the run can end. */
export async function dropGoneRecipients(
	tx: Db,
	params: { municipalityId: string; newsletterId: number }
): Promise<void> {
	await tx.execute(
		sql`DELETE FROM ${newsletterRecipients} r USING ${users} u
			WHERE u.id = r.user_id AND r.municipality_id = ${params.municipalityId}
				AND r.newsletter_id = ${params.newsletterId} AND r.queued_at IS NULL
				AND (u.deleted_at IS NOT NULL OR u.locked_at IS NOT NULL OR u.email IS NULL)`
	);
}

export async function countQueued(
	db: Db,
	params: { municipalityId: string; newsletterId: number }
): Promise<{ total: number; queued: number }> {
	const [row] = await db
		.select({
			total: count(),
			queued: sql<number>`count(${newsletterRecipients.queuedAt})::int`
		})
		.from(newsletterRecipients)
		.where(
			and(
				eq(newsletterRecipients.municipalityId, params.municipalityId),
				eq(newsletterRecipients.newsletterId, params.newsletterId)
			)
		);
	return { total: row?.total ?? 0, queued: Number(row?.queued ?? 0) };
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
export async function listDueNewsletters(db: Db): Promise<{ id: number }[]> {
	return db
		.select({ id: newsletters.id })
		.from(newsletters)
		.where(
			sql`(${newsletters.status} = 'scheduled' AND ${newsletters.scheduledAt} <= now()) OR ${newsletters.status} = 'sending'`
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
			recipientCount: newsletters.recipientCount
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
