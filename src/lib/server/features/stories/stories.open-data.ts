// The stories feature's open data: the published neighbourhood stories. The author is named only when they chose
// to be (`show_name`) and their account still exists; the open-data feature takes e-mail addresses out of every text.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { storyPath } from '$lib/domain/stories';
import { municipalities, stories, users } from '$lib/server/db/schema';
import { defineDataset, isoOrNull, latest } from '$lib/server/platform/open-data';

export const storiesDataset = defineDataset({
	key: 'verhalen',
	title: 'openData.datasets.stories.title',
	description: 'openData.datasets.stories.description',
	keywords: ['buurtinitiatief', 'verhalen'],
	columns: [
		'municipality',
		'id',
		'url',
		'initiative',
		'title',
		'body',
		'author',
		'action_id',
		'published_at'
	],
	async load(db, scope) {
		const ids = scope.municipalities.map((m) => m.id);
		if (ids.length === 0) return [];
		const rows = await db
			.select({
				municipalitySlug: municipalities.slug,
				id: stories.id,
				initiative: stories.initiative,
				title: stories.title,
				body: stories.body,
				author: sql<
					string | null
				>`CASE WHEN ${stories.showName} AND ${users.deletedAt} IS NULL THEN ${users.displayName} END`,
				actionId: stories.actionId,
				publishedAt: stories.publishedAt,
				updatedAt: stories.updatedAt
			})
			.from(stories)
			.innerJoin(municipalities, eq(municipalities.id, stories.municipalityId))
			.leftJoin(users, eq(users.id, stories.authorId))
			.where(and(inArray(stories.municipalityId, ids), eq(stories.status, 'published')))
			.orderBy(asc(municipalities.slug), asc(stories.id));
		return rows.map((r) => ({
			values: {
				municipality: r.municipalitySlug,
				id: r.id,
				url: `${scope.origin}${storyPath(r.municipalitySlug, r.id)}`,
				initiative: r.initiative,
				title: r.title,
				body: r.body,
				author: r.author,
				action_id: r.actionId,
				published_at: isoOrNull(r.publishedAt)
			},
			place: null,
			modified: latest(r.updatedAt, r.publishedAt)
		}));
	}
});
