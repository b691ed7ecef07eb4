// What every back-office use case of suggestions starts from: the moderators' authorization bound into the
// command helper with the audit log as its audit writer, and the suggestion of this municipality by its
// unverified id (locked for a change).
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { commands } from '$lib/server/platform/command';
import { writeAudit, type AuditAction } from '$lib/server/platform/audit';
import {
	getSuggestion,
	getSuggestionOpportunity,
	type SuggestionOpportunityRow,
	type SuggestionRow
} from './suggestions.queries';
import { getSuggestionsByIdsForUpdate } from './suggestions.admin.queries';
import { authorizeMunicipality, type BackofficeScope } from '$lib/server/platform/backoffice';
import { parseId, parseSluggedId } from '$lib/domain/ids';

export type SuggestionRecord = Omit<SuggestionRow, 'authorName'>;

export type SuggestionTarget = { unverifiedSuggestionId: unknown };

/** An opportunity as the back office addresses it: `/{municipality}/beheer/acties/{action}/kansen/{opportunity}`. */
export type OpportunityTarget = { unverifiedActionId: unknown; unverifiedOpportunityId: unknown };

/** Moderators and admins of the municipality; everyone else is refused before anything is read. */
export function authorizeModeration(ctx: Ctx): Promise<BackofficeScope> {
	return authorizeMunicipality(ctx, 'content.moderate');
}

function actorOf(scope: BackofficeScope) {
	return { userId: scope.actor.userId, displayName: scope.actor.displayName };
}

/** One row of the audit log as a moderation use case records it; who and where come from the scope. */
export interface ModerationAudit {
	action: AuditAction;
	details: Record<string, unknown>;
	subject?: { id: string; name: string };
}

async function audit(
	tx: Db,
	scope: BackofficeScope,
	action: AuditAction,
	details: Record<string, unknown>,
	subject?: { id: string; name: string }
) {
	await writeAudit(tx, {
		regionId: scope.municipality.regionId,
		municipalityId: scope.municipality.id,
		actor: actorOf(scope),
		action,
		subject: subject ?? null,
		details
	});
}

/**
 * Every back-office use case of suggestions: moderators only (refused before anything is read), input
 * checked with the catalogue's keys, audit rows written in the transaction of the change.
 */
export const { command } = commands<Ctx, BackofficeScope, ModerationAudit>({
	authorize: authorizeModeration,
	writeAudit: async (tx, scope, entries) => {
		for (const entry of entries) await audit(tx, scope, entry.action, entry.details, entry.subject);
	},
	fallback: 'backoffice.errors.invalid'
});

export async function findSuggestion(
	db: Db,
	scope: BackofficeScope,
	unverifiedId: unknown
): Promise<SuggestionRow> {
	const id = parseSluggedId(unverifiedId)?.id ?? null;
	const row =
		id === null ? undefined : await getSuggestion(db, { municipalityId: scope.municipality.id, id });
	if (!row) throw new AppError('not_found');
	return row;
}

/** Locks the suggestion for a change; merged ones are only a pointer and change no more. */
export async function lockSuggestion(tx: Db, scope: BackofficeScope, id: number): Promise<SuggestionRecord> {
	const [row] = await getSuggestionsByIdsForUpdate(tx, { municipalityId: scope.municipality.id, ids: [id] });
	if (!row) throw new AppError('not_found');
	if (row.mergedIntoId !== null)
		throw new AppError('conflict', { message: 'suggestionsAdmin.errors.merged' });
	return row;
}

/**
 * The opportunity in a back-office address: of kind mapSuggestions, of this municipality and under the action
 * in the same address. Any other id (another action's opportunity, another municipality's) is not found, so a
 * form posted to one action's page can never change another's.
 */
export async function findSuggestionOpportunity(
	db: Db,
	scope: BackofficeScope,
	target: OpportunityTarget
): Promise<SuggestionOpportunityRow> {
	const actionId = parseSluggedId(target.unverifiedActionId)?.id ?? null;
	const opportunityId = parseId(target.unverifiedOpportunityId);
	const row =
		actionId === null || opportunityId === null
			? undefined
			: await getSuggestionOpportunity(db, {
					municipalityId: scope.municipality.id,
					actionId,
					opportunityId,
					now: new Date()
				});
	if (!row) throw new AppError('not_found');
	return row;
}
