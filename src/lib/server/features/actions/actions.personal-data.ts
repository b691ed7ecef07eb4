// The actions feature's part of a person's data: the actions they follow. Queries by the person's id only.
import { participantFollow } from '$lib/server/platform/subscriptions';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { translate } from '$lib/i18n';
import { actionHistory, actionUpdates, actions, municipalities, subscriptions } from '$lib/server/db/schema';
import type { PersonRef } from '$lib/server/platform/feature';

export async function exportActionData(db: Db, person: PersonRef) {
	const follows = await db
		.select({
			municipalitySlug: municipalities.slug,
			actionSlug: actions.slug,
			actionTitle: actions.title,
			createdAt: subscriptions.createdAt
		})
		.from(subscriptions)
		.innerJoin(
			actions,
			and(
				eq(actions.municipalityId, subscriptions.municipalityId),
				sql`${actions.id}::text = ${subscriptions.subjectId}`
			)
		)
		.innerJoin(municipalities, eq(municipalities.id, subscriptions.municipalityId))
		.where(
			and(eq(subscriptions.userId, person.userId), eq(subscriptions.subjectKind, 'action'), participantFollow)
		)
		.orderBy(asc(subscriptions.createdAt));
	return {
		actionFollows: follows.map((f) => ({
			municipality: f.municipalitySlug,
			action: { slug: f.actionSlug, title: f.actionTitle },
			createdAt: f.createdAt.toISOString()
		}))
	};
}

/**
 * Updates the deleted account wrote as staff and the actions' history keep what was done, under "Voormalige
 * deelnemer" instead of its name. Its follows of actions go with all its follows (the profile's part).
 */
export async function eraseActionData(tx: Db, person: PersonRef): Promise<void> {
	const formerName = translate('nl', 'profile.formerParticipant');
	await tx
		.update(actionUpdates)
		.set({ authorName: formerName })
		.where(eq(actionUpdates.authorId, person.userId));
	await tx
		.update(actionHistory)
		.set({ actorName: formerName })
		.where(eq(actionHistory.actorId, person.userId));
}
