// The first step of every back-office use case: who is asking, for which municipality, and may they.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities, users } from '$lib/server/db/schema';
import type { Ctx } from './context';
import { AppError } from './errors';
import { cached } from './cache';
import { writeAudit, type AuditAction } from './audit';
import { can, isStaff, municipalityAbilities, type Actor, type MunicipalityAbility } from './policy';

export interface BackofficeScope {
	actor: Actor;
	municipality: { id: string; regionId: string; slug: string; name: string };
}

/** The name staff see: the legal name when the identity provider gave one, else the public display name. */
export const staffName = sql<string>`coalesce(nullif(concat_ws(' ', ${users.givenName}, ${users.familyName}), ''), ${users.displayName})`;

async function getBackofficeMunicipality(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({
			id: municipalities.id,
			regionId: municipalities.regionId,
			slug: municipalities.slug,
			name: municipalities.name
		})
		.from(municipalities)
		.where(eq(municipalities.id, params.municipalityId))
		.limit(1);
	return row;
}

/**
 * The municipality of the request as the back office needs it, from the App's read cache: every back-office
 * page asks for it (its menu and its use case), and its region, slug and name change (almost) never.
 */
function requestMunicipality(ctx: Ctx, municipalityId: string) {
	return cached(ctx.cache, `backoffice-municipality:${municipalityId}`, () =>
		getBackofficeMunicipality(ctx.db, { municipalityId })
	);
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
	const municipality = await requestMunicipality(ctx, ctx.tenant.id);
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
	if (!isStaff(ctx.actor)) return new Set();
	const municipality = await requestMunicipality(ctx, ctx.tenant.id);
	if (!municipality) return null;
	return municipalityAbilities(ctx.actor, {
		municipalityId: municipality.id,
		regionId: municipality.regionId
	});
}

/**
 * The audit writer of a back-office command helper (command.ts): each entry as done by the scope's person in
 * its municipality, in the change's transaction.
 */
export async function writeScopedAudit(
	tx: Db,
	scope: BackofficeScope,
	entries: readonly { action: AuditAction; details?: Record<string, unknown> }[]
): Promise<void> {
	for (const entry of entries)
		await writeAudit(tx, {
			regionId: scope.municipality.regionId,
			municipalityId: scope.municipality.id,
			actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
			action: entry.action,
			details: entry.details
		});
}
