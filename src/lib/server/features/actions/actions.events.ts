// Domain events of actions, written in the transaction of the change and picked up later by jobs.
import type { Db } from '$lib/server/db/client';
import { domainEvents } from '$lib/server/db/schema';

export const ACTION_EVENT_TYPES = [
	'action.created',
	'action.updated',
	'action.published',
	'action.unpublished',
	'action.archived',
	'action.update_published'
] as const;
export type ActionEventType = (typeof ACTION_EVENT_TYPES)[number];

export interface ActionEvent {
	municipalityId: string;
	type: ActionEventType;
	/** The action id (or the update id for `action.update_published`), as text. */
	subjectId: string | number;
	actorId?: string | null;
	payload?: Record<string, unknown>;
}

/** Call with the transaction handle of the change, so the event exists exactly when the change does. */
export async function writeEvent(tx: Db, event: ActionEvent): Promise<void> {
	await tx.insert(domainEvents).values({
		municipalityId: event.municipalityId,
		type: event.type,
		subjectId: String(event.subjectId),
		actorId: event.actorId ?? null,
		payload: event.payload ?? {}
	});
}
