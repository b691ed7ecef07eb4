// The question after a contribution whether to join the pool of climate makers (seed: everyone who takes part
// stays in the pool and keeps hearing about actions; under the GDPR that is their choice). It is asked in the
// confirmation of a suggestion, a vote, a comment or a registration until the person answers it once; "yes"
// gives the `pool` and `updates` consents for the current texts, "no" is remembered and nothing is given.
import { z } from 'zod';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { isSlug } from '$lib/domain/slugs';
import { getMunicipalityBySlug } from '$lib/server/features/municipalities/municipalities.service';
import type { Db } from '$lib/server/db/client';
import { getPoolStanding, getUser, updateUser, type UserRow } from './profile.queries';
import { recordConsent } from './profile.service';

export interface PoolQuestion {
	/** The pool asked about: the person's home municipality, or, without one, the one they took part in. */
	municipality: { slug: string; name: string };
	/** Yes makes it their home municipality too (they had none). */
	setsHome: boolean;
}

/**
 * Whether to ask the signed-in person, here, to join the pool: not when they answered before, are in the
 * pool, ever gave its consent (and perhaps withdrew it in their profile), or have no home and are on no
 * participating municipality's page (`here`, by default the request's municipality).
 */
export async function getPoolQuestion(
	ctx: Ctx,
	input: { here?: string | null } = {}
): Promise<PoolQuestion | null> {
	if (!ctx.actor) return null;
	const here = input.here ?? ctx.tenant?.slug ?? null;
	const row = await getPoolStanding(ctx.db, {
		userId: ctx.actor.userId,
		hereSlug: here && isSlug(here) ? here : null
	});
	if (!row || row.answered || row.in_pool || row.ever_consented) return null;
	if (row.home_slug && row.home_name)
		return { municipality: { slug: row.home_slug, name: row.home_name }, setsHome: false };
	if (row.here_slug && row.here_name)
		return { municipality: { slug: row.here_slug, name: row.here_name }, setsHome: true };
	return null;
}

/**
 * Writes an answer in the caller's transaction: when it was given, and for yes the pool of `homeId` (their
 * home from now on), weekly mail on their themes unless they chose a frequency, and the two consents.
 */
export async function recordPoolAnswer(
	tx: Db,
	params: { userId: string; join: boolean; homeId: string; user: Pick<UserRow, 'mailFrequency'> }
): Promise<void> {
	const { userId } = params;
	if (!params.join) {
		await updateUser(tx, { userId, values: { poolAnsweredAt: new Date() } });
		return;
	}
	await updateUser(tx, {
		userId,
		values: {
			poolAnsweredAt: new Date(),
			homeMunicipalityId: params.homeId,
			wantsToHelp: true,
			mailFrequency: params.user.mailFrequency === 'never' ? 'weekly' : params.user.mailFrequency
		}
	});
	await recordConsent(tx, { userId, kind: 'pool', given: true });
	await recordConsent(tx, { userId, kind: 'updates', given: true });
}

const answerInput = z.object({
	join: z.boolean(),
	municipality: z.string().max(100).refine(isSlug)
});

/**
 * Records the person's answer. Yes: into the pool of their home municipality (the one asked about becomes
 * their home if they had none), mails on their themes weekly unless they chose another frequency, and the
 * `pool` and `updates` consents, in one transaction. No: only that they answered. Returns the pool's name.
 */
export async function answerPoolQuestion(
	ctx: Ctx,
	input: { join: boolean; municipality: string }
): Promise<{ municipality: string }> {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const userId = ctx.actor.userId;
	const parsed = answerInput.safeParse(input);
	if (!parsed.success) throw new AppError('validation', { message: 'pool.invalid' });
	return ctx.db.transaction(async (tx) => {
		const user = await getUser(tx, { userId });
		const standing = await getPoolStanding(tx, { userId, hereSlug: null });
		if (!user || user.deletedAt || !standing) throw new AppError('unauthenticated');
		let home =
			standing.home_id && standing.home_name ? { id: standing.home_id, name: standing.home_name } : null;
		if (!home) {
			const here = await getMunicipalityBySlug(tx, { slug: parsed.data.municipality });
			if (here?.participating) home = { id: here.id, name: here.name };
		}
		if (!home) throw new AppError('validation', { message: 'pool.invalid' });
		await recordPoolAnswer(tx, { userId, join: parsed.data.join, homeId: home.id, user });
		if (parsed.data.join) ctx.log.info({ userId }, 'joined the pool after a contribution');
		return { municipality: home.name };
	});
}

/** What a page shows about the pool: the question, or the answer just given (with the pool's name). */
export type PoolPrompt =
	{ ask: PoolQuestion } | { answered: 'joined' | 'declined'; municipality: string | null } | null;

/** The flash values of the answer, as the answer's redirect carries them back (?gelukt=pool-ja). */
export const POOL_ANSWERED = { 'pool-ja': 'joined', 'pool-nee': 'declined' } as const;

/**
 * For a page that confirms something: the answer just given (`done` is the page's flash), or, when what
 * it confirms is a contribution, the question; otherwise nothing (and no query).
 */
export async function getPoolPrompt(
	ctx: Ctx,
	input: { done: string | null; afterContribution: boolean; here?: string | null }
): Promise<PoolPrompt> {
	if (!ctx.actor) return null;
	if (input.done && Object.hasOwn(POOL_ANSWERED, input.done)) {
		const standing = await getPoolStanding(ctx.db, { userId: ctx.actor.userId, hereSlug: null });
		return {
			answered: POOL_ANSWERED[input.done as keyof typeof POOL_ANSWERED],
			municipality: standing?.home_name ?? null
		};
	}
	if (!input.afterContribution) return null;
	const ask = await getPoolQuestion(ctx, { here: input.here });
	return ask ? { ask } : null;
}
