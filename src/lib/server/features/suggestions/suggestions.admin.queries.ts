// Queries only the back office of suggestions needs: the queue, comments and reports of one suggestion, merges,
// blocks and exports. Each takes the database first and the municipality id in its params and in its where.
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '$lib/server/db/client';
import {
	contributionBlocks,
	opportunities,
	suggestionComments,
	suggestionReports,
	suggestionStory,
	suggestionVotes,
	suggestions,
	users
} from '$lib/server/db/schema';
import type { ModerationState, SuggestionStatus } from '$lib/domain/suggestions';
import { suggestionColumns } from './suggestions.queries';
import type { QueueFilters } from './suggestions.admin.schemas';
import { containsPattern } from '$lib/server/platform/text';
import { executeRows } from '$lib/server/db/rows';

const personName = (id: typeof users.displayName) =>
	sql<string | null>`CASE WHEN ${users.deletedAt} IS NULL THEN ${id} END`;

/** The opportunities of kind mapSuggestions of the municipality, for the queue's filter. */
export async function listSuggestionOpportunities(db: Db, params: { municipalityId: string }) {
	return db
		.select({ id: opportunities.id, title: opportunities.title })
		.from(opportunities)
		.where(
			and(eq(opportunities.municipalityId, params.municipalityId), eq(opportunities.kind, 'mapSuggestions'))
		)
		.orderBy(asc(opportunities.title), asc(opportunities.id));
}

function openReportsOf(suggestionId: SQL | AnyPgColumn, commentId: SQL | null) {
	const about = commentId
		? sql`${suggestionReports.commentId} = ${commentId}`
		: sql`${suggestionReports.commentId} IS NULL`;
	return {
		count: sql<number>`(select count(*)::int from ${suggestionReports} where ${suggestionReports.suggestionId} = ${suggestionId} and ${about} and ${suggestionReports.resolvedAt} is null)`,
		reasons: sql<
			string | null
		>`(select string_agg(distinct ${suggestionReports.reason}, ',') from ${suggestionReports} where ${suggestionReports.suggestionId} = ${suggestionId} and ${about} and ${suggestionReports.resolvedAt} is null)`
	};
}

function queueOrder(sort: QueueFilters['sort'], createdAt: SQL | AnyPgColumn, reports: SQL) {
	if (sort === 'newest') return [desc(createdAt)];
	if (sort === 'reports') return [desc(reports), asc(createdAt)];
	return [asc(createdAt)];
}

/** The suggestions in the queue: pending ones, reported ones, or both; not merged ones. */
export async function listQueueSuggestions(
	db: Db,
	params: { municipalityId: string; filters: QueueFilters; limit: number }
) {
	const f = params.filters;
	const reports = openReportsOf(suggestions.id, null);
	const waiting = eq(suggestions.moderation, 'pending');
	// A semi-join on the (few) open reports, not a count per suggestion: the queue stays fast at 10,000.
	const reported = sql`${suggestions.id} IN (select ${suggestionReports.suggestionId} from ${suggestionReports} where ${suggestionReports.municipalityId} = ${params.municipalityId} and ${suggestionReports.resolvedAt} is null and ${suggestionReports.commentId} is null)`;
	const where = and(
		eq(suggestions.municipalityId, params.municipalityId),
		isNull(suggestions.mergedIntoId),
		f.view === 'waiting' ? waiting : f.view === 'reported' ? reported : or(waiting, reported),
		f.opportunityId ? eq(suggestions.opportunityId, f.opportunityId) : undefined,
		f.q
			? sql`(meedoen_unaccent(${suggestions.title}) ilike meedoen_unaccent(${containsPattern(f.q)}) or meedoen_unaccent(${suggestions.body}) ilike meedoen_unaccent(${containsPattern(f.q)}))`
			: undefined
	);
	const rows = await db
		.select({
			id: suggestions.id,
			suggestionId: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			body: suggestions.body,
			moderation: suggestions.moderation,
			status: suggestions.status,
			opportunityId: suggestions.opportunityId,
			opportunityTitle: opportunities.title,
			authorName: personName(users.displayName),
			createdAt: suggestions.createdAt,
			reportCount: reports.count,
			reportReasons: reports.reasons,
			// The whole queue's size, in the same statement (the list always starts at its first row).
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(suggestions)
		.innerJoin(opportunities, eq(opportunities.id, suggestions.opportunityId))
		.leftJoin(users, eq(users.id, suggestions.authorId))
		.where(where)
		.orderBy(...queueOrder(f.sort, suggestions.createdAt, reports.count), asc(suggestions.id))
		.limit(params.limit);
	return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** The comments in the queue: pending ones, reported ones, or both. */
export async function listQueueComments(
	db: Db,
	params: { municipalityId: string; filters: QueueFilters; limit: number }
) {
	const f = params.filters;
	const reports = openReportsOf(suggestionComments.suggestionId, sql`${suggestionComments.id}`);
	const waiting = eq(suggestionComments.moderation, 'pending');
	const reported = sql`${suggestionComments.id} IN (select ${suggestionReports.commentId} from ${suggestionReports} where ${suggestionReports.municipalityId} = ${params.municipalityId} and ${suggestionReports.resolvedAt} is null and ${suggestionReports.commentId} is not null)`;
	const where = and(
		eq(suggestionComments.municipalityId, params.municipalityId),
		eq(suggestions.municipalityId, params.municipalityId),
		f.view === 'waiting' ? waiting : f.view === 'reported' ? reported : or(waiting, reported),
		f.opportunityId ? eq(suggestions.opportunityId, f.opportunityId) : undefined,
		f.q
			? sql`(meedoen_unaccent(${suggestionComments.body}) ilike meedoen_unaccent(${containsPattern(f.q)}) or meedoen_unaccent(${suggestions.title}) ilike meedoen_unaccent(${containsPattern(f.q)}))`
			: undefined
	);
	const rows = await db
		.select({
			id: suggestionComments.id,
			suggestionId: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			body: suggestionComments.body,
			moderation: suggestionComments.moderation,
			status: suggestions.status,
			opportunityId: suggestions.opportunityId,
			opportunityTitle: opportunities.title,
			authorName: personName(users.displayName),
			createdAt: suggestionComments.createdAt,
			reportCount: reports.count,
			reportReasons: reports.reasons,
			// The whole queue's size, in the same statement (the list always starts at its first row).
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(suggestionComments)
		.innerJoin(suggestions, eq(suggestions.id, suggestionComments.suggestionId))
		.innerJoin(opportunities, eq(opportunities.id, suggestions.opportunityId))
		.leftJoin(users, eq(users.id, suggestionComments.authorId))
		.where(where)
		.orderBy(...queueOrder(f.sort, suggestionComments.createdAt, reports.count), asc(suggestionComments.id))
		.limit(params.limit);
	return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export type QueueRow = Awaited<ReturnType<typeof listQueueSuggestions>>['rows'][number];

/** Suggestions of this municipality among the ids, locked for the rest of the transaction; others are left out. */
export async function getSuggestionsByIdsForUpdate(
	db: Db,
	params: { municipalityId: string; ids: number[] }
) {
	if (params.ids.length === 0) return [];
	return db
		.select(suggestionColumns)
		.from(suggestions)
		.where(and(eq(suggestions.municipalityId, params.municipalityId), inArray(suggestions.id, params.ids)))
		.orderBy(asc(suggestions.id))
		.for('update');
}

export async function getSuggestionsByIds(db: Db, params: { municipalityId: string; ids: number[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select(suggestionColumns)
		.from(suggestions)
		.where(and(eq(suggestions.municipalityId, params.municipalityId), inArray(suggestions.id, params.ids)))
		.orderBy(asc(suggestions.id));
}

/**
 * The suggestions another one may be merged into: of the same opportunity, not merged, not itself, the title
 * containing the search (any when empty), by title.
 */
export async function listMergeCandidates(
	db: Db,
	params: { municipalityId: string; opportunityId: number; excludeId: number; q: string; limit: number }
) {
	return db
		.select({
			id: suggestions.id,
			title: suggestions.title,
			moderation: suggestions.moderation,
			voteCount: suggestions.voteCount
		})
		.from(suggestions)
		.where(
			and(
				eq(suggestions.municipalityId, params.municipalityId),
				eq(suggestions.opportunityId, params.opportunityId),
				isNull(suggestions.mergedIntoId),
				sql`${suggestions.id} <> ${params.excludeId}`,
				params.q
					? sql`meedoen_unaccent(${suggestions.title}) ilike meedoen_unaccent(${containsPattern(params.q)})`
					: undefined
			)
		)
		.orderBy(asc(suggestions.title), asc(suggestions.id))
		.limit(params.limit);
}

const commentColumns = {
	id: suggestionComments.id,
	suggestionId: suggestionComments.suggestionId,
	parentId: suggestionComments.parentId,
	authorId: suggestionComments.authorId,
	body: suggestionComments.body,
	moderation: suggestionComments.moderation,
	moderationReason: suggestionComments.moderationReason,
	official: suggestionComments.official,
	createdAt: suggestionComments.createdAt
};

/** Comments of this municipality among the ids, with their suggestion's title; others are left out. */
export async function getCommentsByIds(db: Db, params: { municipalityId: string; ids: number[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select({ ...commentColumns, suggestionTitle: suggestions.title })
		.from(suggestionComments)
		.innerJoin(suggestions, eq(suggestions.id, suggestionComments.suggestionId))
		.where(
			and(
				eq(suggestionComments.municipalityId, params.municipalityId),
				eq(suggestions.municipalityId, params.municipalityId),
				inArray(suggestionComments.id, params.ids)
			)
		)
		.orderBy(asc(suggestionComments.id));
}

export type AdminCommentRow = Awaited<ReturnType<typeof getCommentsByIds>>[number];

export async function updateSuggestionRow(
	db: Db,
	params: {
		municipalityId: string;
		id: number;
		values: Partial<{
			moderation: ModerationState;
			moderationReason: string | null;
			status: SuggestionStatus;
			publishedAt: Date | null;
			answer: string | null;
			answeredAt: Date | null;
			answeredBy: string | null;
			lat: number;
			lng: number;
			placeName: string | null;
			mergedIntoId: number;
			voteCount: number;
		}>;
	}
) {
	await db
		.update(suggestions)
		.set({ ...params.values, updatedAt: sql`now()` })
		.where(and(eq(suggestions.municipalityId, params.municipalityId), eq(suggestions.id, params.id)));
}

export async function updateCommentModeration(
	db: Db,
	params: { municipalityId: string; id: number; moderation: ModerationState; reason: string | null }
) {
	await db
		.update(suggestionComments)
		.set({ moderation: params.moderation, moderationReason: params.reason })
		.where(
			and(eq(suggestionComments.municipalityId, params.municipalityId), eq(suggestionComments.id, params.id))
		);
}

/** Sets a suggestion's comment count to the exact number of its approved comments. */
export async function recountComments(db: Db, params: { municipalityId: string; suggestionId: number }) {
	await db
		.update(suggestions)
		.set({
			commentCount: sql`(select count(*)::int from ${suggestionComments} where ${suggestionComments.suggestionId} = ${params.suggestionId} and ${suggestionComments.municipalityId} = ${params.municipalityId} and ${suggestionComments.moderation} = 'approved')`
		})
		.where(
			and(eq(suggestions.municipalityId, params.municipalityId), eq(suggestions.id, params.suggestionId))
		);
}

/**
 * Resolves the open reports about a suggestion itself (commentId null), about one comment, or about the
 * suggestion and all its comments (`everything`). Returns how many it resolved.
 */
export async function resolveReports(
	db: Db,
	params: {
		municipalityId: string;
		suggestionId: number;
		commentId: number | null;
		everything?: boolean;
		resolvedBy: string;
	}
): Promise<number> {
	const rows = await db
		.update(suggestionReports)
		.set({ resolvedAt: sql`now()`, resolvedBy: params.resolvedBy })
		.where(
			and(
				eq(suggestionReports.municipalityId, params.municipalityId),
				eq(suggestionReports.suggestionId, params.suggestionId),
				isNull(suggestionReports.resolvedAt),
				params.everything
					? undefined
					: params.commentId === null
						? isNull(suggestionReports.commentId)
						: eq(suggestionReports.commentId, params.commentId)
			)
		)
		.returning({ id: suggestionReports.id });
	return rows.length;
}

/** Every comment of a suggestion, any moderation state, oldest first, with author and open report count. */
export async function listCommentsForAdmin(db: Db, params: { municipalityId: string; suggestionId: number }) {
	const reports = openReportsOf(suggestionComments.suggestionId, sql`${suggestionComments.id}`);
	return db
		.select({
			...commentColumns,
			authorName: personName(users.displayName),
			reportCount: reports.count
		})
		.from(suggestionComments)
		.leftJoin(users, eq(users.id, suggestionComments.authorId))
		.where(
			and(
				eq(suggestionComments.municipalityId, params.municipalityId),
				eq(suggestionComments.suggestionId, params.suggestionId)
			)
		)
		.orderBy(asc(suggestionComments.createdAt), asc(suggestionComments.id));
}

/** Every report about a suggestion and its comments, open ones first. */
export async function listReportsForAdmin(db: Db, params: { municipalityId: string; suggestionId: number }) {
	return db
		.select({
			id: suggestionReports.id,
			commentId: suggestionReports.commentId,
			reason: suggestionReports.reason,
			note: suggestionReports.note,
			reporterName: personName(users.displayName),
			createdAt: suggestionReports.createdAt,
			resolvedAt: suggestionReports.resolvedAt
		})
		.from(suggestionReports)
		.leftJoin(users, eq(users.id, suggestionReports.reporterId))
		.where(
			and(
				eq(suggestionReports.municipalityId, params.municipalityId),
				eq(suggestionReports.suggestionId, params.suggestionId)
			)
		)
		.orderBy(sql`${suggestionReports.resolvedAt} IS NOT NULL`, desc(suggestionReports.createdAt));
}

export async function listStoryForAdmin(db: Db, params: { municipalityId: string; suggestionId: number }) {
	return db
		.select({
			id: suggestionStory.id,
			kind: suggestionStory.kind,
			status: suggestionStory.status,
			reason: suggestionStory.reason,
			actorName: personName(users.displayName),
			createdAt: suggestionStory.createdAt
		})
		.from(suggestionStory)
		.leftJoin(users, eq(users.id, suggestionStory.actorId))
		.where(
			and(
				eq(suggestionStory.municipalityId, params.municipalityId),
				eq(suggestionStory.suggestionId, params.suggestionId)
			)
		)
		.orderBy(asc(suggestionStory.createdAt), asc(suggestionStory.id));
}

export async function insertOfficialComment(
	db: Db,
	params: { municipalityId: string; suggestionId: number; authorId: string; body: string }
) {
	const [row] = await db
		.insert(suggestionComments)
		.values({ ...params, moderation: 'approved', official: true })
		.returning({ id: suggestionComments.id });
	if (!row) throw new Error('comment not inserted');
	return row;
}

/**
 * Moves the votes of one suggestion to another of the same municipality: a person who supported both keeps
 * one vote. Returns the kept suggestion's exact vote count afterwards.
 */
export async function moveVotes(db: Db, params: { municipalityId: string; fromId: number; intoId: number }) {
	await db.execute(sql`
		insert into ${suggestionVotes} (municipality_id, opportunity_id, suggestion_id, user_id, created_at)
		select v.municipality_id, v.opportunity_id, ${params.intoId}, v.user_id, v.created_at
		from ${suggestionVotes} v
		where v.municipality_id = ${params.municipalityId} and v.suggestion_id = ${params.fromId}
		on conflict do nothing`);
	await db
		.delete(suggestionVotes)
		.where(
			and(
				eq(suggestionVotes.municipalityId, params.municipalityId),
				eq(suggestionVotes.suggestionId, params.fromId)
			)
		);
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(suggestionVotes)
		.where(
			and(
				eq(suggestionVotes.municipalityId, params.municipalityId),
				eq(suggestionVotes.suggestionId, params.intoId)
			)
		);
	return row?.n ?? 0;
}

/** A person's public name, when they have an account (the author of a suggestion or comment). */
export async function getPersonName(db: Db, params: { userId: string }) {
	const [row] = await db
		.select({ id: users.id, name: personName(users.displayName) })
		.from(users)
		.where(eq(users.id, params.userId))
		.limit(1);
	return row;
}

/** Blocks a person in a municipality, or changes the reason when already blocked. */
export async function upsertBlock(
	db: Db,
	params: { municipalityId: string; userId: string; reason: string; blockedBy: string }
) {
	await db
		.insert(contributionBlocks)
		.values(params)
		.onConflictDoUpdate({
			target: [contributionBlocks.municipalityId, contributionBlocks.userId],
			set: { reason: params.reason, blockedBy: params.blockedBy }
		});
}

export async function deleteBlock(db: Db, params: { municipalityId: string; userId: string }) {
	const rows = await db
		.delete(contributionBlocks)
		.where(
			and(
				eq(contributionBlocks.municipalityId, params.municipalityId),
				eq(contributionBlocks.userId, params.userId)
			)
		)
		.returning({ userId: contributionBlocks.userId });
	return rows.length > 0;
}

export async function listBlocks(db: Db, params: { municipalityId: string }) {
	const blocker = sql<
		string | null
	>`(select ${users.displayName} from ${users} where ${users.id} = ${contributionBlocks.blockedBy})`;
	return db
		.select({
			userId: contributionBlocks.userId,
			name: personName(users.displayName),
			reason: contributionBlocks.reason,
			blockedByName: blocker,
			createdAt: contributionBlocks.createdAt
		})
		.from(contributionBlocks)
		.innerJoin(users, eq(users.id, contributionBlocks.userId))
		.where(eq(contributionBlocks.municipalityId, params.municipalityId))
		.orderBy(desc(contributionBlocks.createdAt));
}

export async function getBlock(db: Db, params: { municipalityId: string; userId: string }) {
	const [row] = await db
		.select({
			userId: contributionBlocks.userId,
			name: personName(users.displayName),
			reason: contributionBlocks.reason
		})
		.from(contributionBlocks)
		.innerJoin(users, eq(users.id, contributionBlocks.userId))
		.where(
			and(
				eq(contributionBlocks.municipalityId, params.municipalityId),
				eq(contributionBlocks.userId, params.userId)
			)
		)
		.limit(1);
	return row;
}

/** Every suggestion of an opportunity for an export, in every moderation state, oldest first. */
export async function listSuggestionsForExport(
	db: Db,
	params: { municipalityId: string; opportunityId: number }
) {
	return db
		.select({
			id: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			body: suggestions.body,
			status: suggestions.status,
			moderation: suggestions.moderation,
			placeName: suggestions.placeName,
			lat: suggestions.lat,
			lng: suggestions.lng,
			voteCount: suggestions.voteCount,
			commentCount: suggestions.commentCount,
			answer: suggestions.answer,
			mergedIntoId: suggestions.mergedIntoId,
			createdAt: suggestions.createdAt,
			publishedAt: suggestions.publishedAt
		})
		.from(suggestions)
		.where(
			and(
				eq(suggestions.municipalityId, params.municipalityId),
				eq(suggestions.opportunityId, params.opportunityId)
			)
		)
		.orderBy(asc(suggestions.createdAt), asc(suggestions.id));
}

/** The approved comments of an opportunity's suggestions, oldest first, for an export. */
export async function listApprovedCommentsForExport(
	db: Db,
	params: { municipalityId: string; opportunityId: number }
) {
	return db
		.select({
			suggestionId: suggestionComments.suggestionId,
			body: suggestionComments.body,
			official: suggestionComments.official,
			authorName: personName(users.displayName),
			createdAt: suggestionComments.createdAt
		})
		.from(suggestionComments)
		.innerJoin(suggestions, eq(suggestions.id, suggestionComments.suggestionId))
		.leftJoin(users, eq(users.id, suggestionComments.authorId))
		.where(
			and(
				eq(suggestionComments.municipalityId, params.municipalityId),
				eq(suggestions.municipalityId, params.municipalityId),
				eq(suggestions.opportunityId, params.opportunityId),
				eq(suggestionComments.moderation, 'approved')
			)
		)
		.orderBy(asc(suggestionComments.createdAt), asc(suggestionComments.id));
}

/**
 * What waits for the municipality's moderators, in one statement: suggestions and comments waiting for
 * approval and open reports, each with when the oldest arrived (merged suggestions wait for nobody).
 */
export async function countModerationWork(db: Db, params: { municipalityId: string }) {
	const m = params.municipalityId;
	const [row] = await executeRows<{
		suggestions: number;
		suggestions_since: string | Date | null;
		comments: number;
		comments_since: string | Date | null;
		reports: number;
		reports_since: string | Date | null;
	}>(
		db,
		sql`select s.n::int as suggestions, s.since as suggestions_since, c.n::int as comments,
			c.since as comments_since, r.n::int as reports, r.since as reports_since
		from (select count(*) as n, min(${suggestions.createdAt}) as since from ${suggestions}
			where ${suggestions.municipalityId} = ${m} and ${suggestions.moderation} = 'pending'
			and ${suggestions.mergedIntoId} is null) s,
		(select count(*) as n, min(${suggestionComments.createdAt}) as since from ${suggestionComments}
			where ${suggestionComments.municipalityId} = ${m} and ${suggestionComments.moderation} = 'pending') c,
		(select count(*) as n, min(${suggestionReports.createdAt}) as since from ${suggestionReports}
			where ${suggestionReports.municipalityId} = ${m} and ${suggestionReports.resolvedAt} is null) r`
	);
	const at = (v: string | Date | null) => (v === null ? null : new Date(v));
	return {
		suggestions: { count: row?.suggestions ?? 0, since: at(row?.suggestions_since ?? null) },
		comments: { count: row?.comments ?? 0, since: at(row?.comments_since ?? null) },
		reports: { count: row?.reports ?? 0, since: at(row?.reports_since ?? null) }
	};
}

/**
 * Published suggestions with citizens' comments since `after` that no official answer has followed yet
 * (approved, not official, later than the suggestion's last official comment), the longest waiting first.
 */
export async function listCommentsToAnswer(
	db: Db,
	params: { municipalityId: string; after: Date; limit: number }
) {
	const m = params.municipalityId;
	const lastOfficial = sql`(select max(o.created_at) from suggestion_comments o
		where o.municipality_id = ${m} and o.suggestion_id = ${suggestionComments.suggestionId} and o.official)`;
	const rows = await db
		.select({
			id: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			comments: sql<number>`count(*)::int`.mapWith(Number),
			since: sql<Date>`min(${suggestionComments.createdAt})`.mapWith((v) => new Date(v as string)),
			total: sql<number>`count(*) over ()`.mapWith(Number),
			allComments: sql<number>`sum(count(*)) over ()`.mapWith(Number)
		})
		.from(suggestionComments)
		.innerJoin(
			suggestions,
			and(
				eq(suggestions.id, suggestionComments.suggestionId),
				eq(suggestions.municipalityId, suggestionComments.municipalityId)
			)
		)
		.where(
			and(
				eq(suggestionComments.municipalityId, m),
				eq(suggestionComments.moderation, 'approved'),
				eq(suggestionComments.official, false),
				sql`${suggestionComments.createdAt} > ${params.after.toISOString()}::timestamptz`,
				sql`${suggestionComments.createdAt} > coalesce(${lastOfficial}, '-infinity'::timestamptz)`,
				eq(suggestions.moderation, 'approved'),
				isNull(suggestions.mergedIntoId)
			)
		)
		.groupBy(suggestions.id, suggestions.slug, suggestions.title)
		.orderBy(sql`min(${suggestionComments.createdAt})`, asc(suggestions.id))
		.limit(params.limit);
	return {
		suggestions: rows.map(({ total: _t, allComments: _a, ...row }) => row),
		total: rows[0]?.total ?? 0,
		comments: rows[0]?.allComments ?? 0
	};
}

/** Public suggestions (approved, not merged) of the action's opportunities, or only those of `ids`. */
function ofAction(params: { municipalityId: string; actionId: number; ids?: number[] }) {
	return and(
		eq(suggestions.municipalityId, params.municipalityId),
		eq(suggestions.moderation, 'approved'),
		isNull(suggestions.mergedIntoId),
		inArray(
			suggestions.opportunityId,
			sql`(select ${opportunities.id} from ${opportunities} where ${opportunities.municipalityId} = ${params.municipalityId} and ${opportunities.actionId} = ${params.actionId})`
		),
		params.ids ? inArray(suggestions.id, params.ids) : undefined
	);
}

/** The public suggestions of an action's opportunities (a report chooses among them), by opportunity and votes. */
export async function listActionSuggestions(
	db: Db,
	params: { municipalityId: string; actionId: number; ids?: number[]; limit: number }
) {
	return db
		.select({
			id: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			status: suggestions.status,
			voteCount: suggestions.voteCount,
			opportunityId: suggestions.opportunityId,
			opportunityTitle: opportunities.title
		})
		.from(suggestions)
		.innerJoin(opportunities, eq(opportunities.id, suggestions.opportunityId))
		.where(ofAction(params))
		.orderBy(asc(opportunities.title), desc(suggestions.voteCount), asc(suggestions.id))
		.limit(params.limit);
}

/** Those of `ids` that are public suggestions of the action's opportunities, locked for a change. */
export async function getActionSuggestionsForUpdate(
	db: Db,
	params: { municipalityId: string; actionId: number; ids: number[] }
) {
	if (params.ids.length === 0) return [];
	return db
		.select(suggestionColumns)
		.from(suggestions)
		.where(ofAction(params))
		.orderBy(asc(suggestions.id))
		.for('update');
}
