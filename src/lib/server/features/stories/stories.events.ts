// Domain events of neighbourhood stories, written in the transaction of the change (see platform/events.ts).
import type { StoryPlacement } from '$lib/domain/stories';
export {};

declare module '$lib/server/platform/events' {
	interface DomainEventMap {
		/** A citizen submitted a story; it waits for staff. */
		'story.submitted': { subject: 'story'; payload: object };
		/** Staff published it on the home or as an update of an action (then `updateId`); its author hears of it. */
		'story.published': {
			subject: 'story';
			payload: {
				authorId: string | null;
				placement: StoryPlacement;
				actionId: number | null;
				updateId: number | null;
			};
		};
		/** Staff did not publish it, with a reason its author reads. */
		'story.rejected': { subject: 'story'; payload: { authorId: string | null } };
		/** Staff took a published story offline; it waits again. */
		'story.unpublished': { subject: 'story'; payload: object };
	}
}
