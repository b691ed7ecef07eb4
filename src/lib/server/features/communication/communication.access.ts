// What every back-office use case of communication plans starts from: the policy's answer bound into the command
// helper with the audit log as its audit writer, and the plan of this municipality by its unverified id.
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
import { COMMUNICATION_ABILITY } from './communication.policy';
import { getPlan, type SubjectRow } from './communication.queries';
import { communicationFieldOf } from './communication.schemas';
import './communication.audit';

/** Refuses everyone who does not communicate for this municipality, before anything of it is read. */
export const authorizeCommunication = (ctx: Ctx): Promise<BackofficeScope> =>
	authorizeMunicipality(ctx, COMMUNICATION_ABILITY);

export interface CommunicationAudit {
	action: AuditAction;
	details: Record<string, unknown>;
}

export const { command } = commands<Ctx, BackofficeScope, CommunicationAudit>({
	authorize: authorizeCommunication,
	writeAudit: writeScopedAudit,
	fallback: 'backoffice.errors.invalid',
	fieldOf: communicationFieldOf
});

/** The plan of this municipality by an id from the address, with its subject; anything else is not found. */
export async function findPlan(
	db: Db,
	scope: BackofficeScope,
	unverifiedId: unknown
): Promise<SubjectRow & { planId: number }> {
	const id = parseId(unverifiedId);
	const row = id === null ? undefined : await getPlan(db, { municipalityId: scope.municipality.id, id });
	if (!row || row.planId === null) throw new AppError('not_found');
	return row as SubjectRow & { planId: number };
}
