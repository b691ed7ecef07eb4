// What other features (notifications) may read of stories to tell their authors: a story as a subject.
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities, stories } from '$lib/server/db/schema';
import type { NoticeSubject } from '$lib/domain/notifications';
import { storyPath } from '$lib/domain/stories';

/** Where a story's author reads about it: its page once published, else their own activity with the reason. */
export const OWN_STORIES_PATH = '/profiel/activiteit';

export async function storyNoticeSubject(
	db: Db,
	params: { municipalityId: string; id: number }
): Promise<NoticeSubject | undefined> {
	const [row] = await db
		.select({
			id: stories.id,
			title: stories.title,
			status: stories.status,
			slug: municipalities.slug,
			name: municipalities.name,
			primaryColor: municipalities.primaryColor
		})
		.from(stories)
		.innerJoin(municipalities, eq(municipalities.id, stories.municipalityId))
		.where(and(eq(stories.municipalityId, params.municipalityId), eq(stories.id, params.id)))
		.limit(1);
	if (!row) return undefined;
	return {
		municipalityId: params.municipalityId,
		municipalitySlug: row.slug,
		municipalityName: row.name,
		primaryColor: row.primaryColor,
		title: row.title,
		path: row.status === 'published' ? storyPath(row.slug, row.id) : OWN_STORIES_PATH,
		actionId: null,
		actionTitle: null
	};
}
