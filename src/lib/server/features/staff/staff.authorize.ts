// The first step of every back-office use case: who is asking, for which municipality, and may they.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import {
	can,
	municipalityAbilities,
	type Actor,
	type MunicipalityAbility
} from '$lib/server/features/accounts/accounts.policy';
import { getBackofficeMunicipality } from './staff.queries';

export interface BackofficeScope {
	actor: Actor;
	municipality: { id: string; regionId: string; slug: string; name: string };
}

/**
 * Refuses a visitor (unauthenticated) and anyone without the ability in the municipality of the
 * request (forbidden). Nothing about the municipality's data is read before this answers.
 */
export async function authorizeMunicipality(
	ctx: Ctx,
	ability: MunicipalityAbility
): Promise<BackofficeScope> {
	const actor = ctx.actor;
	if (!actor) throw new AppError('unauthenticated');
	if (!ctx.tenant) throw new AppError('not_found');
	const municipality = await getBackofficeMunicipality(ctx.db, { municipalityId: ctx.tenant.id });
	if (!municipality) throw new AppError('not_found');
	if (!can(actor, ability, { municipalityId: municipality.id, regionId: municipality.regionId })) {
		ctx.log.warn({ userId: actor.userId, ability, municipalityId: municipality.id }, 'back office refused');
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return { actor, municipality };
}

/** Every ability of the actor in the request's municipality, without refusing anyone. */
export async function abilitiesHere(ctx: Ctx): Promise<Set<MunicipalityAbility> | null> {
	if (!ctx.actor || !ctx.tenant) return null;
	if (ctx.actor.memberships.length === 0 && ctx.actor.regionRoles.length === 0) return new Set();
	const municipality = await getBackofficeMunicipality(ctx.db, { municipalityId: ctx.tenant.id });
	if (!municipality) return null;
	return municipalityAbilities(ctx.actor, {
		municipalityId: municipality.id,
		regionId: municipality.regionId
	});
}
