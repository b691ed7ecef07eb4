// The suggestions' figures of a municipality's week, against the week before, in one statement.
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import { suggestionComments, suggestions, suggestionVotes } from '$lib/server/db/schema';

export interface WeekWindow {
	municipalityId: string;
	previousFrom: Date;
	from: Date;
	to: Date;
}

/** Counts of rows whose time falls in this week (`now`) and the week before (`before`). */
function inWeeks(column: unknown, w: WeekWindow) {
	return sql`count(*) filter (where ${column} >= ${w.from.toISOString()}::timestamptz and ${column} < ${w.to.toISOString()}::timestamptz)::int as now,
		count(*) filter (where ${column} >= ${w.previousFrom.toISOString()}::timestamptz and ${column} < ${w.from.toISOString()}::timestamptz)::int as before`;
}

export async function countSuggestionsWeek(db: Db, w: WeekWindow) {
	const since = sql`${w.previousFrom.toISOString()}::timestamptz`;
	const m = w.municipalityId;
	const [row] = await executeRows<{
		suggestions_now: number;
		suggestions_before: number;
		votes_now: number;
		votes_before: number;
		comments_now: number;
		comments_before: number;
	}>(
		db,
		sql`select s.now as suggestions_now, s.before as suggestions_before, v.now as votes_now,
			v.before as votes_before, c.now as comments_now, c.before as comments_before
		from (select ${inWeeks(suggestions.createdAt, w)} from ${suggestions}
			where ${suggestions.municipalityId} = ${m} and ${suggestions.createdAt} >= ${since}) s,
		(select ${inWeeks(suggestionVotes.createdAt, w)} from ${suggestionVotes}
			where ${suggestionVotes.municipalityId} = ${m} and ${suggestionVotes.createdAt} >= ${since}) v,
		(select ${inWeeks(suggestionComments.createdAt, w)} from ${suggestionComments}
			where ${suggestionComments.municipalityId} = ${m} and ${suggestionComments.createdAt} >= ${since}
			and ${suggestionComments.moderation} <> 'rejected') c`
	);
	return {
		suggestions: { now: row?.suggestions_now ?? 0, before: row?.suggestions_before ?? 0 },
		votes: { now: row?.votes_now ?? 0, before: row?.votes_before ?? 0 },
		comments: { now: row?.comments_now ?? 0, before: row?.comments_before ?? 0 }
	};
}
