// The actions feature's part of a person's data: the actions they follow. Queries by the person's id only.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actionFollows, actions, municipalities } from '$lib/server/db/schema';
import type { PersonRef } from '$lib/server/platform/feature';

export async function exportActionData(db: Db, person: PersonRef) {
	const follows = await db
		.select({
			municipalitySlug: municipalities.slug,
			actionSlug: actions.slug,
			actionTitle: actions.title,
			createdAt: actionFollows.createdAt
		})
		.from(actionFollows)
		.innerJoin(actions, eq(actions.id, actionFollows.actionId))
		.innerJoin(municipalities, eq(municipalities.id, actionFollows.municipalityId))
		.where(eq(actionFollows.userId, person.userId))
		.orderBy(asc(actionFollows.createdAt));
	return {
		actionFollows: follows.map((f) => ({
			municipality: f.municipalitySlug,
			action: { slug: f.actionSlug, title: f.actionTitle },
			createdAt: f.createdAt.toISOString()
		}))
	};
}

/** A deleted account follows nothing: no update is meant for it any more. */
export async function eraseActionData(tx: Db, person: PersonRef): Promise<void> {
	await tx.delete(actionFollows).where(eq(actionFollows.userId, person.userId));
}
