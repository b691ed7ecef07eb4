// The history of an action (who changed what, when) as other features write it: a change to one of the
// action's opportunities is part of the action's story, in the transaction of that change.
import type { Db } from '$lib/server/db/client';
import { insertHistory } from './actions.queries';

export interface ActionChange {
	municipalityId: string;
	actionId: number;
	actor: { userId: string; displayName: string };
	change: string;
	details?: Record<string, unknown>;
}

export async function recordActionChange(tx: Db, entry: ActionChange): Promise<void> {
	await insertHistory(tx, {
		municipalityId: entry.municipalityId,
		actionId: entry.actionId,
		actorId: entry.actor.userId,
		actorName: entry.actor.displayName,
		change: entry.change,
		details: entry.details
	});
}
