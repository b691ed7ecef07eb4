// What every back-office use case of the Climate Pact starts from: the policy's answer (climate-pact.policy.ts)
// bound into the command helper with the audit log as its audit writer, twice: `read` for everyone who may read
// the pact here and `command` for those who change it; and an outcome of this municipality by its unverified id.
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
import { canManagePact, canViewPact } from './climate-pact.policy';
import { getOutcome, type OutcomeRow } from './climate-pact.queries';
import { pactFieldOf } from './climate-pact.schemas';

export interface PactScope extends BackofficeScope {
	/** Whether the person may change the pact here (the page offers the changes). */
	canManage: boolean;
}

async function authorizePact(ctx: Ctx, manage: boolean): Promise<PactScope> {
	const scope = await authorizeMunicipality(ctx, 'backoffice.view');
	const target = { municipalityId: scope.municipality.id, regionId: scope.municipality.regionId };
	const canManage = canManagePact(scope.actor, target);
	if (!canViewPact(scope.actor, target) || (manage && !canManage)) {
		ctx.log.warn(
			{ userId: scope.actor.userId, municipalityId: scope.municipality.id },
			'climate pact refused'
		);
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return { ...scope, canManage };
}

export interface PactAudit {
	action: AuditAction;
	details: { outcomeId?: number } & Record<string, unknown>;
}

export const { command } = commands<Ctx, PactScope, PactAudit>({
	authorize: (ctx) => authorizePact(ctx, true),
	writeAudit: writeScopedAudit,
	fallback: 'backoffice.errors.invalid',
	fieldOf: pactFieldOf
});

export const { command: read } = commands<Ctx, PactScope, PactAudit>({
	authorize: (ctx) => authorizePact(ctx, false),
	writeAudit: writeScopedAudit,
	fallback: 'backoffice.errors.invalid',
	fieldOf: pactFieldOf
});

/** The outcome of this municipality by an id from the address; anything else is not found. */
export async function findOutcome(
	db: Db,
	scope: BackofficeScope,
	unverifiedId: unknown,
	forUpdate = false
): Promise<OutcomeRow> {
	const id = parseId(unverifiedId);
	const row =
		id === null ? undefined : await getOutcome(db, { municipalityId: scope.municipality.id, id, forUpdate });
	if (!row) throw new AppError('not_found');
	return row;
}
