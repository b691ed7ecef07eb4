// Queries of votes, set-based: each takes a whole group of votes (see suggestions.votes.service.ts) and
// costs the same few statements however large the group. Locks are always taken in the same order — suggestions by
// id, then the rate-limit counters by key, the voters' advisory locks by key, then the vote rows — so
// concurrent groups never deadlock.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows, jsonParam } from '$lib/server/db/rows';
import { lockAggregateSql, type DomainEventName } from '$lib/server/platform/events';
import {
	actions,
	contributionBlocks,
	domainEvents,
	municipalities,
	opportunities,
	suggestionSettings,
	suggestionVotes,
	suggestions
} from '$lib/server/db/schema';
import { actionIsPublicAt } from './suggestions.queries';

/**
 * What the votes need to know of each suggestion asked for, in the municipality of the page it was asked
 * from (the API names only the suggestion, so any that takes part): its municipality, state, author and count, and of its opportunity
 * the window, the settings and which of the voters are blocked in its municipality. The suggestions are
 * locked until the transaction ends, so a merge or rejection waits for the votes or the votes see it, and
 * the count read here is the count the votes change. Two statements sent together: locking the
 * suggestions alone is cheap, and a group's suggestions share one or a few opportunities.
 */
export async function lockVoteTargets(
	db: Db,
	params: { targets: { id: number; municipalityId: string | null }[]; voterIds: string[]; now: Date }
) {
	if (params.targets.length === 0) return [];
	const ids = sql.param([...new Set(params.targets.map((t) => t.id))]);
	// Each id only in the municipality its vote came from (null: the API, which names only the id).
	const wanted = jsonParam(params.targets);
	const isWanted = (id: unknown, municipalityId: unknown) => sql`${id} = any(${ids}::int[])
		and exists (select 1 from jsonb_to_recordset(${wanted}::jsonb) as w(id int, "municipalityId" uuid)
			where w.id = ${id} and (w."municipalityId" is null or w."municipalityId" = ${municipalityId}))`;
	// Sent together: the second does not wait for the first one's answer (one round trip to the database).
	const [locked, contexts] = await Promise.all([
		db
			.select({
				id: suggestions.id,
				municipalityId: suggestions.municipalityId,
				opportunityId: suggestions.opportunityId,
				moderation: suggestions.moderation,
				authorId: suggestions.authorId,
				mergedIntoId: suggestions.mergedIntoId,
				voteCount: suggestions.voteCount
			})
			.from(suggestions)
			.where(isWanted(suggestions.id, suggestions.municipalityId))
			.orderBy(asc(suggestions.id))
			.for('no key update'),
		db
			.select({
				id: opportunities.id,
				municipalityId: opportunities.municipalityId,
				regionId: municipalities.regionId,
				participating: municipalities.participating,
				opensAt: opportunities.opensAt,
				closesAt: opportunities.closesAt,
				publicAction: actionIsPublicAt(params.now),
				votingOpen: sql<boolean>`coalesce(${suggestionSettings.votingOpen}, true)`,
				voteLimit: suggestionSettings.voteLimit,
				blocked: sql<string[]>`array(select b.user_id::text from ${contributionBlocks} b
					where b.municipality_id = ${opportunities.municipalityId}
					and b.user_id = any(${sql.param(params.voterIds)}::uuid[]))`
			})
			.from(opportunities)
			.innerJoin(municipalities, eq(municipalities.id, opportunities.municipalityId))
			// The action and the settings of the opportunity, each in the opportunity's municipality.
			.innerJoin(
				actions,
				and(eq(actions.id, opportunities.actionId), eq(actions.municipalityId, opportunities.municipalityId))
			)
			.leftJoin(
				suggestionSettings,
				and(
					eq(suggestionSettings.opportunityId, opportunities.id),
					eq(suggestionSettings.municipalityId, opportunities.municipalityId)
				)
			)
			.where(
				sql`(${opportunities.id}, ${opportunities.municipalityId}) in (select s.opportunity_id, s.municipality_id
					from ${suggestions} s where ${isWanted(sql`s.id`, sql`s.municipality_id`)})`
			)
	]);
	const byId = new Map(contexts.map((context) => [context.id, context]));
	return locked.flatMap((row) => {
		const context = byId.get(row.opportunityId);
		if (!context || context.municipalityId !== row.municipalityId) return [];
		return [{ ...context, ...row }];
	});
}

export type VoteTarget = Awaited<ReturnType<typeof lockVoteTargets>>[number];

export interface Voter {
	municipalityId: string;
	opportunityId: number;
	userId: string;
}

/**
 * Serialises each person's votes in an opportunity with a limit until the transaction ends, then returns
 * the suggestions they support there now.
 */
export async function lockVotersAndListTheirVotes(db: Db, params: { voters: Voter[] }) {
	if (params.voters.length === 0) return [];
	const keys = [...new Set(params.voters.map((v) => `vote:${v.opportunityId}:${v.userId}`))].sort();
	await db.execute(
		sql`SELECT pg_advisory_xact_lock(hashtext(k)) FROM (SELECT k FROM jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) AS k ORDER BY k) AS sorted`
	);
	return executeRows<{ opportunity_id: number; user_id: string; suggestion_id: number }>(
		db,
		sql`SELECT v.opportunity_id, v.user_id, v.suggestion_id FROM suggestion_votes v
			JOIN jsonb_to_recordset(${jsonParam(params.voters)}::jsonb)
				AS d("municipalityId" uuid, "opportunityId" int, "userId" uuid)
				ON v.municipality_id = d."municipalityId" AND v.opportunity_id = d."opportunityId" AND v.user_id = d."userId"`
	);
}

export interface VoteRow {
	municipalityId: string;
	opportunityId: number;
	suggestionId: number;
	userId: string;
}

export function voteKey(suggestionId: number, userId: string): string {
	return `${suggestionId}:${userId}`;
}

const VOTE_CAST = 'vote.cast' satisfies DomainEventName;
const VOTE_WITHDRAWN = 'vote.withdrawn' satisfies DomainEventName;

const byVote = (a: VoteRow, b: VoteRow) =>
	a.suggestionId - b.suggestionId || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/**
 * Inserts the votes that do not exist yet (the primary key decides), deletes those taken back that exist,
 * moves each suggestion's kept count by exactly what happened and writes one domain event per vote
 * inserted (`vote.cast`) or deleted (`vote.withdrawn`), in one statement (the suggestions are locked
 * already). The events take the same aggregate locks as writeDomainEvent, in suggestion order. Returns
 * the keys of the votes inserted and of those deleted.
 */
export async function writeVoteRows(
	db: Db,
	params: { inserts: VoteRow[]; deletes: VoteRow[] }
): Promise<{ inserted: Set<string>; deleted: Set<string> }> {
	if (params.inserts.length === 0 && params.deletes.length === 0)
		return { inserted: new Set(), deleted: new Set() };
	const rows = await executeRows<{ change: number; suggestion_id: number; user_id: string }>(
		db,
		sql`WITH
			ins AS (
				INSERT INTO ${suggestionVotes} (municipality_id, opportunity_id, suggestion_id, user_id)
				SELECT d."municipalityId", d."opportunityId", d."suggestionId", d."userId"
				FROM jsonb_to_recordset(${jsonParam([...params.inserts].sort(byVote))}::jsonb)
					AS d("municipalityId" uuid, "opportunityId" int, "suggestionId" int, "userId" uuid)
				ORDER BY d."suggestionId", d."userId"
				ON CONFLICT DO NOTHING
				RETURNING municipality_id, opportunity_id, suggestion_id, user_id),
			del AS (
				DELETE FROM ${suggestionVotes} v
				USING jsonb_to_recordset(${jsonParam([...params.deletes].sort(byVote))}::jsonb)
					AS d("municipalityId" uuid, "suggestionId" int, "userId" uuid)
				WHERE v.municipality_id = d."municipalityId" AND v.suggestion_id = d."suggestionId"
					AND v.user_id = d."userId"
				RETURNING v.municipality_id, v.opportunity_id, v.suggestion_id, v.user_id),
			changes AS (
				SELECT 1 AS change, municipality_id, opportunity_id, suggestion_id, user_id FROM ins
				UNION ALL SELECT -1, municipality_id, opportunity_id, suggestion_id, user_id FROM del),
			counted AS (
				UPDATE ${suggestions} s SET vote_count = s.vote_count + c.delta
				FROM (SELECT municipality_id, suggestion_id, sum(change)::int AS delta FROM changes
					GROUP BY municipality_id, suggestion_id) c
				WHERE s.id = c.suggestion_id AND s.municipality_id = c.municipality_id AND c.delta <> 0
				RETURNING s.id),
			aggregate_locks AS MATERIALIZED (
				SELECT l.suggestion_id, ${lockAggregateSql(sql`'suggestion'`, sql`l.suggestion_id::text`)} AS locked
				FROM (SELECT DISTINCT suggestion_id FROM changes ORDER BY suggestion_id) l),
			events AS (
				INSERT INTO ${domainEvents} (municipality_id, type, subject_kind, subject_id, actor_id, payload)
				SELECT c.municipality_id, CASE WHEN c.change > 0 THEN ${VOTE_CAST} ELSE ${VOTE_WITHDRAWN} END,
					'suggestion', c.suggestion_id::text, c.user_id,
					jsonb_build_object('opportunityId', c.opportunity_id)
				FROM changes c JOIN aggregate_locks l ON l.suggestion_id = c.suggestion_id
				ORDER BY c.suggestion_id, c.user_id
				RETURNING id)
		SELECT change, suggestion_id, user_id FROM changes`
	);
	const inserted = new Set<string>();
	const deleted = new Set<string>();
	for (const row of rows) (row.change > 0 ? inserted : deleted).add(voteKey(row.suggestion_id, row.user_id));
	return { inserted, deleted };
}
