// Domain events of suggestions. The notifications feature reads them to tell the author, the voters and the
// followers what came of a suggestion; they are written in the transaction of the change.
import type { Db } from '$lib/server/db/client';
import { writeDomainEvent, type DomainEvent } from '$lib/server/platform/events';

export const SUGGESTION_EVENT_TYPES = [
	'suggestion.submitted',
	'suggestion.published',
	'suggestion.rejected',
	'suggestion.status_changed',
	'suggestion.answered',
	'suggestion.merged',
	'suggestion.comment_published'
] as const;
export type SuggestionEventType = (typeof SUGGESTION_EVENT_TYPES)[number];

/** The subject is always the suggestion id; the payload says what changed (status, comment id, kept id). */
export type SuggestionEvent = DomainEvent<SuggestionEventType>;

export async function writeSuggestionEvent(tx: Db, event: SuggestionEvent): Promise<void> {
	await writeDomainEvent(tx, event);
}
