// What every back-office use case of events starts from: the policy's answer (events.policy.ts) bound into the
// command helper with the audit log as its audit writer, and the event of this municipality by its unverified
// id (locked for a change).
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
import { canManageEvents } from './events.policy';
import { getEvent, lockEvent, type EventRow } from './events.queries';
import { eventFieldOf } from './events.admin.schemas';

/**
 * Whoever the policy lets manage the municipality's events; everyone else (a citizen, the alderman, staff of
 * another municipality) is refused before anything of the municipality is read.
 */
export async function authorizeEvents(ctx: Ctx): Promise<BackofficeScope> {
	const scope = await authorizeMunicipality(ctx, 'backoffice.view');
	if (
		!canManageEvents(scope.actor, {
			municipalityId: scope.municipality.id,
			regionId: scope.municipality.regionId
		})
	) {
		ctx.log.warn(
			{ userId: scope.actor.userId, municipalityId: scope.municipality.id },
			'events back office refused'
		);
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return scope;
}

/**
 * One row of the audit log as an events use case records it; who and where come from the scope. The log's
 * subject is a person (a uuid); the event is named in the details (`eventId`, `name`).
 */
export interface EventAudit {
	action: AuditAction;
	details: { eventId: number; name: string } & Record<string, unknown>;
}

/**
 * Every back-office use case of events: managers only (refused before anything is read), input checked with
 * the catalogue's keys (question rows are fields of their own), audit rows written in the change's transaction.
 */
export const { command } = commands<Ctx, BackofficeScope, EventAudit>({
	authorize: authorizeEvents,
	writeAudit: writeScopedAudit,
	fallback: 'backoffice.errors.invalid',
	fieldOf: eventFieldOf
});

/** The event of this municipality by an id from the address; anything else is not found. */
export async function findEvent(db: Db, scope: BackofficeScope, unverifiedId: unknown): Promise<EventRow> {
	const id = parseId(unverifiedId);
	const row = id === null ? undefined : await getEvent(db, { municipalityId: scope.municipality.id, id });
	if (!row) throw new AppError('not_found');
	return row;
}

/** Locks the event for a change (registrations of it wait), in this municipality. */
export async function lockEventFor(tx: Db, scope: BackofficeScope, id: number) {
	const row = await lockEvent(tx, { municipalityId: scope.municipality.id, id });
	if (!row) throw new AppError('not_found');
	return row;
}
