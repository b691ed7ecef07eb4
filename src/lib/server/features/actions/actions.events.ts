// Domain events of actions, written in the transaction of the change and picked up later by jobs.
import type { Db } from '$lib/server/db/client';
import { writeDomainEvent, type DomainEvent } from '$lib/server/platform/events';

export const ACTION_EVENT_TYPES = [
	'action.created',
	'action.updated',
	'action.published',
	'action.unpublished',
	'action.archived',
	'action.update_published'
] as const;
export type ActionEventType = (typeof ACTION_EVENT_TYPES)[number];

/** The subject is the action id (or the update id for `action.update_published`). */
export type ActionEvent = DomainEvent<ActionEventType>;

export async function writeEvent(tx: Db, event: ActionEvent): Promise<void> {
	await writeDomainEvent(tx, event);
}
