// Votes: exact counts under concurrency (two tabs, many people, a limit of 3), windows, refusals, tenants;
// each vote in its own transaction and, as on a running server, written in groups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { contributionBlocks, domainEvents, suggestionVotes, suggestions } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import { gatherRateLimitHits } from '$lib/server/testing/ratelimit';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { untilSomeoneWaitsForALock } from '$lib/server/testing/locks';
import { buildCtx as buildPlainCtx } from '$lib/server/testing/context';
import { createBatches, type Batches } from '$lib/server/platform/batch';
import {
	buildParticipatingMunicipality,
	actorOf,
	buildUser,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity
} from '$lib/server/testing/factories';
import { upsertSuggestionSettings } from './suggestions.queries';
import { castVote, castVoteById, withdrawVote, withdrawVoteById } from './suggestions.votes.service';
import { refusal as refusalOf } from '$lib/server/platform/http';
import type { Actor } from '$lib/server/platform/policy';
import { refusal } from '$lib/server/testing/assertions';

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;

async function person(): Promise<Actor> {
	return actorOf(db, await buildUser(db));
}

/** vote_count as kept, and count(*) of the votes themselves: they must always agree. */
async function counts(id: number) {
	const [kept] = await db
		.select({ n: suggestions.voteCount })
		.from(suggestions)
		.where(eq(suggestions.id, id));
	const [rows] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(suggestionVotes)
		.where(eq(suggestionVotes.suggestionId, id));
	return { kept: kept?.n, rows: Number(rows?.n) };
}

/** Resolves once the vote waits for the merge (see untilSomeoneWaitsForALock). */
const voteWaitsForTheMerge = () => untilSomeoneWaitsForALock(database, 'the vote');

/** The vote events written about a suggestion, oldest first. */
async function voteEvents(id: number) {
	return db
		.select({ type: domainEvents.type, actorId: domainEvents.actorId, payload: domainEvents.payload })
		.from(domainEvents)
		.where(
			sql`${domainEvents.subjectKind} = 'suggestion' AND ${domainEvents.subjectId} = ${String(id)}
				AND ${domainEvents.type} LIKE 'vote.%'`
		)
		.orderBy(domainEvents.id);
}

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
});

afterAll(async () => {
	await database.destroy();
});

describe.each([
	{ mode: 'each in its own transaction', batches: undefined },
	{ mode: 'written in groups', batches: createBatches() }
])('castVote and withdrawVote, $mode', ({ batches }: { batches: Batches | undefined }) => {
	const buildCtx: typeof buildPlainCtx = ((d: Db, tenant?: Tenant, extra = {}) =>
		buildPlainCtx(d, tenant as Tenant, { ...extra, batches })) as typeof buildPlainCtx;

	it('counts one vote once, is idempotent, and takes it back exactly once', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const ctx = buildCtx(db, geel, { actor: await person() });
		expect(await castVote(ctx, { suggestionId: s.id })).toEqual({
			voted: true,
			voteCount: 1,
			remaining: null
		});
		expect(await castVote(ctx, { suggestionId: s.id })).toEqual({
			voted: true,
			voteCount: 1,
			remaining: null
		});
		expect(await withdrawVote(ctx, { suggestionId: s.id })).toEqual({
			voted: false,
			voteCount: 0,
			remaining: null
		});
		expect(await withdrawVote(ctx, { suggestionId: s.id })).toMatchObject({ voted: false, voteCount: 0 });
		expect(await counts(s.id)).toEqual({ kept: 0, rows: 0 });
	});

	it('writes one event per vote cast or taken back, none for a repeated or refused one', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { voteLimit: 1 });
		const [s, t] = [await buildSuggestion(db, geel, id), await buildSuggestion(db, geel, id)];
		const actor = await person();
		const ctx = buildCtx(db, geel, { actor });
		await castVote(ctx, { suggestionId: s.id });
		await castVote(ctx, { suggestionId: s.id });
		await refusal(castVote(ctx, { suggestionId: t.id }), 'conflict');
		await withdrawVote(ctx, { suggestionId: s.id });
		await withdrawVote(ctx, { suggestionId: s.id });
		expect(await voteEvents(s.id)).toEqual([
			{ type: 'vote.cast', actorId: actor.userId, payload: { opportunityId: id } },
			{ type: 'vote.withdrawn', actorId: actor.userId, payload: { opportunityId: id } }
		]);
		expect(await voteEvents(t.id)).toEqual([]);

		// Many at once (one group when grouped): one event each, and none for a closed opportunity.
		const people = await Promise.all(Array.from({ length: 12 }, () => person()));
		const closed = await buildSuggestionOpportunity(db, geel, { closesAt: new Date(Date.now() - 60_000) });
		const c = await buildSuggestion(db, geel, closed.id);
		await Promise.allSettled(
			people.flatMap((voter) => [
				castVote(buildCtx(db, geel, { actor: voter }), { suggestionId: t.id }),
				castVote(buildCtx(db, geel, { actor: voter }), { suggestionId: c.id })
			])
		);
		const cast = await voteEvents(t.id);
		expect(cast.map((e) => e.type)).toEqual(people.map(() => 'vote.cast'));
		expect(new Set(cast.map((e) => e.actorId))).toEqual(new Set(people.map((p) => p.userId)));
		expect(await voteEvents(c.id)).toEqual([]);
		expect(await counts(t.id)).toEqual({ kept: 12, rows: 12 });
	});

	it('counts the same person voting twice at the same moment (two tabs) once', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const ctx = buildCtx(db, geel, { actor: await person() });
		const results = await Promise.all([
			castVote(ctx, { suggestionId: s.id }),
			castVote(ctx, { suggestionId: s.id }),
			castVote(ctx, { suggestionId: s.id })
		]);
		expect(results.every((r) => r.voted)).toBe(true);
		expect(await counts(s.id)).toEqual({ kept: 1, rows: 1 });
		await Promise.all([withdrawVote(ctx, { suggestionId: s.id }), withdrawVote(ctx, { suggestionId: s.id })]);
		expect(await counts(s.id)).toEqual({ kept: 0, rows: 0 });
	});

	it('counts many people voting at once exactly', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const people = await Promise.all(Array.from({ length: 40 }, () => person()));
		await Promise.all(people.map((actor) => castVote(buildCtx(db, geel, { actor }), { suggestionId: s.id })));
		expect(await counts(s.id)).toEqual({ kept: 40, rows: 40 });
		// Half take it back while the others vote again: still exact.
		await Promise.all(
			people.map((actor, i) =>
				i % 2 === 0
					? withdrawVote(buildCtx(db, geel, { actor }), { suggestionId: s.id })
					: castVote(buildCtx(db, geel, { actor }), { suggestionId: s.id })
			)
		);
		expect(await counts(s.id)).toEqual({ kept: 20, rows: 20 });
	});

	it('holds a limit of 3 when one person votes on several suggestions at once', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { voteLimit: 3 });
		const list = await Promise.all(Array.from({ length: 6 }, () => buildSuggestion(db, geel, id)));
		const ctx = buildCtx(db, geel, { actor: await person() });
		const settled = await Promise.allSettled(list.map((s) => castVote(ctx, { suggestionId: s.id })));
		const ok = settled.filter((r) => r.status === 'fulfilled');
		expect(ok).toHaveLength(3);
		for (const r of settled.filter((r) => r.status === 'rejected')) {
			const err = (r as PromiseRejectedResult).reason;
			expect(err.code).toBe('conflict');
			expect(refusalOf('nl', err).message).toBe(
				'Je steunt al 3 suggesties. Trek eerst een steun in om een andere te kiezen.'
			);
		}
		for (const s of list) {
			const c = await counts(s.id);
			expect(c.kept).toBe(c.rows);
		}
		const [total] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(suggestionVotes)
			.where(eq(suggestionVotes.opportunityId, id));
		expect(Number(total?.n)).toBe(3);
		// At the limit, voting again on one already supported is fine; withdrawing frees a place.
		const supported = list.filter((_, i) => settled[i]!.status === 'fulfilled');
		expect(await castVote(ctx, { suggestionId: supported[0]!.id })).toMatchObject({
			voted: true,
			remaining: 0
		});
		expect(await withdrawVote(ctx, { suggestionId: supported[0]!.id })).toMatchObject({ remaining: 1 });
		const other = list.find((s) => !supported.includes(s))!;
		expect(await castVote(ctx, { suggestionId: other.id })).toMatchObject({ voted: true, remaining: 0 });
	});

	it('refuses votes when voting is switched off or the window closed, and keeps the count', async () => {
		const off = await buildSuggestionOpportunity(db, geel, { votingOpen: false });
		const a = await buildSuggestion(db, geel, off.id);
		const closed = await buildSuggestionOpportunity(db, geel, { closesAt: new Date(Date.now() - 60_000) });
		const b = await buildSuggestion(db, geel, closed.id);
		const ctx = buildCtx(db, geel, { actor: await person() });
		for (const s of [a, b]) {
			const err = await refusal(castVote(ctx, { suggestionId: s.id }), 'conflict');
			expect(refusalOf('nl', err).message).toBe('Steunen kan niet meer: de stemming is gesloten.');
			expect(await counts(s.id)).toEqual({ kept: 0, rows: 0 });
		}
		// Reopened: votes count again.
		await upsertSuggestionSettings(db, { municipalityId: geel.id, opportunityId: off.id, votingOpen: true });
		expect(await castVote(ctx, { suggestionId: a.id })).toMatchObject({ voteCount: 1 });
	});

	it('refuses visitors, blocked people, pending suggestions and another municipality', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const actor = await person();
		// Its author sees it, and is told it is not public yet (anyone else finds nothing: see below).
		const pending = await buildSuggestion(db, geel, id, { moderation: 'pending', authorId: actor.userId });
		await refusal(castVote(buildCtx(db, geel), { suggestionId: s.id }), 'unauthenticated');
		const blocked = await person();
		await db.insert(contributionBlocks).values({ municipalityId: geel.id, userId: blocked.userId });
		const err = await refusal(
			castVote(buildCtx(db, geel, { actor: blocked }), { suggestionId: s.id }),
			'forbidden'
		);
		expect(err.messageKey).toBe('suggestions.errors.blocked');
		await refusal(castVote(buildCtx(db, geel, { actor }), { suggestionId: pending.id }), 'conflict');
		// Mol's context with Geel's id: simply not found, nothing changed.
		await refusal(castVote(buildCtx(db, mol, { actor }), { suggestionId: s.id }), 'not_found');
		await refusal(withdrawVote(buildCtx(db, mol, { actor }), { suggestionId: s.id }), 'not_found');
		expect(await counts(s.id)).toEqual({ kept: 0, rows: 0 });
	});

	it('answers not found to a vote on a suggestion the person may not see; its author and moderators hear it is not public', async () => {
		const { id } = await buildSuggestionOpportunity(db, mol);
		const author = await person();
		const pending = await buildSuggestion(db, mol, id, { moderation: 'pending', authorId: author.userId });
		const rejected = await buildSuggestion(db, mol, id, { moderation: 'rejected', authorId: author.userId });
		const strangers = [await person(), (await buildStaff(db, geel, 'moderator')).actor];
		const insiders = [author, (await buildStaff(db, mol, 'moderator')).actor];
		for (const s of [pending, rejected]) {
			for (const actor of strangers) {
				await refusal(castVote(buildCtx(db, mol, { actor }), { suggestionId: s.id }), 'not_found');
				await refusal(withdrawVote(buildCtx(db, mol, { actor }), { suggestionId: s.id }), 'not_found');
				await refusal(castVoteById(buildCtx(db, undefined, { actor }), { suggestionId: s.id }), 'not_found');
				await refusal(
					withdrawVoteById(buildCtx(db, undefined, { actor }), { suggestionId: s.id }),
					'not_found'
				);
			}
			for (const actor of insiders) {
				const err = await refusal(castVote(buildCtx(db, mol, { actor }), { suggestionId: s.id }), 'conflict');
				expect(err.messageKey).toBe('suggestions.errors.notPublic');
			}
			expect(await counts(s.id)).toEqual({ kept: 0, rows: 0 });
		}
	});

	it('limits one person to 60 votes a minute', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const ctx = buildCtx(db, geel, { actor: await person() });
		for (let i = 0; i < 30; i++) {
			await castVote(ctx, { suggestionId: s.id });
			await withdrawVote(ctx, { suggestionId: s.id });
		}
		// The 60 may have straddled the end of a minute: count them all in the current one.
		await gatherRateLimitHits(db, `suggestion-vote:user:${ctx.actor!.userId}`, 60);
		const err = await refusal(castVote(ctx, { suggestionId: s.id }), 'rate_limited');
		expect(refusalOf('nl', err).message).toContain('Probeer het over een tijdje opnieuw');
		expect(await counts(s.id)).toEqual({ kept: 0, rows: 0 });
	});

	it('votes through the API by id, finding the municipality itself', async () => {
		const { id } = await buildSuggestionOpportunity(db, mol);
		const s = await buildSuggestion(db, mol, id);
		const ctx = buildCtx(db, undefined, { actor: await person() });
		expect(await castVoteById(ctx, { suggestionId: s.id })).toMatchObject({ voted: true, voteCount: 1 });
		expect(await withdrawVoteById(ctx, { suggestionId: s.id })).toMatchObject({ voted: false, voteCount: 0 });
		await refusal(castVoteById(ctx, { suggestionId: 2_000_000_000 }), 'not_found');
	});

	it('refuses a vote that races a merge, and leaves no vote on the merged suggestion', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const kept = await buildSuggestion(db, geel, id);
		const merged = await buildSuggestion(db, geel, id);
		const ctx = buildCtx(db, geel, { actor: await person() });
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let locked!: () => void;
		const isLocked = new Promise<void>((resolve) => (locked = resolve));
		// A moderator's merge holds the row while the vote's checks still see it listed (on PostgreSQL).
		const merge = db.transaction(async (tx) => {
			await tx.execute(sql`SELECT id FROM suggestions WHERE id = ${merged.id} FOR UPDATE`);
			locked();
			await gate;
			await tx.update(suggestions).set({ mergedIntoId: kept.id }).where(eq(suggestions.id, merged.id));
		});
		await isLocked;
		const vote = castVote(ctx, { suggestionId: merged.id }).then(
			() => null,
			(err: unknown) => err
		);
		try {
			await voteWaitsForTheMerge();
		} finally {
			release();
		}
		await merge;
		const err = await vote;
		expect(err).toMatchObject({ code: 'conflict' });
		expect(await counts(merged.id)).toEqual({ kept: 0, rows: 0 });
	});
});

describe('votes written in one group', () => {
	/** Submitted in the same turn of the event loop, so the idle batcher writes them as one group. */
	const together = <T>(calls: (() => Promise<T>)[]) => Promise.allSettled(calls.map((call) => call()));
	const reason = (r: PromiseSettledResult<unknown> | undefined) =>
		r?.status === 'rejected' ? r.reason : null;

	it('answers each vote of a mixed group on its own, and counts only the good ones', async () => {
		const batches = createBatches();
		const at = (tenant: Tenant, actor?: Actor) => buildPlainCtx(db, tenant, { actor, batches });
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const [a, b, d] = [await person(), await person(), await person()];
		// a's own suggestion, waiting for moderation: a sees it, and is told it is not public yet.
		const pending = await buildSuggestion(db, geel, id, { moderation: 'pending', authorId: a.userId });
		const merged = await buildSuggestion(db, geel, id);
		await db.update(suggestions).set({ mergedIntoId: s.id }).where(eq(suggestions.id, merged.id));
		const closed = await buildSuggestionOpportunity(db, geel, { closesAt: new Date(Date.now() - 60_000) });
		const late = await buildSuggestion(db, geel, closed.id);
		await db.insert(contributionBlocks).values({ municipalityId: geel.id, userId: b.userId });

		const results = await together([
			() => castVote(at(geel, a), { suggestionId: s.id }),
			() => castVote(at(geel, b), { suggestionId: s.id }),
			() => castVote(at(geel, a), { suggestionId: pending.id }),
			() => castVote(at(geel, a), { suggestionId: merged.id }),
			() => castVote(at(mol, a), { suggestionId: s.id }),
			() => castVote(at(geel, a), { suggestionId: late.id }),
			() => castVote(at(geel), { suggestionId: s.id }),
			() => castVote(at(geel, d), { suggestionId: s.id })
		]);
		expect(results[0]).toEqual({
			status: 'fulfilled',
			value: { voted: true, voteCount: 2, remaining: null }
		});
		expect(reason(results[1])).toMatchObject({ code: 'forbidden', messageKey: 'suggestions.errors.blocked' });
		expect(reason(results[2])).toMatchObject({
			code: 'conflict',
			messageKey: 'suggestions.errors.notPublic'
		});
		expect(reason(results[3])).toMatchObject({
			code: 'conflict',
			messageKey: 'suggestions.errors.notPublic'
		});
		expect(reason(results[4])).toMatchObject({ code: 'not_found' });
		expect(reason(results[5])).toMatchObject({
			code: 'conflict',
			messageKey: 'suggestions.errors.votingClosed'
		});
		expect(reason(results[6])).toMatchObject({ code: 'unauthenticated' });
		expect(results[7]).toEqual({
			status: 'fulfilled',
			value: { voted: true, voteCount: 2, remaining: null }
		});
		expect(await counts(s.id)).toEqual({ kept: 2, rows: 2 });
		for (const other of [pending, merged, late]) expect(await counts(other.id)).toEqual({ kept: 0, rows: 0 });
	});

	it('follows arrival order when someone changes their mind within one group', async () => {
		const batches = createBatches();
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const mind = buildPlainCtx(db, geel, { actor: await person(), batches });
		const other = buildPlainCtx(db, geel, { actor: await person(), batches });
		const results = await together([
			() => castVote(mind, { suggestionId: s.id }),
			() => withdrawVote(mind, { suggestionId: s.id }),
			() => castVote(other, { suggestionId: s.id }),
			() => castVote(mind, { suggestionId: s.id }),
			() => withdrawVote(mind, { suggestionId: s.id })
		]);
		expect(results.map((r) => (r.status === 'fulfilled' ? [r.value.voted, r.value.voteCount] : r))).toEqual([
			[true, 2],
			[false, 1],
			[true, 2],
			[true, 2],
			[false, 1]
		]);
		expect(await counts(s.id)).toEqual({ kept: 1, rows: 1 });
	});

	it('refuses the 61st vote of one person in a minute, also within one group', async () => {
		const batches = createBatches();
		const { id } = await buildSuggestionOpportunity(db, geel);
		const list = await Promise.all(Array.from({ length: 61 }, () => buildSuggestion(db, geel, id)));
		const ctx = buildPlainCtx(db, geel, { actor: await person(), batches });
		const results = await together(list.map((s) => () => castVote(ctx, { suggestionId: s.id })));
		expect(results.slice(0, 60).every((r) => r.status === 'fulfilled')).toBe(true);
		expect(reason(results[60])).toMatchObject({ code: 'rate_limited' });
		expect(await counts(list[60]!.id)).toEqual({ kept: 0, rows: 0 });
	});
});
