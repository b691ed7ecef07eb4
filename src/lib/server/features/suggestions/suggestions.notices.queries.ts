// What the notifications feature reads of suggestions to tell people about them: a suggestion as a subject
// (title, page, action), its supporters and a comment's writer as SQL sets, so a fan-out is one statement.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	municipalities,
	opportunities,
	suggestionComments,
	suggestionVotes,
	suggestions
} from '$lib/server/db/schema';

export async function getSuggestionSubject(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({
			municipalityId: suggestions.municipalityId,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			primaryColor: municipalities.primaryColor,
			id: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			actionId: actions.id,
			actionTitle: actions.title
		})
		.from(suggestions)
		.innerJoin(municipalities, eq(municipalities.id, suggestions.municipalityId))
		.innerJoin(opportunities, eq(opportunities.id, suggestions.opportunityId))
		.innerJoin(actions, eq(actions.id, opportunities.actionId))
		.where(and(eq(suggestions.municipalityId, params.municipalityId), eq(suggestions.id, params.id)))
		.limit(1);
	return row;
}

/** The people who support (voted for) a suggestion, as `SELECT user_id …`. */
export function supportersSql(params: { municipalityId: string; suggestionId: number }): SQL {
	return sql`SELECT v.user_id FROM ${suggestionVotes} v
		WHERE v.municipality_id = ${params.municipalityId}::uuid AND v.suggestion_id = ${params.suggestionId}`;
}

/** The writer of a comment, as `SELECT user_id …` (nothing when the comment or its writer is gone). */
export function commentAuthorSql(params: { municipalityId: string; commentId: number }): SQL {
	return sql`SELECT c.author_id AS user_id FROM ${suggestionComments} c
		WHERE c.municipality_id = ${params.municipalityId}::uuid AND c.id = ${params.commentId}
			AND c.author_id IS NOT NULL`;
}
