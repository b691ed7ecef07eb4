// What every back-office use case of stories starts from: the policy's answer (stories.policy.ts) bound into
// the command helper with the audit log as its audit writer, and the story of this municipality by its
// unverified id.
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { commands } from '$lib/server/platform/command';
import type { AuditAction } from '$lib/server/platform/audit';
import {
	authorizeMunicipality,
	writeScopedAudit,
	type BackofficeScope
} from '$lib/server/platform/backoffice';
import { parseId } from '$lib/domain/ids';
import { canModerateStories } from './stories.policy';
import { getStory, type StoryRow } from './stories.queries';
import { storyFieldOf } from './stories.schemas';

/** Refuses everyone the policy does not let moderate stories here, before anything of the municipality is read. */
export async function authorizeStories(ctx: Ctx): Promise<BackofficeScope> {
	const scope = await authorizeMunicipality(ctx, 'backoffice.view');
	const target = { municipalityId: scope.municipality.id, regionId: scope.municipality.regionId };
	if (!canModerateStories(scope.actor, target)) {
		ctx.log.warn({ userId: scope.actor.userId, municipalityId: scope.municipality.id }, 'stories refused');
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return scope;
}

export interface StoryAudit {
	action: AuditAction;
	details: { storyId: number; name: string } & Record<string, unknown>;
}

export const { command } = commands<Ctx, BackofficeScope, StoryAudit>({
	authorize: authorizeStories,
	writeAudit: writeScopedAudit,
	fallback: 'backoffice.errors.invalid',
	fieldOf: storyFieldOf
});

/** The story of this municipality by an id from the address; anything else is not found. */
export async function findStory(
	db: Db,
	scope: BackofficeScope,
	unverifiedId: unknown,
	forUpdate = false
): Promise<StoryRow> {
	const id = parseId(unverifiedId);
	const row =
		id === null ? undefined : await getStory(db, { municipalityId: scope.municipality.id, id, forUpdate });
	if (!row) throw new AppError('not_found');
	return row;
}
