// What every back-office use case of the climate plan starts from: the policy's answer (climate-plan.policy.ts)
// bound into the command helper with the audit log as its audit writer, twice: `read` for everyone who may read
// the plan here and `command` for those who steer it; and a plan action of this municipality by its unverified id.
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
import { canManagePlan, canViewPlan } from './climate-plan.policy';
import { getPlanAction, type PlanActionRow } from './climate-plan.queries';
import { planFieldOf } from './climate-plan.schemas';

export interface PlanScope extends BackofficeScope {
	/** Whether the person may steer the plan here (the page offers the changes). */
	canManage: boolean;
}

async function authorizePlan(ctx: Ctx, manage: boolean): Promise<PlanScope> {
	const scope = await authorizeMunicipality(ctx, 'backoffice.view');
	const target = { municipalityId: scope.municipality.id, regionId: scope.municipality.regionId };
	const canManage = canManagePlan(scope.actor, target);
	if (!canViewPlan(scope.actor, target) || (manage && !canManage)) {
		ctx.log.warn(
			{ userId: scope.actor.userId, municipalityId: scope.municipality.id },
			'climate plan refused'
		);
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return { ...scope, canManage };
}

/** Refuses everyone who may not read the plan here, before anything of the municipality is read. */
export const authorizePlanRead = (ctx: Ctx) => authorizePlan(ctx, false);
/** Refuses everyone who may not steer the plan here. */
export const authorizePlanManage = (ctx: Ctx) => authorizePlan(ctx, true);

export interface PlanAudit {
	action: AuditAction;
	details: { planActionId?: number; name?: string } & Record<string, unknown>;
}

export const { command } = commands<Ctx, PlanScope, PlanAudit>({
	authorize: authorizePlanManage,
	writeAudit: writeScopedAudit,
	fallback: 'backoffice.errors.invalid',
	fieldOf: planFieldOf
});

export const { command: read } = commands<Ctx, PlanScope, PlanAudit>({
	authorize: authorizePlanRead,
	writeAudit: writeScopedAudit,
	fallback: 'backoffice.errors.invalid',
	fieldOf: planFieldOf
});

/** The plan action of this municipality by an id from the address; anything else is not found. */
export async function findPlanAction(
	db: Db,
	scope: BackofficeScope,
	unverifiedId: unknown,
	forUpdate = false
): Promise<PlanActionRow> {
	const id = parseId(unverifiedId);
	const row =
		id === null
			? undefined
			: await getPlanAction(db, { municipalityId: scope.municipality.id, id, forUpdate });
	if (!row) throw new AppError('not_found');
	return row;
}
