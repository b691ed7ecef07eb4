// Queries of contributing: similar suggestions, duplicates, photos, a person's votes, comments, reports,
// follows and the story (casting votes is suggestions.votes.queries). Each takes the database first and
// the municipality id in its where.
import { and, asc, desc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { distanceMetresSql } from '$lib/server/platform/geo/geo.sql';
import {
	actions,
	media,
	opportunities,
	suggestionComments,
	suggestionReports,
	suggestionStory,
	suggestionVotes,
	suggestions,
	users
} from '$lib/server/db/schema';
import type { ModerationReason, ModerationState } from '$lib/domain/suggestions';
import { isListed } from './suggestions.queries';
import { executeRows } from '$lib/server/db/rows';
import { isFollowingSql } from '$lib/server/platform/subscriptions';

/**
 * Listed suggestions of the opportunity whose title resembles this one (trigram similarity, served by the
 * trigram index) or that lie within `radiusMetres` of the place; most similar first.
 */
export async function findSimilarSuggestions(
	db: Db,
	params: {
		municipalityId: string;
		opportunityId: number;
		title: string;
		place: { lat: number; lng: number } | null;
		radiusMetres: number;
		limit: number;
	}
) {
	const title = params.title.toLowerCase();
	const place = params.place;
	// A box around the place first (cheap), then the real distance.
	const latDelta = params.radiusMetres / 111_320;
	const near = place
		? sql`(${suggestions.lat} BETWEEN ${place.lat - latDelta} AND ${place.lat + latDelta}
			AND ${suggestions.lng} BETWEEN ${place.lng - latDelta / Math.cos((place.lat * Math.PI) / 180)} AND ${place.lng + latDelta / Math.cos((place.lat * Math.PI) / 180)}
			AND ${distanceMetresSql(suggestions, place)} <= ${params.radiusMetres})`
		: sql`false`;
	const similarity = sql<number>`similarity(lower(${suggestions.title}), ${title})`;
	return db
		.select({
			id: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			placeName: suggestions.placeName,
			status: suggestions.status,
			voteCount: suggestions.voteCount,
			near: sql<boolean>`${near}`,
			similarity
		})
		.from(suggestions)
		.where(
			and(
				eq(suggestions.municipalityId, params.municipalityId),
				eq(suggestions.opportunityId, params.opportunityId),
				isListed(),
				or(sql`lower(${suggestions.title}) % ${title}`, near)
			)
		)
		.orderBy(desc(similarity), desc(suggestions.voteCount), asc(suggestions.id))
		.limit(params.limit);
}

/** The same person's suggestion with the same title or text since `since`: a double submit or a repeat. */
export async function findRecentDuplicate(
	db: Db,
	params: { municipalityId: string; authorId: string; title: string; body: string; since: Date }
) {
	const [row] = await db
		.select({ id: suggestions.id })
		.from(suggestions)
		.where(
			and(
				eq(suggestions.municipalityId, params.municipalityId),
				eq(suggestions.authorId, params.authorId),
				gt(suggestions.createdAt, params.since),
				or(
					sql`lower(${suggestions.title}) = ${params.title.toLowerCase()}`,
					params.body.length >= 20 ? eq(suggestions.body, params.body) : sql`false`
				)
			)
		)
		.limit(1);
	return row;
}

export async function insertSuggestionPhoto(
	db: Db,
	params: {
		municipalityId: string;
		contentType: string;
		bytes: Buffer;
		width: number;
		height: number;
		alt: string | null;
		createdBy: string;
	}
) {
	const [row] = await db
		.insert(media)
		.values({ ...params, kind: 'photo' })
		.returning({ id: media.id });
	if (!row) throw new Error('photo not inserted');
	return row;
}

/** A photo this person uploaded in this municipality (kept across the similar-suggestions step). */
export async function getOwnPhoto(db: Db, params: { municipalityId: string; id: string; createdBy: string }) {
	const [row] = await db
		.select({ id: media.id })
		.from(media)
		.where(
			and(
				eq(media.municipalityId, params.municipalityId),
				eq(media.kind, 'photo'),
				eq(media.id, params.id),
				eq(media.createdBy, params.createdBy)
			)
		)
		.limit(1);
	return row;
}

/** The photo of a listed suggestion whose opportunity's action is public: what /media/{id} may serve. */
export async function getListedSuggestionPhoto(db: Db, params: { id: string; now: Date }) {
	const [row] = await db
		.select({ contentType: media.contentType, bytes: media.bytes, createdAt: media.createdAt })
		.from(media)
		.where(
			and(
				eq(media.id, params.id),
				eq(media.kind, 'photo'),
				sql`EXISTS (SELECT 1 FROM ${suggestions}
					JOIN ${opportunities} ON ${opportunities.id} = ${suggestions.opportunityId}
					JOIN ${actions} ON ${actions.id} = ${opportunities.actionId}
					WHERE ${suggestions.imageId} = ${media.id} AND ${suggestions.municipalityId} = ${media.municipalityId}
					AND ${suggestions.moderation} = 'approved' AND ${suggestions.mergedIntoId} IS NULL
					AND ${actions.publishedAt} <= ${params.now} AND ${actions.archivedAt} IS NULL)`
			)
		)
		.limit(1);
	return row;
}

// ---------------------------------------------------------------------------------------------
// Votes
// ---------------------------------------------------------------------------------------------

/**
 * What a suggestion's page shows a person about themselves, in one statement: whether they support it,
 * whether they follow it, and how many suggestions of its opportunity they support (under a vote limit).
 */
export async function getViewerState(
	db: Db,
	params: {
		municipalityId: string;
		suggestionId: number;
		opportunityId: number;
		userId: string;
		countVotes: boolean;
	}
): Promise<{ voted: boolean; following: boolean; used: number }> {
	const own = and(
		eq(suggestionVotes.municipalityId, params.municipalityId),
		eq(suggestionVotes.userId, params.userId)
	);
	const [row] = await executeRows<{ voted: boolean; following: boolean; used: number }>(
		db,
		sql`select
			exists(select 1 from ${suggestionVotes} where ${own} and ${suggestionVotes.suggestionId} = ${params.suggestionId}) as voted,
			${isFollowingSql({
				municipalityId: params.municipalityId,
				subject: { kind: 'suggestion', id: params.suggestionId },
				userId: params.userId
			})} as following,
			${
				params.countVotes
					? sql`(select count(*)::int from ${suggestionVotes} where ${own} and ${suggestionVotes.opportunityId} = ${params.opportunityId})`
					: sql`0`
			} as used`
	);
	return { voted: Boolean(row?.voted), following: Boolean(row?.following), used: Number(row?.used ?? 0) };
}

// ---------------------------------------------------------------------------------------------
// Comments, reports, follows, story
// ---------------------------------------------------------------------------------------------

export async function insertComment(
	db: Db,
	params: {
		municipalityId: string;
		suggestionId: number;
		parentId: number | null;
		authorId: string;
		body: string;
		moderation: ModerationState;
	}
) {
	const [row] = await db
		.insert(suggestionComments)
		.values(params)
		.returning({ id: suggestionComments.id, moderation: suggestionComments.moderation });
	if (!row) throw new Error('comment not inserted');
	return row;
}

export async function getComment(
	db: Db,
	params: { municipalityId: string; suggestionId: number; id: number }
) {
	const [row] = await db
		.select({
			id: suggestionComments.id,
			parentId: suggestionComments.parentId,
			authorId: suggestionComments.authorId,
			moderation: suggestionComments.moderation
		})
		.from(suggestionComments)
		.where(
			and(
				eq(suggestionComments.municipalityId, params.municipalityId),
				eq(suggestionComments.suggestionId, params.suggestionId),
				eq(suggestionComments.id, params.id)
			)
		)
		.limit(1);
	return row;
}

/** The comments a viewer may see (approved ones, their own, or all for a moderator), oldest first. */
export async function listComments(
	db: Db,
	params: { municipalityId: string; suggestionId: number; viewerId: string | null; moderator: boolean }
) {
	const visible = params.moderator
		? undefined
		: params.viewerId
			? or(eq(suggestionComments.moderation, 'approved'), eq(suggestionComments.authorId, params.viewerId))
			: eq(suggestionComments.moderation, 'approved');
	return db
		.select({
			id: suggestionComments.id,
			parentId: suggestionComments.parentId,
			authorId: suggestionComments.authorId,
			authorName: sql<string | null>`CASE WHEN ${users.deletedAt} IS NULL THEN ${users.displayName} END`,
			body: suggestionComments.body,
			moderation: suggestionComments.moderation,
			official: suggestionComments.official,
			createdAt: suggestionComments.createdAt
		})
		.from(suggestionComments)
		.leftJoin(users, eq(users.id, suggestionComments.authorId))
		.where(
			and(
				eq(suggestionComments.municipalityId, params.municipalityId),
				eq(suggestionComments.suggestionId, params.suggestionId),
				visible
			)
		)
		.orderBy(asc(suggestionComments.createdAt), asc(suggestionComments.id))
		.limit(1_000);
}

export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

export async function changeCommentCount(
	db: Db,
	params: { municipalityId: string; suggestionId: number; delta: number }
) {
	await db
		.update(suggestions)
		.set({ commentCount: sql`${suggestions.commentCount} + ${params.delta}` })
		.where(
			and(eq(suggestions.municipalityId, params.municipalityId), eq(suggestions.id, params.suggestionId))
		);
}

/** A report, unless this person has an open one about the same item; true when it was recorded now. */
export async function insertReport(
	db: Db,
	params: {
		municipalityId: string;
		suggestionId: number;
		commentId: number | null;
		reporterId: string;
		reason: ModerationReason;
		note: string;
	}
): Promise<boolean> {
	const rows = await db
		.insert(suggestionReports)
		.values(params)
		.onConflictDoNothing()
		.returning({ id: suggestionReports.id });
	return rows.length > 0;
}

export async function listStory(db: Db, params: { municipalityId: string; suggestionId: number }) {
	return db
		.select({
			id: suggestionStory.id,
			kind: suggestionStory.kind,
			status: suggestionStory.status,
			reason: suggestionStory.reason,
			createdAt: suggestionStory.createdAt
		})
		.from(suggestionStory)
		.where(
			and(
				eq(suggestionStory.municipalityId, params.municipalityId),
				eq(suggestionStory.suggestionId, params.suggestionId)
			)
		)
		.orderBy(asc(suggestionStory.createdAt), asc(suggestionStory.id));
}

export type StoryRow = Awaited<ReturnType<typeof listStory>>[number];

/** Counts used by tests and the benchmark check: votes recorded against the kept count. */
export async function countVoteRows(db: Db, params: { municipalityId: string; suggestionId: number }) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(suggestionVotes)
		.where(
			and(
				eq(suggestionVotes.municipalityId, params.municipalityId),
				eq(suggestionVotes.suggestionId, params.suggestionId)
			)
		);
	return Number(row?.n ?? 0);
}
