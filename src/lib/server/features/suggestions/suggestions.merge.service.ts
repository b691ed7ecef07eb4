// Merging a duplicate suggestion into the one that is kept, with its confirmation step.
import { AppError } from '$lib/server/platform/errors';
import { moveFollowers } from '$lib/server/platform/subscriptions';
import { insertStoryEntry } from './suggestions.queries';
import {
	getSuggestionsByIds,
	getSuggestionsByIdsForUpdate,
	listMergeCandidates,
	moveVotes,
	updateSuggestionRow
} from './suggestions.admin.queries';
import {
	MERGE_CANDIDATES_MAX,
	confirmSchema,
	mergeSchema,
	mergeSearchSchema
} from './suggestions.admin.schemas';
import {
	command,
	findSuggestion,
	type SuggestionRecord,
	type SuggestionTarget
} from './suggestions.admin.access';
import type { RawInput } from '$lib/server/platform/validation';

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

/** Refuses merging a suggestion into itself. */
function checkNotSelf(fromId: number, into: number) {
	if (into === fromId)
		throw new AppError('validation', {
			message: 'suggestionsAdmin.errors.mergeSelf',
			fields: { into: ['suggestionsAdmin.errors.mergeSelf'] }
		});
}

export interface MergeCandidates {
	q: string;
	candidates: { id: number; title: string; moderation: SuggestionRecord['moderation']; voteCount: number }[];
	/** More than these match: the search should be narrowed. */
	more: boolean;
}

/**
 * The suggestions this one may be merged into, found by (part of) their title: of the same opportunity, not
 * merged and not itself, so a moderator chooses from a list instead of typing a number.
 */
export const findMergeCandidates = command({
	load: (ctx, scope, input: SuggestionTarget & RawInput<typeof mergeSearchSchema>) =>
		findSuggestion(ctx.db, scope, input.unverifiedSuggestionId),
	schema: mergeSearchSchema,
	prepare: async ({ ctx, scope, loaded: source, values }): Promise<MergeCandidates> => {
		const rows = await listMergeCandidates(ctx.db, {
			municipalityId: scope.municipality.id,
			opportunityId: source.opportunityId,
			excludeId: source.id,
			q: values.q,
			limit: MERGE_CANDIDATES_MAX + 1
		});
		return {
			q: values.q,
			candidates: rows.slice(0, MERGE_CANDIDATES_MAX),
			more: rows.length > MERGE_CANDIDATES_MAX
		};
	}
});

/** The confirmation step of a merge: names both suggestions. Changes nothing. */
export const previewMerge = command({
	load: (ctx, scope, input: SuggestionTarget & RawInput<typeof mergeSchema>) =>
		findSuggestion(ctx.db, scope, input.unverifiedSuggestionId),
	schema: mergeSchema,
	prepare: async ({ ctx, scope, loaded: source, values }) => {
		checkNotSelf(source.id, values.into);
		const rows = await getSuggestionsByIds(ctx.db, {
			municipalityId: scope.municipality.id,
			ids: [source.id, values.into]
		});
		return checkMerge(
			rows.find((r) => r.id === source.id),
			rows.find((r) => r.id === values.into)
		);
	},
	present: ({ from, into }): MergePreview => {
		const view = (r: SuggestionRecord) => ({ id: r.id, title: r.title, voteCount: r.voteCount });
		return { merged: view(from), kept: view(into) };
	}
});

/**
 * Merges a duplicate into the suggestion that is kept: its votes and followers move there (someone who
 * supported both keeps one vote), the kept count becomes the exact number of votes, and both stories say so.
 */
export const mergeSuggestion = command({
	load: (
		ctx,
		scope,
		input: SuggestionTarget & RawInput<typeof mergeSchema> & RawInput<typeof confirmSchema>
	) => findSuggestion(ctx.db, scope, input.unverifiedSuggestionId),
	schema: mergeSchema.extend(confirmSchema.shape),
	prepare: async ({ loaded: source, values }) => checkNotSelf(source.id, values.into),
	execute: async (tx, { scope, loaded: source, values, record }) => {
		const municipalityId = scope.municipality.id;
		const rows = await getSuggestionsByIdsForUpdate(tx, { municipalityId, ids: [source.id, values.into] });
		const { from, into } = checkMerge(
			rows.find((r) => r.id === source.id),
			rows.find((r) => r.id === values.into)
		);
		const voteCount = await moveVotes(tx, { municipalityId, fromId: from.id, intoId: into.id });
		await moveFollowers(tx, { municipalityId, kind: 'suggestion', fromId: from.id, intoId: into.id });
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
		record.event({
			municipalityId,
			type: 'suggestion.merged',
			subjectId: from.id,
			actorId: scope.actor.userId,
			payload: { keptId: into.id, opportunityId: from.opportunityId, authorId: from.authorId }
		});
		record.audit({
			action: 'suggestion.merged',
			details: {
				suggestionId: from.id,
				keptId: into.id,
				name: from.title,
				keptTitle: into.title,
				votesBefore: { merged: from.voteCount, kept: into.voteCount },
				votesAfter: voteCount
			}
		});
		return { keptId: into.id, voteCount };
	}
});
