// Actions that citizen groups start (Klimaatdoeners, rung 6 "zelfbeheer"): a group's pick from its menu card
// becomes a real, published action of the municipality, owned by the group, with a way to join it. Written in
// the group's transaction, with the action's history and its events, as the back office writes them.
import type { Db } from '$lib/server/db/client';
import { writeDomainEvent } from '$lib/server/platform/events';
import { slugify } from '$lib/server/platform/text';
import { addOpportunityInTransaction } from '$lib/server/features/opportunities/opportunities.service';
import { insertAction, insertHistory, publishAction } from './actions.queries';

/**
 * Creates the group's action: published at once (the group's call was public, and the pick is the group's own
 * decision, rung 6), status "gepland", owner kind citizen group with the group's name, and one opportunity on
 * rung 6 ("citizenGroup") that says how to join. History rows `created` and `published` name the person who
 * picked it; `action.created` and `action.published` are written in the transaction.
 */
export async function createGroupActionInTransaction(
	tx: Db,
	input: {
		municipalityId: string;
		actor: { userId: string; displayName: string };
		title: string;
		summary: string;
		groupName: string;
		joinTitle: string;
		joinHowTo: string;
	}
): Promise<{ id: number; slug: string }> {
	const slug = slugify(input.title).slice(0, 60).replace(/-+$/, '') || 'actie';
	const row = await insertAction(tx, {
		municipalityId: input.municipalityId,
		createdBy: input.actor.userId,
		slug,
		title: input.title,
		summary: input.summary,
		status: 'planned',
		ownerKind: 'citizenGroup',
		ownerName: input.groupName
	});
	const now = new Date();
	await publishAction(tx, { municipalityId: input.municipalityId, id: row.id, at: now });
	await addOpportunityInTransaction(tx, {
		municipalityId: input.municipalityId,
		actionId: row.id,
		title: input.joinTitle,
		rung: 'selfManage',
		kind: 'citizenGroup',
		howTo: input.joinHowTo
	});
	for (const [change, details] of [
		['created', { title: row.title, status: row.status, group: input.groupName }],
		['published', {}]
	] as const)
		await insertHistory(tx, {
			municipalityId: input.municipalityId,
			actionId: row.id,
			actorId: input.actor.userId,
			actorName: input.actor.displayName,
			change,
			details
		});
	for (const type of ['action.created', 'action.published'] as const)
		await writeDomainEvent(tx, {
			municipalityId: input.municipalityId,
			type,
			subjectId: row.id,
			actorId: input.actor.userId
		});
	return { id: row.id, slug: row.slug };
}
