// Domain events of suggestions and their votes, written in the transaction of the change (see
// platform/events.ts). Notifications will read them to tell the author, the voters and the followers what
// came of a suggestion; counters can follow the votes. The subject is always the suggestion.
import type { ModerationMode, ModerationReason, SuggestionStatus } from '$lib/domain/suggestions';

interface OfSuggestion {
	opportunityId: number;
	authorId: string | null;
}

declare module '$lib/server/platform/events' {
	interface DomainEventMap {
		'suggestion.submitted': {
			subject: 'suggestion';
			payload: { opportunityId: number; moderation: ModerationMode };
		};
		/** Listed publicly: at once (post-moderation) or when approved; `again` after an earlier rejection. */
		'suggestion.published': { subject: 'suggestion'; payload: OfSuggestion & { again: boolean } };
		'suggestion.rejected': {
			subject: 'suggestion';
			payload: OfSuggestion & { reason: ModerationReason; wasPublic: boolean };
		};
		'suggestion.status_changed': {
			subject: 'suggestion';
			payload: OfSuggestion & { from: SuggestionStatus; to: SuggestionStatus; reason: string | null };
		};
		'suggestion.answered': { subject: 'suggestion'; payload: OfSuggestion & { changed: boolean } };
		/** Merged into `keptId`, which keeps its votes and followers. */
		'suggestion.merged': { subject: 'suggestion'; payload: OfSuggestion & { keptId: number } };
		'suggestion.comment_published': {
			subject: 'suggestion';
			payload: {
				commentId: number;
				authorId?: string | null;
				parentId?: number | null;
				official?: boolean;
			};
		};
		/** A vote that was written (a repeated vote or a refused one writes none); the actor is the voter. */
		'vote.cast': { subject: 'suggestion'; payload: { opportunityId: number } };
		/** A vote that was taken back and existed. */
		'vote.withdrawn': { subject: 'suggestion'; payload: { opportunityId: number } };
	}
}
