// Domain events, written in the transaction of the change and picked up later by jobs (notifications, digests).
import type { Db } from '$lib/server/db/client';
import { domainEvents } from '$lib/server/db/schema';

export interface DomainEvent<T extends string = string> {
	municipalityId: string;
	type: T;
	/** What the event is about (an action, an update, a suggestion), as text. */
	subjectId: string | number;
	actorId?: string | null;
	payload?: Record<string, unknown>;
}

/** Call with the transaction handle of the change, so the event exists exactly when the change does. */
export async function writeDomainEvent(tx: Db, event: DomainEvent): Promise<void> {
	await tx.insert(domainEvents).values({
		municipalityId: event.municipalityId,
		type: event.type,
		subjectId: String(event.subjectId),
		actorId: event.actorId ?? null,
		payload: event.payload ?? {}
	});
}
