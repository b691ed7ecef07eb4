// What every back-office use case of actions (and their updates) starts from: who may read or manage them,
// the action of this municipality by its unverified id, and who to name in its history.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import type { Db } from '$lib/server/db/client';
import { canManageActions } from './actions.policy';
import { getAction, type ActionRow } from './actions.queries';
import { authorizeMunicipality, type BackofficeScope } from '$lib/server/platform/backoffice';
import { parseSluggedId } from '$lib/domain/ids';

export interface ActionsScope extends BackofficeScope {
	canManage: boolean;
}

/**
 * Everyone with the back office here may read actions; only those the policy lets manage them may change
 * anything. A citizen or staff of another municipality is refused before anything is read.
 */
export async function authorizeActions(ctx: Ctx, need: 'read' | 'manage'): Promise<ActionsScope> {
	const scope = await authorizeMunicipality(ctx, 'backoffice.view');
	const canManage = canManageActions(scope.actor, {
		municipalityId: scope.municipality.id,
		regionId: scope.municipality.regionId
	});
	if (need === 'manage' && !canManage) {
		ctx.log.warn(
			{ userId: scope.actor.userId, municipalityId: scope.municipality.id },
			'actions back office: change refused'
		);
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return { ...scope, canManage };
}

export function who(scope: BackofficeScope) {
	return { actorId: scope.actor.userId, actorName: scope.actor.displayName };
}

export async function findAction(db: Db, municipalityId: string, unverifiedId: unknown): Promise<ActionRow> {
	const id = parseSluggedId(unverifiedId)?.id ?? null;
	const row = id === null ? undefined : await getAction(db, { municipalityId, id });
	if (!row) throw new AppError('not_found');
	return row;
}
