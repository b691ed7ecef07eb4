// What every back-office use case of actions (and their updates) starts from: who may read or manage them,
// bound into the command helper (changes written in the action's history), and the action of this
// municipality by its unverified id.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { commands } from '$lib/server/platform/command';
import type { Db } from '$lib/server/db/client';
import { canManageActions } from './actions.policy';
import { getAction, type ActionRow } from './actions.queries';
import { actionFieldOf } from './actions.admin.schemas';
import { writeActionHistory, type ActionHistoryEntry } from './actions.history';
import { authorizeMunicipality, type BackofficeScope } from '$lib/server/platform/backoffice';
import { parseSluggedId } from '$lib/domain/ids';

export interface ActionsScope extends BackofficeScope {
	canManage: boolean;
}

/**
 * Everyone with the back office here may read actions; only those the policy lets manage them may change
 * anything. A citizen or staff of another municipality is refused before anything is read.
 */
async function authorizeActions(ctx: Ctx, need: 'read' | 'manage'): Promise<ActionsScope> {
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

const base = { fallback: 'backoffice.errors.invalid', fieldOf: actionFieldOf } as const;

/**
 * Every use case that changes an action or its updates (and the forms that lead to a change): managers only,
 * refused before anything is read, input checked with the catalogue's keys (a link row's fields apart), and
 * what a change records written in the action's history in its transaction.
 */
export const { command } = commands<Ctx, ActionsScope, ActionHistoryEntry>({
	...base,
	authorize: (ctx) => authorizeActions(ctx, 'manage'),
	writeAudit: writeActionHistory
});

/** Every read of the back office of actions: anyone with the back office here; `scope.canManage` says more. */
export const { command: read } = commands<Ctx, ActionsScope>({
	...base,
	authorize: (ctx) => authorizeActions(ctx, 'read')
});

export async function findAction(db: Db, municipalityId: string, unverifiedId: unknown): Promise<ActionRow> {
	const id = parseSluggedId(unverifiedId)?.id ?? null;
	const row = id === null ? undefined : await getAction(db, { municipalityId, id });
	if (!row) throw new AppError('not_found');
	return row;
}
