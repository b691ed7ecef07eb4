// Blocking people from contributing in this municipality, and lifting a block, in the back office.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import {
	deleteBlock,
	getBlock,
	getCommentsByIds,
	getPersonName,
	listBlocks,
	upsertBlock
} from './suggestions.admin.queries';
import { blockSchema, confirmSchema } from './suggestions.admin.schemas';
import { presentBlock, type BlockView } from './suggestions.admin.present';
import { command, findSuggestion, type SuggestionTarget } from './suggestions.admin.access';
import { isUuid, parseId } from '$lib/domain/ids';
import type { BackofficeScope } from '$lib/server/platform/backoffice';
import type { RawInput } from '$lib/server/platform/validation';

type BlockTarget = SuggestionTarget & { unverifiedCommentId?: unknown };

/** The person a block is about: the author of the suggestion, or of one of its comments; never oneself. */
async function findAuthor(ctx: Ctx, scope: BackofficeScope, input: BlockTarget) {
	const municipalityId = scope.municipality.id;
	const suggestion = await findSuggestion(ctx.db, scope, input.unverifiedSuggestionId);
	let authorId = suggestion.authorId;
	let commentId: number | null = null;
	if (input.unverifiedCommentId !== undefined && input.unverifiedCommentId !== '') {
		const id = parseId(input.unverifiedCommentId);
		const [comment] = id ? await getCommentsByIds(ctx.db, { municipalityId, ids: [id] }) : [];
		if (!comment || comment.suggestionId !== suggestion.id) throw new AppError('not_found');
		authorId = comment.authorId;
		commentId = comment.id;
	}
	if (!authorId) throw new AppError('conflict', { message: 'suggestionsAdmin.errors.noAuthor' });
	if (authorId === scope.actor.userId)
		throw new AppError('conflict', { message: 'suggestionsAdmin.errors.blockSelf' });
	const person = await getPersonName(ctx.db, { userId: authorId });
	return { suggestion, commentId, authorId, name: person?.name ?? '—' };
}

export interface BlockPreview {
	name: string;
	suggestion: { id: number; title: string };
	/** The comment that led here, or null for the suggestion's own author. */
	commentId: number | null;
}

/** The confirmation step of a block: who would be blocked, for what. Changes nothing. */
export const previewBlock = command({
	load: (ctx, scope, input: BlockTarget) => findAuthor(ctx, scope, input),
	present: ({ suggestion, commentId, name }): BlockPreview => ({
		name,
		suggestion: { id: suggestion.id, title: suggestion.title },
		commentId
	})
});

/** Blocks the author of the suggestion (or of one of its comments) from contributing in this municipality. */
export const blockAuthor = command({
	load: (ctx, scope, input: BlockTarget & RawInput<typeof blockSchema>) => findAuthor(ctx, scope, input),
	schema: blockSchema,
	execute: async (tx, { scope, loaded: { suggestion, authorId, name }, values, record }) => {
		await upsertBlock(tx, {
			municipalityId: scope.municipality.id,
			userId: authorId,
			reason: values.reason,
			blockedBy: scope.actor.userId
		});
		record.audit({
			action: 'suggestion.author_blocked',
			details: { suggestionId: suggestion.id, reason: values.reason },
			subject: { id: authorId, name }
		});
		return { userId: authorId };
	}
});

export const listBlockedPeople = command({
	load: (ctx, scope, _input: void) => listBlocks(ctx.db, { municipalityId: scope.municipality.id }),
	present: (rows): BlockView[] => rows.map(presentBlock)
});

async function findBlock(ctx: Ctx, scope: BackofficeScope, input: { unverifiedUserId: unknown }) {
	const row = isUuid(input.unverifiedUserId)
		? await getBlock(ctx.db, { municipalityId: scope.municipality.id, userId: input.unverifiedUserId })
		: undefined;
	if (!row) throw new AppError('not_found');
	return row;
}

/** The confirmation step of an unblock. */
export const getBlockedPerson = command({
	load: (ctx, scope, input: { unverifiedUserId: unknown }) => findBlock(ctx, scope, input)
});

export const unblockPerson = command({
	load: (ctx, scope, input: { unverifiedUserId: unknown } & RawInput<typeof confirmSchema>) =>
		findBlock(ctx, scope, input),
	schema: confirmSchema,
	execute: async (tx, { scope, loaded: person, record }) => {
		if (!(await deleteBlock(tx, { municipalityId: scope.municipality.id, userId: person.userId }))) return;
		record.audit({
			action: 'suggestion.author_unblocked',
			details: { reason: person.reason },
			subject: { id: person.userId, name: person.name ?? '—' }
		});
	}
});
