// The stories feature's section of "Mijn activiteit": the person's stories, newest first, with where each
// stands (waiting, published on the home or as an action's news, not published with the reason). By the
// person's id only; a story that is not published shows without a link.
import { storyPath } from '$lib/domain/stories';
import { translate } from '$lib/i18n';
import type { ActivityPart } from '$lib/server/platform/feature';
import { listStoriesOfAuthor } from './stories.queries';

export const storiesActivity: ActivityPart = async (db, { userId }, locale) => {
	const rows = await listStoriesOfAuthor(db, { userId });
	return [
		{
			id: 'stories.mine',
			heading: 'profile.activity.stories',
			empty: 'profile.activity.noStories',
			items: rows.map((r) => ({
				title: r.title,
				href: r.status === 'published' ? storyPath(r.municipality, r.id) : null,
				at: r.createdAt.toISOString(),
				labels: [
					translate(
						locale,
						r.status === 'published' && r.placement === 'action'
							? 'profile.activity.story.publishedAsUpdate'
							: `profile.activity.story.${r.status}`
					)
				],
				...(r.status === 'rejected' && r.rejectReason
					? { excerpt: translate(locale, 'profile.activity.storyReason', { reason: r.rejectReason }) }
					: {})
			}))
		}
	];
};
