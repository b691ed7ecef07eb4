// Votes (steunen): one per person per suggestion (the primary key), exact counts, an optional limit per
// opportunity ("kies je top 3"), open or closed with the opportunity's window.
//
// Written in groups: on a running server the votes that arrive while the previous group is being written
// wait and are then written together, in one transaction of a handful of set-based statements (group
// commit, see platform/batch.ts). A group is checked and applied as if its votes came one after the other
// in arrival order: the limit, the rate limit and the places left are those of that order; the count each
// vote answers is the count once its group is written. Without ctx.batches (most tests), each vote is a
// group of one in its own transaction.
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { hitRateLimits, rateLimited } from '$lib/server/platform/ratelimit';
import { submitBatched, type Settled } from '$lib/server/platform/batch';
import type { Db } from '$lib/server/db/client';
import { isOpenAt } from './suggestions.access';
import { canContribute, canSeeContribution } from './suggestions.policy';
import { RATE_LIMITED, RATE_LIMITS } from './suggestions.contribute.schemas';
import {
	lockVoteTargets,
	lockVotersAndListTheirVotes,
	voteKey,
	writeVoteRows,
	type VoteRow,
	type VoteTarget,
	type Voter
} from './suggestions.votes.queries';
import type { Actor } from '$lib/server/platform/policy';

export interface VoteResult {
	voted: boolean;
	voteCount: number;
	/** How many more this person may support in the opportunity; null without a limit. */
	remaining: number | null;
}

interface VoteRequest {
	actor: Actor;
	suggestionId: number;
	/** Cast (true) or take back (false). */
	on: boolean;
	/** The municipality of the page the vote comes from; null from the API, which names only the suggestion. */
	municipalityId: string | null;
}

const VOTE_BATCHER = 'suggestions.votes';
/** At most this many votes in one transaction. */
const MAX_GROUP = 250;

/**
 * Supports a listed suggestion of the municipality in ctx. Voting again is fine and counts once (two tabs
 * at the same moment too); past the opportunity's limit it is refused, except for one already supported.
 */
export function castVote(ctx: TenantCtx, input: { suggestionId: number }): Promise<VoteResult> {
	return submitVote(ctx, { ...input, on: true, municipalityId: ctx.tenant.id });
}

/** Takes a vote back; also fine when there was none. Only a deleted vote lowers the count. */
export function withdrawVote(ctx: TenantCtx, input: { suggestionId: number }): Promise<VoteResult> {
	return submitVote(ctx, { ...input, on: false, municipalityId: ctx.tenant.id });
}

/** The API names only the suggestion: its own municipality, when that takes part. */
export function castVoteById(ctx: Ctx, input: { suggestionId: number }): Promise<VoteResult> {
	return submitVote(ctx, { ...input, on: true, municipalityId: null });
}

export function withdrawVoteById(ctx: Ctx, input: { suggestionId: number }): Promise<VoteResult> {
	return submitVote(ctx, { ...input, on: false, municipalityId: null });
}

async function submitVote(
	ctx: Ctx,
	input: { suggestionId: number; on: boolean; municipalityId: string | null }
): Promise<VoteResult> {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const db = ctx.db;
	return submitBatched<VoteRequest, VoteResult>(
		ctx.batches,
		VOTE_BATCHER,
		(group) => writeVotes(db, group),
		{ maxSize: MAX_GROUP },
		{ ...input, actor: ctx.actor }
	);
}

/**
 * Writes a group of votes and answers each. Someone who changes their mind on one suggestion within the
 * group (cast, then take back) has the later votes written in a next round, after the earlier ones.
 */
async function writeVotes(db: Db, requests: VoteRequest[]): Promise<Settled<VoteResult>[]> {
	const outcomes: Settled<VoteResult>[] = new Array(requests.length);
	let pending = requests.map((request, index) => ({ request, index }));
	while (pending.length > 0) {
		const round: typeof pending = [];
		const later: typeof pending = [];
		const direction = new Map<string, boolean>();
		const deferred = new Set<string>();
		for (const entry of pending) {
			const key = voteKey(entry.request.suggestionId, entry.request.actor.userId);
			const seen = direction.get(key);
			if (deferred.has(key) || (seen !== undefined && seen !== entry.request.on)) {
				deferred.add(key);
				later.push(entry);
			} else {
				direction.set(key, entry.request.on);
				round.push(entry);
			}
		}
		const written = await writeRoundIsolated(
			db,
			round.map((entry) => entry.request)
		);
		round.forEach((entry, i) => (outcomes[entry.index] = written[i]!));
		pending = later;
	}
	return outcomes;
}

/** A round in one transaction; when that fails (a deadlock, a lost connection), each vote on its own. */
async function writeRoundIsolated(db: Db, requests: VoteRequest[]): Promise<Settled<VoteResult>[]> {
	try {
		return await writeRound(db, requests);
	} catch (error) {
		if (requests.length === 1) return [{ ok: false, error }];
		const outcomes: Settled<VoteResult>[] = [];
		for (const request of requests) outcomes.push(...(await writeRoundIsolated(db, [request])));
		return outcomes;
	}
}

/** One transaction for votes with at most one direction per (suggestion, person). */
function writeRound(db: Db, requests: VoteRequest[]): Promise<Settled<VoteResult>[]> {
	const now = new Date();
	return db.transaction(async (tx) => {
		const outcomes: (Settled<VoteResult> | undefined)[] = requests.map(() => undefined);
		const refuse = (index: number, error: AppError) => (outcomes[index] = { ok: false, error });
		const voterIds = [...new Set(requests.map((r) => r.actor.userId))];
		// The targets and every signed-in person's rate limit, in one round trip (the limit counts each attempt,
		// also one refused below).
		const [locked, hits] = await Promise.all([
			lockVoteTargets(tx, {
				targets: requests.map((r) => ({ id: r.suggestionId, municipalityId: r.municipalityId })),
				voterIds,
				now
			}),
			hitRateLimits(
				tx,
				requests.map((request) => ({
					key: `suggestion-vote:user:${request.actor.userId}`,
					...RATE_LIMITS.votes
				}))
			)
		]);
		const targets = new Map(locked.map((t) => [t.id, t]));
		const live = () =>
			requests.flatMap((request, index) => {
				const target = targets.get(request.suggestionId);
				return outcomes[index] || !target ? [] : [{ request, index, target }];
			});

		// Another municipality's suggestion, one whose action is not public, or one the person may not see
		// (waiting for moderation or rejected: only its author and the municipality's moderators see it):
		// simply not found, so its existence is not told either.
		requests.forEach((request, index) => {
			const target = targets.get(request.suggestionId);
			if (
				!target ||
				!target.participating ||
				!target.publicAction ||
				(request.municipalityId !== null && request.municipalityId !== target.municipalityId) ||
				!canSeeContribution(request.actor, target, target)
			)
				refuse(index, new AppError('not_found'));
		});

		for (const { request, index, target } of live())
			if (!canContribute(request.actor, target.blocked.includes(request.actor.userId)))
				refuse(index, new AppError('forbidden', { message: 'suggestions.errors.blocked' }));

		live().forEach(({ index }) => {
			const hit = hits[index]!;
			if (!hit.allowed) refuse(index, rateLimited(hit, RATE_LIMITED));
		});

		for (const { index, target } of live()) {
			if (target.moderation !== 'approved' || target.mergedIntoId !== null)
				refuse(index, new AppError('conflict', { message: 'suggestions.errors.notPublic' }));
			else if (!isOpenAt(target, now) || !target.votingOpen)
				refuse(index, new AppError('conflict', { message: 'suggestions.errors.votingClosed' }));
		}

		// With a limit: each person's supported suggestions in the opportunity, read under their lock.
		const voterOf = (request: VoteRequest, target: VoteTarget): Voter => ({
			municipalityId: target.municipalityId,
			opportunityId: target.opportunityId,
			userId: request.actor.userId
		});
		const voterKey = (v: Voter) => `${v.opportunityId}:${v.userId}`;
		const limited = live().filter(({ target }) => target.voteLimit);
		const supported = new Map<string, Set<number>>();
		for (const { request, target } of limited) supported.set(voterKey(voterOf(request, target)), new Set());
		for (const row of await lockVotersAndListTheirVotes(tx, {
			voters: limited.map(({ request, target }) => voterOf(request, target))
		}))
			supported.get(`${row.opportunity_id}:${row.user_id}`)?.add(row.suggestion_id);

		// In arrival order: what to insert and delete, and what each person has left.
		const inserts = new Map<string, VoteRow>();
		const deletes = new Map<string, VoteRow>();
		const remaining = new Map<number, number | null>();
		for (const { request, index, target } of live()) {
			const key = voteKey(target.id, request.actor.userId);
			const row = { ...voterOf(request, target), suggestionId: target.id };
			if (!target.voteLimit) {
				(request.on ? inserts : deletes).set(key, row);
				remaining.set(index, null);
				continue;
			}
			const mine = supported.get(voterKey(row))!;
			if (request.on && !mine.has(target.id)) {
				if (mine.size >= target.voteLimit) {
					refuse(
						index,
						new AppError('conflict', {
							message: 'suggestions.errors.voteLimit',
							details: { limit: target.voteLimit }
						})
					);
					continue;
				}
				mine.add(target.id);
				inserts.set(key, row);
			} else if (!request.on && mine.delete(target.id)) deletes.set(key, row);
			remaining.set(index, Math.max(0, target.voteLimit - mine.size));
		}

		const { inserted, deleted } = await writeVoteRows(tx, {
			inserts: [...inserts.values()],
			deletes: [...deletes.values()]
		});
		const delta = new Map<number, number>();
		for (const [key, row] of inserts)
			if (inserted.has(key)) delta.set(row.suggestionId, (delta.get(row.suggestionId) ?? 0) + 1);
		for (const [key, row] of deletes)
			if (deleted.has(key)) delta.set(row.suggestionId, (delta.get(row.suggestionId) ?? 0) - 1);

		for (const { request, index, target } of live())
			outcomes[index] = {
				ok: true,
				value: {
					voted: request.on,
					voteCount: target.voteCount + (delta.get(target.id) ?? 0),
					remaining: remaining.get(index) ?? null
				}
			};
		return outcomes as Settled<VoteResult>[];
	});
}
