// The history of an action (who changed what, when), written in the transaction of the change. A change to
// one of the action's opportunities or updates is part of the action's story too, so the opportunities
// feature writes here as well; both bind `writeActionHistory` as the audit writer of their commands.
import type { Db } from '$lib/server/db/client';
import { insertHistory } from './actions.queries';
import type { BackofficeScope } from '$lib/server/platform/backoffice';

/** One row of an action's history, as a use case records it; who and where come from the command's scope. */
export interface ActionHistoryEntry {
	actionId: number;
	change: string;
	details?: Record<string, unknown>;
}

export async function writeActionHistory(
	tx: Db,
	scope: BackofficeScope,
	entries: ActionHistoryEntry[]
): Promise<void> {
	for (const entry of entries)
		await insertHistory(tx, {
			municipalityId: scope.municipality.id,
			actionId: entry.actionId,
			actorId: scope.actor.userId,
			actorName: scope.actor.displayName,
			change: entry.change,
			details: entry.details
		});
}
