// Blocking people from contributing in this municipality, and lifting a block, in the back office.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { isUuid } from '$lib/server/features/staff/staff.schemas';
import {
	deleteBlock,
	getBlock,
	getCommentsByIds,
	getPersonName,
	listBlocks,
	upsertBlock
} from './suggestions.admin.queries';
import {
	blockSchema,
	confirmSchema,
	parseId,
	validateSuggestionsAdminInput as validate,
	type RawInput
} from './suggestions.admin.schemas';
import { presentBlock, type BlockView } from './suggestions.admin.present';
import {
	audit,
	authorizeModeration,
	findSuggestion,
	type SuggestionTarget
} from './suggestions.admin.access';

/** Blocks the author of the suggestion (or of one of its comments) from contributing in this municipality. */
export async function blockAuthor(
	ctx: Ctx,
	input: SuggestionTarget & { unverifiedCommentId?: unknown } & RawInput<typeof blockSchema>
): Promise<{ userId: string }> {
	const scope = await authorizeModeration(ctx);
	const municipalityId = scope.municipality.id;
	const suggestion = await findSuggestion(ctx.db, scope, input.unverifiedSuggestionId);
	const values = validate(blockSchema, input);
	let authorId = suggestion.authorId;
	if (input.unverifiedCommentId !== undefined && input.unverifiedCommentId !== '') {
		const commentId = parseId(input.unverifiedCommentId);
		const [comment] = commentId ? await getCommentsByIds(ctx.db, { municipalityId, ids: [commentId] }) : [];
		if (!comment || comment.suggestionId !== suggestion.id) throw new AppError('not_found');
		authorId = comment.authorId;
	}
	if (!authorId) throw new AppError('conflict', { message: 'suggestionsAdmin.errors.noAuthor' });
	if (authorId === scope.actor.userId)
		throw new AppError('conflict', { message: 'suggestionsAdmin.errors.blockSelf' });
	const person = await getPersonName(ctx.db, { userId: authorId });
	await ctx.db.transaction(async (tx) => {
		await upsertBlock(tx, {
			municipalityId,
			userId: authorId,
			reason: values.reason,
			blockedBy: scope.actor.userId
		});
		await audit(
			tx,
			scope,
			'suggestion.author_blocked',
			{ suggestionId: suggestion.id, reason: values.reason },
			{ id: authorId, name: person?.name ?? '—' }
		);
	});
	return { userId: authorId };
}

export async function listBlockedPeople(ctx: Ctx): Promise<BlockView[]> {
	const scope = await authorizeModeration(ctx);
	const rows = await listBlocks(ctx.db, { municipalityId: scope.municipality.id });
	return rows.map(presentBlock);
}

/** The confirmation step of an unblock. */
export async function getBlockedPerson(
	ctx: Ctx,
	input: { unverifiedUserId: unknown }
): Promise<{ userId: string; name: string | null; reason: string }> {
	const scope = await authorizeModeration(ctx);
	const row = isUuid(input.unverifiedUserId)
		? await getBlock(ctx.db, { municipalityId: scope.municipality.id, userId: input.unverifiedUserId })
		: undefined;
	if (!row) throw new AppError('not_found');
	return row;
}

export async function unblockPerson(
	ctx: Ctx,
	input: { unverifiedUserId: unknown } & RawInput<typeof confirmSchema>
): Promise<void> {
	const scope = await authorizeModeration(ctx);
	const municipalityId = scope.municipality.id;
	const person = isUuid(input.unverifiedUserId)
		? await getBlock(ctx.db, { municipalityId, userId: input.unverifiedUserId })
		: undefined;
	if (!person) throw new AppError('not_found');
	validate(confirmSchema, input);
	await ctx.db.transaction(async (tx) => {
		if (!(await deleteBlock(tx, { municipalityId, userId: person.userId }))) return;
		await audit(
			tx,
			scope,
			'suggestion.author_unblocked',
			{ reason: person.reason },
			{ id: person.userId, name: person.name ?? '—' }
		);
	});
}
