// Actions that citizen groups start (Klimaatdoeners, rung 6 "zelfbeheer"): a group's pick from its menu card
// becomes a real, published action of the municipality, owned by the group, with a way to join it. Written in
// the group's transaction, with the action's history and its events, as the back office writes them.
import type { Db } from '$lib/server/db/client';
import { writeDomainEvent } from '$lib/server/platform/events';
import { slugify } from '$lib/server/platform/text';
import {
	addOpportunityInTransaction,
	listOpportunitiesOfActions
} from '$lib/server/features/opportunities/opportunities.service';
import { DEFAULT_RUNG_OF_KIND } from '$lib/domain/actions';
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

/**
 * A group's own call for suggestions on the map on one of its actions (issue 19): an opportunity of kind
 * mapSuggestions, last in the action's list, on the kind's usual rung, as the back office adds one, with the
 * history row `opportunity_added` naming the person who opened it. Its suggestions take the municipality's
 * moderation like any map's (the suggestions feature's settings, pre-moderation unless staff change it).
 */
export async function addGroupMapCallInTransaction(
	tx: Db,
	input: {
		municipalityId: string;
		actionId: number;
		actor: { userId: string; displayName: string };
		title: string;
		howTo: string;
		opensAt: Date | null;
		closesAt: Date | null;
		groupName: string;
	}
): Promise<{ id: number }> {
	const existing = await listOpportunitiesOfActions(
		{ db: tx },
		{ municipalityIds: [input.municipalityId], actionIds: [input.actionId] }
	);
	const rung = DEFAULT_RUNG_OF_KIND.mapSuggestions;
	const row = await addOpportunityInTransaction(tx, {
		municipalityId: input.municipalityId,
		actionId: input.actionId,
		title: input.title,
		kind: 'mapSuggestions',
		rung,
		howTo: input.howTo,
		opensAt: input.opensAt,
		closesAt: input.closesAt,
		position: Math.max(-1, ...existing.map((o) => o.position)) + 1
	});
	await insertHistory(tx, {
		municipalityId: input.municipalityId,
		actionId: input.actionId,
		actorId: input.actor.userId,
		actorName: input.actor.displayName,
		change: 'opportunity_added',
		details: {
			opportunityId: row.id,
			title: input.title,
			kind: 'mapSuggestions',
			rung,
			group: input.groupName
		}
	});
	return row;
}
