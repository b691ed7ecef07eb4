// What other features may do with the suggestions of an action when a meeting decides about them (an event's
// report, events.report.service.ts): list the public suggestions of the action's opportunities, and move the
// chosen ones to "chosen" with the answer, in their own story, the way a moderator's status change does
// (changeSuggestionStatus). The caller authorizes and owns the transaction; these functions keep the
// suggestions' rules: only public suggestions of that action in that municipality, refused otherwise.
import type { SuggestionStatus } from '$lib/domain/suggestions';
import type { Db } from '$lib/server/db/client';
import { AppError } from '$lib/server/platform/errors';
import type { NewDomainEvent } from '$lib/server/platform/events';
import { suggestionPath } from './suggestions.access';
import { insertStoryEntry } from './suggestions.queries';
import {
	getActionSuggestionsForUpdate,
	getSuggestionsByIds,
	listActionSuggestions,
	updateSuggestionRow
} from './suggestions.admin.queries';

/** At most this many suggestions are offered to choose from (an action's maps rarely hold more). */
export const CHOOSABLE_LIMIT = 500;

export interface ChoosableSuggestion {
	id: number;
	title: string;
	status: SuggestionStatus;
	voteCount: number;
	opportunityTitle: string;
	path: string;
}

/** The public suggestions of the action's opportunities (approved, not merged), by opportunity and votes. */
export async function listChoosableSuggestions(
	db: Db,
	params: { municipalityId: string; municipalitySlug: string; actionId: number }
): Promise<ChoosableSuggestion[]> {
	const rows = await listActionSuggestions(db, {
		municipalityId: params.municipalityId,
		actionId: params.actionId,
		limit: CHOOSABLE_LIMIT
	});
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		status: r.status,
		voteCount: r.voteCount,
		opportunityTitle: r.opportunityTitle,
		path: suggestionPath(params.municipalitySlug, r)
	}));
}

/** Refuses ids that are not public suggestions of the action in the municipality (another action, another municipality). */
function refuse(field: string): never {
	throw new AppError('validation', {
		message: 'suggestionsAdmin.errors.notOfAction',
		fields: { [field]: ['suggestionsAdmin.errors.notOfAction'] }
	});
}

/** Checks, without locking, that every id is a public suggestion of the action; refused beside `field` otherwise. */
export async function checkChoosable(
	db: Db,
	params: { municipalityId: string; actionId: number | null; ids: number[]; field: string }
): Promise<void> {
	if (params.ids.length === 0) return;
	if (params.actionId === null) refuse(params.field);
	const rows = await listActionSuggestions(db, {
		municipalityId: params.municipalityId,
		actionId: params.actionId,
		ids: params.ids,
		limit: params.ids.length
	});
	const known = new Set(rows.map((r) => r.id));
	if (params.ids.some((id) => !known.has(id))) refuse(params.field);
}

export interface ChosenSuggestion {
	id: number;
	title: string;
	path: string;
	authorId: string | null;
	/** False when it was already chosen with this answer (nothing written). */
	changed: boolean;
	before: SuggestionStatus;
}

/**
 * Moves each suggestion to "chosen" with its answer as the status's reason in the suggestion's story, and
 * records `suggestion.status_changed` for each, in the caller's transaction `tx`. Every id must be a public
 * suggestion of the action in the municipality, or nothing is changed (refused beside `field`).
 */
export async function chooseSuggestions(
	tx: Db,
	params: {
		municipalityId: string;
		municipalitySlug: string;
		actionId: number | null;
		actorId: string;
		choices: { suggestionId: number; answer: string }[];
		field: string;
		record: { event(event: NewDomainEvent): void };
	}
): Promise<ChosenSuggestion[]> {
	const { municipalityId, choices } = params;
	if (choices.length === 0) return [];
	if (params.actionId === null) refuse(params.field);
	const rows = await getActionSuggestionsForUpdate(tx, {
		municipalityId,
		actionId: params.actionId,
		ids: choices.map((c) => c.suggestionId)
	});
	const byId = new Map(rows.map((r) => [r.id, r]));
	if (choices.some((c) => !byId.has(c.suggestionId))) refuse(params.field);
	const chosen: ChosenSuggestion[] = [];
	for (const choice of choices) {
		const row = byId.get(choice.suggestionId)!;
		const reason = choice.answer.trim();
		const changed = row.status !== 'chosen' || reason !== '';
		if (changed) {
			if (row.status !== 'chosen')
				await updateSuggestionRow(tx, { municipalityId, id: row.id, values: { status: 'chosen' } });
			await insertStoryEntry(tx, {
				municipalityId,
				suggestionId: row.id,
				kind: 'status',
				status: 'chosen',
				reason,
				actorId: params.actorId
			});
			params.record.event({
				municipalityId,
				type: 'suggestion.status_changed',
				subjectId: row.id,
				actorId: params.actorId,
				payload: {
					opportunityId: row.opportunityId,
					authorId: row.authorId,
					from: row.status,
					to: 'chosen',
					reason: reason || null
				}
			});
		}
		chosen.push({
			id: row.id,
			title: row.title,
			path: suggestionPath(params.municipalitySlug, row),
			authorId: row.authorId,
			changed,
			before: row.status
		});
	}
	return chosen;
}

/** Links to those of `ids` that are public suggestions of the municipality (a published report's choices), in that order. */
export async function linkSuggestions(
	db: Db,
	params: { municipalityId: string; municipalitySlug: string; ids: number[] }
): Promise<{ id: number; title: string; path: string }[]> {
	const rows = await getSuggestionsByIds(db, { municipalityId: params.municipalityId, ids: params.ids });
	const byId = new Map(
		rows.filter((r) => r.moderation === 'approved' && r.mergedIntoId === null).map((r) => [r.id, r])
	);
	return params.ids.flatMap((id) => {
		const row = byId.get(id);
		return row ? [{ id, title: row.title, path: suggestionPath(params.municipalitySlug, row) }] : [];
	});
}
