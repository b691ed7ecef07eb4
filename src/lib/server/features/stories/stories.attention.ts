// The stories feature's part of the back office's home: the stories waiting for a moderator or the
// communication service, with since when. Not in the menu's count, which is the suggestions' queue.
import type { AttentionPart } from '$lib/server/platform/feature';
import { countWaitingStories } from './stories.queries';

export const storiesAttention: AttentionPart = {
	async items(db, scope) {
		// The abilities of canModerateStories (stories.policy.ts), as the home hands them over.
		if (!scope.abilities.has('content.moderate') && !scope.abilities.has('content.communicate')) return [];
		const waiting = await countWaitingStories(db, { municipalityId: scope.municipalityId });
		if (waiting.count === 0) return [];
		return [
			{
				id: 'stories.waiting',
				label: 'storiesAdmin.attention.waiting',
				count: waiting.count,
				since: waiting.since?.toISOString() ?? null,
				href: `/${scope.slug}/beheer/verhalen?status=submitted`
			}
		];
	}
};
