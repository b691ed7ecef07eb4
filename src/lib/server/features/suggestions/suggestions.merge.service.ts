// Merging a duplicate suggestion into the one that is kept, with its confirmation step.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { writeDomainEvent } from '$lib/server/platform/events';
import { insertStoryEntry } from './suggestions.queries';
import {
	getSuggestionsByIds,
	getSuggestionsByIdsForUpdate,
	moveFollows,
	moveVotes,
	updateSuggestionRow
} from './suggestions.admin.queries';
import {
	confirmSchema,
	mergeSchema,
	validateSuggestionsAdminInput as validate,
	type RawInput
} from './suggestions.admin.schemas';
import {
	audit,
	authorizeModeration,
	findSuggestion,
	type SuggestionRecord,
	type SuggestionTarget
} from './suggestions.admin.access';

export interface MergePreview {
	merged: { id: number; title: string; voteCount: number };
	kept: { id: number; title: string; voteCount: number };
}

function checkMerge(from: SuggestionRecord | undefined, into: SuggestionRecord | undefined) {
	if (!from) throw new AppError('not_found');
	if (from.mergedIntoId !== null)
		throw new AppError('conflict', { message: 'suggestionsAdmin.errors.merged' });
	const refuse = (message: 'mergeTarget' | 'mergeIntoMerged' | 'mergeOtherOpportunity') =>
		new AppError('validation', {
			message: `suggestionsAdmin.errors.${message}`,
			fields: { into: [`suggestionsAdmin.errors.${message}`] }
		});
	if (!into) throw refuse('mergeTarget');
	if (into.mergedIntoId !== null) throw refuse('mergeIntoMerged');
	if (into.opportunityId !== from.opportunityId) throw refuse('mergeOtherOpportunity');
	return { from, into };
}

/** The id of the suggestion to keep, refused when it is the one being merged. */
function mergeTargetId(fromId: number, input: RawInput<typeof mergeSchema>) {
	const { into } = validate(mergeSchema, input);
	if (into === fromId)
		throw new AppError('validation', {
			message: 'suggestionsAdmin.errors.mergeSelf',
			fields: { into: ['suggestionsAdmin.errors.mergeSelf'] }
		});
	return into;
}

/** The confirmation step of a merge: names both suggestions. Changes nothing. */
export async function previewMerge(
	ctx: Ctx,
	input: SuggestionTarget & RawInput<typeof mergeSchema>
): Promise<MergePreview> {
	const scope = await authorizeModeration(ctx);
	const source = await findSuggestion(ctx.db, scope, input.unverifiedSuggestionId);
	const intoId = mergeTargetId(source.id, input);
	const rows = await getSuggestionsByIds(ctx.db, {
		municipalityId: scope.municipality.id,
		ids: [source.id, intoId]
	});
	const { from, into } = checkMerge(
		rows.find((r) => r.id === source.id),
		rows.find((r) => r.id === intoId)
	);
	const view = (r: SuggestionRecord) => ({ id: r.id, title: r.title, voteCount: r.voteCount });
	return { merged: view(from), kept: view(into) };
}

/**
 * Merges a duplicate into the suggestion that is kept: its votes and followers move there (someone who
 * supported both keeps one vote), the kept count becomes the exact number of votes, and both stories say so.
 */
export async function mergeSuggestion(
	ctx: Ctx,
	input: SuggestionTarget & RawInput<typeof mergeSchema> & RawInput<typeof confirmSchema>
): Promise<{ keptId: number; voteCount: number }> {
	const scope = await authorizeModeration(ctx);
	const source = await findSuggestion(ctx.db, scope, input.unverifiedSuggestionId);
	const intoId = mergeTargetId(source.id, input);
	validate(confirmSchema, input);
	const municipalityId = scope.municipality.id;
	return ctx.db.transaction(async (tx) => {
		const rows = await getSuggestionsByIdsForUpdate(tx, { municipalityId, ids: [source.id, intoId] });
		const { from, into } = checkMerge(
			rows.find((r) => r.id === source.id),
			rows.find((r) => r.id === intoId)
		);
		const voteCount = await moveVotes(tx, { municipalityId, fromId: from.id, intoId: into.id });
		await moveFollows(tx, { municipalityId, fromId: from.id, intoId: into.id });
		await updateSuggestionRow(tx, { municipalityId, id: into.id, values: { voteCount } });
		await updateSuggestionRow(tx, {
			municipalityId,
			id: from.id,
			values: { voteCount: 0, mergedIntoId: into.id }
		});
		await insertStoryEntry(tx, {
			municipalityId,
			suggestionId: from.id,
			kind: 'merged',
			status: from.status,
			reason: into.title,
			actorId: scope.actor.userId
		});
		await insertStoryEntry(tx, {
			municipalityId,
			suggestionId: into.id,
			kind: 'merged',
			status: into.status,
			reason: from.title,
			actorId: scope.actor.userId
		});
		await writeDomainEvent(tx, {
			municipalityId,
			type: 'suggestion.merged',
			subjectId: from.id,
			actorId: scope.actor.userId,
			payload: { keptId: into.id, opportunityId: from.opportunityId, authorId: from.authorId }
		});
		await audit(tx, scope, 'suggestion.merged', {
			suggestionId: from.id,
			keptId: into.id,
			name: from.title,
			keptTitle: into.title,
			votesBefore: { merged: from.voteCount, kept: into.voteCount },
			votesAfter: voteCount
		});
		return { keptId: into.id, voteCount };
	});
}
