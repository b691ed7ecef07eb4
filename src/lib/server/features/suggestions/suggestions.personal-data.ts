// The suggestions feature's part of a person's data: what they suggested, supported, commented, reported and
// follow, and a block on contributing. Queries by the person's id only.
import { participantFollow } from '$lib/server/platform/subscriptions';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	contributionBlocks,
	municipalities,
	suggestionComments,
	subscriptions,
	suggestionReports,
	suggestions,
	suggestionVotes
} from '$lib/server/db/schema';
import type { PersonRef } from '$lib/server/platform/feature';

// Each list selects its columns under the names the export shows; only the times are turned into text.
const iso = (value: Date | null) => value?.toISOString() ?? null;

async function listAuthored(db: Db, userId: string) {
	return db
		.select({
			id: suggestions.id,
			municipality: municipalities.slug,
			opportunityId: suggestions.opportunityId,
			title: suggestions.title,
			body: suggestions.body,
			placeName: suggestions.placeName,
			lat: suggestions.lat,
			lng: suggestions.lng,
			status: suggestions.status,
			moderation: suggestions.moderation,
			createdAt: suggestions.createdAt,
			publishedAt: suggestions.publishedAt
		})
		.from(suggestions)
		.innerJoin(municipalities, eq(municipalities.id, suggestions.municipalityId))
		.where(eq(suggestions.authorId, userId))
		.orderBy(asc(suggestions.createdAt), asc(suggestions.id));
}

async function listVotes(db: Db, userId: string) {
	return db
		.select({
			suggestion: { id: suggestionVotes.suggestionId, title: suggestions.title },
			createdAt: suggestionVotes.createdAt
		})
		.from(suggestionVotes)
		.innerJoin(suggestions, eq(suggestions.id, suggestionVotes.suggestionId))
		.where(eq(suggestionVotes.userId, userId))
		.orderBy(asc(suggestionVotes.createdAt), asc(suggestionVotes.suggestionId));
}

async function listComments(db: Db, userId: string) {
	return db
		.select({
			id: suggestionComments.id,
			suggestionId: suggestionComments.suggestionId,
			parentId: suggestionComments.parentId,
			body: suggestionComments.body,
			moderation: suggestionComments.moderation,
			createdAt: suggestionComments.createdAt
		})
		.from(suggestionComments)
		.where(eq(suggestionComments.authorId, userId))
		.orderBy(asc(suggestionComments.createdAt), asc(suggestionComments.id));
}

async function listReports(db: Db, userId: string) {
	return db
		.select({
			suggestionId: suggestionReports.suggestionId,
			commentId: suggestionReports.commentId,
			reason: suggestionReports.reason,
			note: suggestionReports.note,
			createdAt: suggestionReports.createdAt,
			resolvedAt: suggestionReports.resolvedAt
		})
		.from(suggestionReports)
		.where(eq(suggestionReports.reporterId, userId))
		.orderBy(asc(suggestionReports.createdAt), asc(suggestionReports.id));
}

async function listFollows(db: Db, userId: string) {
	return db
		.select({
			suggestion: { id: suggestions.id, title: suggestions.title },
			createdAt: subscriptions.createdAt
		})
		.from(subscriptions)
		.innerJoin(
			suggestions,
			and(
				eq(suggestions.municipalityId, subscriptions.municipalityId),
				sql`${suggestions.id}::text = ${subscriptions.subjectId}`
			)
		)
		.where(
			and(eq(subscriptions.userId, userId), eq(subscriptions.subjectKind, 'suggestion'), participantFollow)
		)
		.orderBy(asc(subscriptions.createdAt), asc(suggestions.id));
}

async function listBlocks(db: Db, userId: string) {
	return db
		.select({
			municipality: municipalities.slug,
			reason: contributionBlocks.reason,
			createdAt: contributionBlocks.createdAt
		})
		.from(contributionBlocks)
		.innerJoin(municipalities, eq(municipalities.id, contributionBlocks.municipalityId))
		.where(eq(contributionBlocks.userId, userId))
		.orderBy(asc(municipalities.slug));
}

export async function exportSuggestionData(db: Db, person: PersonRef) {
	const { userId } = person;
	const [authored, votes, comments, reports, follows, blocks] = await Promise.all([
		listAuthored(db, userId),
		listVotes(db, userId),
		listComments(db, userId),
		listReports(db, userId),
		listFollows(db, userId),
		listBlocks(db, userId)
	]);
	const created = <T extends { createdAt: Date }>(row: T) => ({
		...row,
		createdAt: row.createdAt.toISOString()
	});
	return {
		suggestions: authored.map((s) => ({ ...created(s), publishedAt: iso(s.publishedAt) })),
		suggestionVotes: votes.map(created),
		suggestionComments: comments.map(created),
		suggestionReports: reports.map((r) => ({ ...created(r), resolvedAt: iso(r.resolvedAt) })),
		suggestionFollows: follows.map(created),
		contributionBlocks: blocks.map(created)
	};
}

/**
 * Suggestions, comments and votes stay: they are public contributions and behind the counts, and the emptied
 * users row no longer says whose they were. Blocks go (follows go with all the person's follows, the
 * profile's part); reports stay for the moderators without their reporter or the note the person typed.
 */
export async function eraseSuggestionData(tx: Db, person: PersonRef): Promise<void> {
	const { userId } = person;
	await tx.delete(contributionBlocks).where(eq(contributionBlocks.userId, userId));
	await tx
		.update(suggestionReports)
		.set({ reporterId: null, note: '' })
		.where(eq(suggestionReports.reporterId, userId));
}
