// What the notifications feature reads of actions to tell their followers: an update or the action itself as
// a subject.
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actionUpdates, actions, municipalities } from '$lib/server/db/schema';

export async function getUpdateSubject(
	db: Db,
	params: { municipalityId: string; actionId: number; updateId: number }
) {
	const [row] = await db
		.select({
			municipalityId: actions.municipalityId,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			primaryColor: municipalities.primaryColor,
			actionId: actions.id,
			actionSlug: actions.slug,
			actionTitle: actions.title,
			updateTitle: actionUpdates.title
		})
		.from(actionUpdates)
		.innerJoin(actions, eq(actions.id, actionUpdates.actionId))
		.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
		.where(
			and(
				eq(actionUpdates.municipalityId, params.municipalityId),
				eq(actionUpdates.actionId, params.actionId),
				eq(actionUpdates.id, params.updateId)
			)
		)
		.limit(1);
	return row;
}

export async function getActionSubject(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({
			municipalityId: actions.municipalityId,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			primaryColor: municipalities.primaryColor,
			actionId: actions.id,
			actionSlug: actions.slug,
			actionTitle: actions.title,
			status: actions.status
		})
		.from(actions)
		.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id)))
		.limit(1);
	return row;
}
