// The stories feature's part of a person's data: the stories they told, in any state, with the reason of a
// rejection. Deleting the account deletes the stories that were never published (with their photos) and keeps
// the published ones as public record without the author: no name on them and no link to the emptied account
// (the initiative's name and the text stay, as published).
import type { Db } from '$lib/server/db/client';
import type { PersonRef } from '$lib/server/platform/feature';
import { eraseStoriesOfAuthor, listStoriesOfAuthor } from './stories.queries';

export async function exportStoryData(db: Db, person: PersonRef) {
	const rows = await listStoriesOfAuthor(db, { userId: person.userId });
	return {
		stories: rows.map((r) => ({
			municipality: r.municipality,
			storyId: r.id,
			title: r.title,
			text: r.body,
			initiative: r.initiative,
			publishWithName: r.showName,
			status: r.status,
			placement: r.placement,
			rejectReason: r.rejectReason,
			actionId: r.actionId,
			photoDescription: r.photoAlt,
			createdAt: r.createdAt.toISOString(),
			publishedAt: r.publishedAt?.toISOString() ?? null
		}))
	};
}

export async function eraseStoryData(tx: Db, person: PersonRef): Promise<void> {
	await eraseStoriesOfAuthor(tx, { userId: person.userId });
}
