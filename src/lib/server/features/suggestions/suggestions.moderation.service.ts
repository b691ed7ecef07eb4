// Use cases of moderating suggestions in the back office: the queue and decisions on one or many items, a
// suggestion's page with its answer, status, place and official comment. Each authorizes first (content.moderate),
// then writes the audit row, the public story and the domain event in the transaction of the change.
import type { ModerationReason, SuggestionStatus } from '$lib/domain/suggestions';
import { translate } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import { AppError, isAppError } from '$lib/server/platform/errors';
import { placeVerdict } from '$lib/server/platform/geo/area';
import { suggestionPath } from './suggestions.access';
import {
	getMunicipalityPlace,
	getSuggestion,
	getSuggestionOpportunity,
	insertStoryEntry
} from './suggestions.queries';
import {
	getCommentsByIds,
	getSuggestionsByIds,
	getSuggestionsByIdsForUpdate,
	insertOfficialComment,
	listBlocks,
	listCommentsForAdmin,
	listQueueComments,
	listQueueSuggestions,
	listReportsForAdmin,
	listStoryForAdmin,
	listSuggestionOpportunities,
	recountComments,
	resolveReports,
	updateCommentModeration,
	updateSuggestionRow,
	type AdminCommentRow
} from './suggestions.admin.queries';
import {
	QUEUE_PAGE_SIZE,
	answerSchema,
	bulkSchema,
	bulkSelectionSchema,
	officialCommentSchema,
	placeSchema,
	queueFiltersSchema,
	queueRowSchema,
	statusSchema,
	validateSuggestionsAdminInput as validate,
	type BulkOperation,
	type ItemRef,
	type QueueFilters
} from './suggestions.admin.schemas';
import {
	presentAdminComment,
	presentAdminReport,
	presentQueueItem,
	presentStoryEntry,
	presentSuggestionForAdmin,
	type AdminCommentView,
	type AdminReportView,
	type AdminSuggestionView,
	type QueueItemView,
	type StoryEntryView
} from './suggestions.admin.present';
import {
	command,
	findSuggestion,
	lockSuggestion,
	type ModerationAudit,
	type SuggestionRecord,
	type SuggestionTarget
} from './suggestions.admin.access';
import type { Recorder } from '$lib/server/platform/command';
import type { BackofficeScope } from '$lib/server/platform/backoffice';
import type { RawInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';

/** The text a rejection leaves on the item (the author sees it): the reason's label, with the typed note. */
function rejectionText(locale: Ctx['locale'], reason: ModerationReason, note: string): string {
	if (reason === 'other') return note;
	const label = translate(locale, `suggestions.reason.${reason}`);
	return note ? `${label}: ${note}` : label;
}

// ---------------------------------------------------------------------------------------------
// The queue
// ---------------------------------------------------------------------------------------------

export interface ModerationQueue {
	filters: QueueFilters;
	items: QueueItemView[];
	total: number;
	page: number;
	pageCount: number;
	opportunities: { id: number; title: string }[];
}

function compareQueue(sort: QueueFilters['sort']) {
	return (a: QueueItemView, b: QueueItemView) => {
		if (sort === 'reports' && a.reportCount !== b.reportCount) return b.reportCount - a.reportCount;
		const byDate = a.createdAt.localeCompare(b.createdAt);
		if (byDate !== 0) return sort === 'newest' ? -byDate : byDate;
		return a.key.localeCompare(b.key);
	};
}

/** Everything waiting for a moderator and everything reported, suggestions and comments in one list. */
export const getModerationQueue = command({
	load: async (ctx, scope, input: RawInput<typeof queueFiltersSchema>): Promise<ModerationQueue> => {
		const municipalityId = scope.municipality.id;
		const filters = queueFiltersSchema.parse(input);
		// Both lists are sorted alike, so the first page*size of each hold the page of the merged list.
		const limit = filters.page * QUEUE_PAGE_SIZE;
		const [s, c, opportunities] = await Promise.all([
			listQueueSuggestions(ctx.db, { municipalityId, filters, limit }),
			listQueueComments(ctx.db, { municipalityId, filters, limit }),
			listSuggestionOpportunities(ctx.db, { municipalityId })
		]);
		const merged = [
			...s.rows.map((r) => presentQueueItem('suggestion', r)),
			...c.rows.map((r) => presentQueueItem('comment', r))
		].sort(compareQueue(filters.sort));
		const total = s.total + c.total;
		return {
			filters,
			items: merged.slice((filters.page - 1) * QUEUE_PAGE_SIZE, filters.page * QUEUE_PAGE_SIZE),
			total,
			page: filters.page,
			pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
			opportunities
		};
	}
});

export interface BulkPreviewItem {
	key: string;
	kind: 'suggestion' | 'comment';
	id: number;
	suggestionId: number;
	title: string;
	excerpt: string;
	moderation: AdminCommentRow['moderation'];
}

export interface BulkPreview {
	operation: BulkOperation;
	items: BulkPreviewItem[];
}

async function selectedItems(db: Db, municipalityId: string, refs: ItemRef[]) {
	const suggestionIds = refs.filter((r) => r.kind === 'suggestion').map((r) => r.id);
	const commentIds = refs.filter((r) => r.kind === 'comment').map((r) => r.id);
	const [suggestionRows, commentRows] = await Promise.all([
		getSuggestionsByIds(db, { municipalityId, ids: suggestionIds }),
		getCommentsByIds(db, { municipalityId, ids: commentIds })
	]);
	return { suggestionRows, commentRows };
}

/** The confirmation step of a bulk decision: which of the selected items it concerns. Changes nothing. */
export const previewBulkDecision = command({
	load: async (_ctx, _scope, _input: RawInput<typeof bulkSelectionSchema>) => undefined,
	schema: bulkSelectionSchema,
	prepare: async ({ ctx, scope, values }): Promise<BulkPreview> => {
		const { suggestionRows, commentRows } = await selectedItems(ctx.db, scope.municipality.id, values.items);
		const short = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);
		return {
			operation: values.operation,
			items: [
				...suggestionRows
					.filter((r) => r.mergedIntoId === null)
					.map((r) => ({
						key: `s${r.id}`,
						kind: 'suggestion' as const,
						id: r.id,
						suggestionId: r.id,
						title: r.title,
						excerpt: short(r.body),
						moderation: r.moderation
					})),
				...commentRows.map((r) => ({
					key: `c${r.id}`,
					kind: 'comment' as const,
					id: r.id,
					suggestionId: r.suggestionId,
					title: r.suggestionTitle,
					excerpt: short(r.body),
					moderation: r.moderation
				}))
			]
		};
	}
});

interface Decision {
	operation: BulkOperation;
	reason?: ModerationReason;
	note?: string;
	bulk: boolean;
}

async function approveSuggestionRow(
	tx: Db,
	scope: BackofficeScope,
	row: SuggestionRecord,
	bulk: boolean,
	record: Recorder<ModerationAudit>
) {
	const municipalityId = scope.municipality.id;
	await resolveReports(tx, {
		municipalityId,
		suggestionId: row.id,
		commentId: null,
		resolvedBy: scope.actor.userId
	});
	if (row.moderation === 'approved') return false;
	const firstTime = row.publishedAt === null;
	const status: SuggestionStatus = row.status === 'submitted' ? 'published' : row.status;
	await updateSuggestionRow(tx, {
		municipalityId,
		id: row.id,
		values: {
			moderation: 'approved',
			moderationReason: null,
			status,
			...(firstTime ? { publishedAt: new Date() } : {})
		}
	});
	if (firstTime) {
		await insertStoryEntry(tx, {
			municipalityId,
			suggestionId: row.id,
			kind: 'published',
			status: 'published',
			actorId: scope.actor.userId
		});
	}
	record.event({
		municipalityId,
		type: 'suggestion.published',
		subjectId: row.id,
		actorId: scope.actor.userId,
		payload: { opportunityId: row.opportunityId, authorId: row.authorId, again: !firstTime }
	});
	record.audit({
		action: 'suggestion.approved',
		details: {
			suggestionId: row.id,
			name: row.title,
			before: row.moderation,
			bulk
		}
	});
	return true;
}

async function rejectSuggestionRow(
	tx: Db,
	scope: BackofficeScope,
	row: SuggestionRecord,
	reason: ModerationReason,
	text: string,
	bulk: boolean,
	record: Recorder<ModerationAudit>
) {
	const municipalityId = scope.municipality.id;
	await resolveReports(tx, {
		municipalityId,
		suggestionId: row.id,
		commentId: null,
		resolvedBy: scope.actor.userId
	});
	if (row.moderation === 'rejected' && row.moderationReason === text) return false;
	await updateSuggestionRow(tx, {
		municipalityId,
		id: row.id,
		values: { moderation: 'rejected', moderationReason: text }
	});
	record.event({
		municipalityId,
		type: 'suggestion.rejected',
		subjectId: row.id,
		actorId: scope.actor.userId,
		payload: {
			opportunityId: row.opportunityId,
			authorId: row.authorId,
			reason,
			wasPublic: row.moderation === 'approved'
		}
	});
	record.audit({
		action: 'suggestion.rejected',
		details: {
			suggestionId: row.id,
			name: row.title,
			before: row.moderation,
			reason,
			note: text,
			bulk
		}
	});
	return true;
}

async function moderateComment(
	tx: Db,
	scope: BackofficeScope,
	row: AdminCommentRow,
	decision: { approve: boolean; reason?: ModerationReason; text: string | null; bulk: boolean },
	record: Recorder<ModerationAudit>
) {
	const municipalityId = scope.municipality.id;
	await resolveReports(tx, {
		municipalityId,
		suggestionId: row.suggestionId,
		commentId: row.id,
		resolvedBy: scope.actor.userId
	});
	const moderation = decision.approve ? 'approved' : 'rejected';
	if (row.moderation === moderation && (decision.approve || row.moderationReason === decision.text))
		return false;
	await updateCommentModeration(tx, {
		municipalityId,
		id: row.id,
		moderation,
		reason: decision.approve ? null : decision.text
	});
	await recountComments(tx, { municipalityId, suggestionId: row.suggestionId });
	if (decision.approve)
		record.event({
			municipalityId,
			type: 'suggestion.comment_published',
			subjectId: row.suggestionId,
			actorId: scope.actor.userId,
			payload: { commentId: row.id, authorId: row.authorId, parentId: row.parentId }
		});
	record.audit({
		action: decision.approve ? 'suggestion.comment_approved' : 'suggestion.comment_rejected',
		details: {
			suggestionId: row.suggestionId,
			commentId: row.id,
			name: row.suggestionTitle,
			before: row.moderation,
			...(decision.approve ? {} : { reason: decision.reason, note: decision.text }),
			bulk: decision.bulk
		}
	});
	return true;
}

/**
 * Applies one decision to the selected items, all or nothing. Ids of another municipality are simply not
 * found and left alone; merged suggestions are skipped. Rows are locked in id order (no deadlocks between
 * two moderators), and the suggestions of selected comments too, so their comment counts stay exact.
 */
async function decide(
	tx: Db,
	scope: BackofficeScope,
	locale: Ctx['locale'],
	refs: ItemRef[],
	decision: Decision,
	record: Recorder<ModerationAudit>
) {
	const municipalityId = scope.municipality.id;
	const text =
		decision.operation === 'reject' && decision.reason
			? rejectionText(locale, decision.reason, decision.note ?? '')
			: null;
	const commentIds = refs.filter((r) => r.kind === 'comment').map((r) => r.id);
	const parents = await getCommentsByIds(tx, { municipalityId, ids: commentIds });
	const wanted = new Set(refs.filter((r) => r.kind === 'suggestion').map((r) => r.id));
	const lockIds = [...new Set([...wanted, ...parents.map((c) => c.suggestionId)])].sort((a, b) => a - b);
	const locked = await getSuggestionsByIdsForUpdate(tx, { municipalityId, ids: lockIds });
	// Read the comments again now that their suggestions are locked: another moderator may have just
	// decided on them, and a decision must count once.
	const comments = await getCommentsByIds(tx, { municipalityId, ids: commentIds });
	const rows = locked.filter((r) => wanted.has(r.id) && r.mergedIntoId === null);
	if (rows.length + comments.length === 0)
		throw new AppError('validation', { message: 'suggestionsAdmin.bulk.nothingSelected' });
	let changed = 0;
	for (const row of rows) {
		if (decision.operation === 'approve') {
			if (await approveSuggestionRow(tx, scope, row, decision.bulk, record)) changed++;
		} else if (decision.operation === 'reject') {
			if (await rejectSuggestionRow(tx, scope, row, decision.reason!, text!, decision.bulk, record))
				changed++;
		} else {
			const n = await resolveReports(tx, {
				municipalityId,
				suggestionId: row.id,
				commentId: null,
				resolvedBy: scope.actor.userId
			});
			if (n > 0) {
				changed++;
				record.audit({
					action: 'suggestion.report_dismissed',
					details: {
						suggestionId: row.id,
						name: row.title,
						reports: n,
						bulk: decision.bulk
					}
				});
			}
		}
	}
	for (const comment of comments) {
		if (decision.operation === 'dismiss') {
			const n = await resolveReports(tx, {
				municipalityId,
				suggestionId: comment.suggestionId,
				commentId: comment.id,
				resolvedBy: scope.actor.userId
			});
			if (n > 0) {
				changed++;
				record.audit({
					action: 'suggestion.report_dismissed',
					details: {
						suggestionId: comment.suggestionId,
						commentId: comment.id,
						name: comment.suggestionTitle,
						reports: n,
						bulk: decision.bulk
					}
				});
			}
		} else if (
			await moderateComment(
				tx,
				scope,
				comment,
				{
					approve: decision.operation === 'approve',
					reason: decision.reason,
					text,
					bulk: decision.bulk
				},
				record
			)
		)
			changed++;
	}
	return { changed };
}

/** Approves, rejects (with a reason) or dismisses the reports of several items at once. */
export const decideInBulk = command({
	schema: bulkSchema,
	execute: (tx, { ctx, scope, values, record }) =>
		decide(
			tx,
			scope,
			ctx.locale,
			values.items,
			{ operation: values.operation, reason: values.reason, note: values.note, bulk: true },
			record
		)
});

/**
 * Approving one row of the queue from its own button. No step in between: an approval is undone by rejecting,
 * while a rejection (which needs a reason) goes through the confirmation step of the bulk decision.
 */
export const approveQueueItem = command({
	schema: queueRowSchema,
	execute: async (tx, { ctx, scope, values, record }) => {
		const result = await decide(
			tx,
			scope,
			ctx.locale,
			[values.item],
			{ operation: 'approve', bulk: false },
			record
		).catch((error: unknown) => {
			// One item that is not (or no longer) there is simply not found, as on its own page.
			if (isAppError(error) && error.code === 'validation') throw new AppError('not_found');
			throw error;
		});
		return result;
	}
});

/** The same decision for one item of a suggestion's page: the suggestion itself or one of its comments. */
export const decideItem = command({
	load: async (
		ctx,
		scope,
		input: { unverifiedSuggestionId: unknown; unverifiedCommentId?: unknown } & RawInput<typeof bulkSchema>
	) => {
		const suggestion = await findSuggestion(ctx.db, scope, input.unverifiedSuggestionId);
		let ref: ItemRef = { kind: 'suggestion', id: suggestion.id };
		if (input.unverifiedCommentId !== undefined && input.unverifiedCommentId !== '') {
			const commentId = parseId(input.unverifiedCommentId);
			const [comment] = commentId
				? await getCommentsByIds(ctx.db, { municipalityId: scope.municipality.id, ids: [commentId] })
				: [];
			if (!comment || comment.suggestionId !== suggestion.id) throw new AppError('not_found');
			ref = { kind: 'comment', id: comment.id };
		}
		return { suggestion, ref };
	},
	// One item comes from the URL, not from a selection.
	prepare: async ({ input, loaded: { suggestion, ref } }) => {
		const values = validate(bulkSchema, { ...input, items: [] });
		if (suggestion.mergedIntoId !== null && ref.kind === 'suggestion')
			throw new AppError('conflict', { message: 'suggestionsAdmin.errors.merged' });
		return values;
	},
	execute: (tx, { ctx, scope, loaded: { ref }, prepared: values, record }) =>
		decide(
			tx,
			scope,
			ctx.locale,
			[ref],
			{ operation: values.operation, reason: values.reason, note: values.note, bulk: false },
			record
		)
});

// ---------------------------------------------------------------------------------------------
// One suggestion
// ---------------------------------------------------------------------------------------------

export interface SuggestionModerationPage {
	suggestion: AdminSuggestionView;
	opportunity: { id: number; title: string; actionId: number };
	mergedInto: { id: number; title: string } | null;
	comments: AdminCommentView[];
	reports: AdminReportView[];
	story: StoryEntryView[];
	authorBlocked: boolean;
	blockedAuthorIds: string[];
	/** Where the map to place it starts when it has no place yet: the municipality's centre. */
	centre: { lat: number; lng: number };
}

export const getSuggestionForModeration = command({
	load: async (ctx, scope, input: { unverifiedSuggestionId: unknown }): Promise<SuggestionModerationPage> => {
		const municipalityId = scope.municipality.id;
		const row = await findSuggestion(ctx.db, scope, input.unverifiedSuggestionId);
		const [opportunity, comments, reports, story, blocks, mergedInto, place] = await Promise.all([
			getSuggestionOpportunity(ctx.db, { municipalityId, opportunityId: row.opportunityId, now: new Date() }),
			listCommentsForAdmin(ctx.db, { municipalityId, suggestionId: row.id }),
			listReportsForAdmin(ctx.db, { municipalityId, suggestionId: row.id }),
			listStoryForAdmin(ctx.db, { municipalityId, suggestionId: row.id }),
			listBlocks(ctx.db, { municipalityId }),
			row.mergedIntoId ? getSuggestion(ctx.db, { municipalityId, id: row.mergedIntoId }) : undefined,
			getMunicipalityPlace(ctx.db, { municipalityId })
		]);
		if (!opportunity) throw new AppError('not_found');
		const blocked = new Set(blocks.map((b) => b.userId));
		const authorIds = [row.authorId, ...comments.map((c) => c.authorId)].filter(
			(id): id is string => id !== null
		);
		return {
			suggestion: presentSuggestionForAdmin(row, suggestionPath(scope.municipality.slug, row)),
			opportunity: { id: opportunity.id, title: opportunity.title, actionId: opportunity.actionId },
			mergedInto: mergedInto ? { id: mergedInto.id, title: mergedInto.title } : null,
			comments: comments.map(presentAdminComment),
			reports: reports.map(presentAdminReport),
			story: story.map(presentStoryEntry),
			authorBlocked: row.authorId !== null && blocked.has(row.authorId),
			blockedAuthorIds: [...new Set(authorIds.filter((id) => blocked.has(id)))],
			centre: { lat: place?.centerLat ?? 51.16, lng: place?.centerLng ?? 4.99 }
		};
	}
});

/** The official answer of the municipality (Markdown), shown prominently on the public page. */
export const answerSuggestion = command({
	load: (ctx, scope, input: SuggestionTarget & RawInput<typeof answerSchema>) =>
		findSuggestion(ctx.db, scope, input.unverifiedSuggestionId),
	schema: answerSchema,
	execute: async (tx, { scope, loaded: target, values, record }) => {
		const municipalityId = scope.municipality.id;
		const row = await lockSuggestion(tx, scope, target.id);
		if (row.answer === values.answer) return;
		await updateSuggestionRow(tx, {
			municipalityId,
			id: row.id,
			values: { answer: values.answer, answeredAt: new Date(), answeredBy: scope.actor.userId }
		});
		await insertStoryEntry(tx, {
			municipalityId,
			suggestionId: row.id,
			kind: 'answered',
			status: row.status,
			actorId: scope.actor.userId
		});
		record.event({
			municipalityId,
			type: 'suggestion.answered',
			subjectId: row.id,
			actorId: scope.actor.userId,
			payload: { opportunityId: row.opportunityId, authorId: row.authorId, changed: row.answer !== null }
		});
		record.audit({
			action: 'suggestion.answered',
			details: {
				suggestionId: row.id,
				name: row.title,
				changed: row.answer !== null ? ['answer'] : []
			}
		});
	}
});

/** Moves a public suggestion to another status, with the municipality's reason (required for not chosen). */
export const changeSuggestionStatus = command({
	load: (ctx, scope, input: SuggestionTarget & RawInput<typeof statusSchema>) =>
		findSuggestion(ctx.db, scope, input.unverifiedSuggestionId),
	schema: statusSchema,
	execute: async (tx, { scope, loaded: target, values, record }) => {
		const municipalityId = scope.municipality.id;
		const row = await lockSuggestion(tx, scope, target.id);
		if (row.moderation !== 'approved')
			throw new AppError('conflict', {
				message: 'suggestionsAdmin.errors.notPublicYet',
				fields: { status: ['suggestionsAdmin.errors.notPublicYet'] }
			});
		if (row.status === values.status && !values.reason) return { changed: false };
		await updateSuggestionRow(tx, { municipalityId, id: row.id, values: { status: values.status } });
		await insertStoryEntry(tx, {
			municipalityId,
			suggestionId: row.id,
			kind: 'status',
			status: values.status,
			reason: values.reason,
			actorId: scope.actor.userId
		});
		record.event({
			municipalityId,
			type: 'suggestion.status_changed',
			subjectId: row.id,
			actorId: scope.actor.userId,
			payload: {
				opportunityId: row.opportunityId,
				authorId: row.authorId,
				from: row.status,
				to: values.status,
				reason: values.reason
			}
		});
		record.audit({
			action: 'suggestion.status_changed',
			details: {
				suggestionId: row.id,
				name: row.title,
				before: row.status,
				after: values.status,
				reason: values.reason
			}
		});
		return { changed: true };
	}
});

/** Places a suggestion (typed as an address only, or misplaced) on the map. */
export const placeSuggestion = command({
	load: (ctx, scope, input: SuggestionTarget & RawInput<typeof placeSchema>) =>
		findSuggestion(ctx.db, scope, input.unverifiedSuggestionId),
	schema: placeSchema,
	// The same check as a citizen's place (platform/geo), so a moderator cannot move it where they could not.
	prepare: async ({ ctx, scope, values }) => {
		const verdict = await placeVerdict(ctx, scope.municipality.id, values);
		if (verdict !== 'inside') {
			const message = `suggestionsAdmin.errors.${verdict}` as const;
			throw new AppError('validation', { fields: { lat: [message] }, message });
		}
	},
	execute: async (tx, { scope, loaded: target, values, record }) => {
		const municipalityId = scope.municipality.id;
		const row = await lockSuggestion(tx, scope, target.id);
		await updateSuggestionRow(tx, {
			municipalityId,
			id: row.id,
			values: { lat: values.lat, lng: values.lng, placeName: values.placeName ?? row.placeName }
		});
		record.audit({
			action: 'suggestion.placed',
			details: {
				suggestionId: row.id,
				name: row.title,
				before: row.lat === null ? null : { lat: row.lat, lng: row.lng },
				after: { lat: values.lat, lng: values.lng }
			}
		});
	}
});

/** A comment on behalf of the municipality: marked official and public at once. */
export const addOfficialComment = command({
	load: (ctx, scope, input: SuggestionTarget & RawInput<typeof officialCommentSchema>) =>
		findSuggestion(ctx.db, scope, input.unverifiedSuggestionId),
	schema: officialCommentSchema,
	execute: async (tx, { scope, loaded: target, values, record }) => {
		const municipalityId = scope.municipality.id;
		const row = await lockSuggestion(tx, scope, target.id);
		const comment = await insertOfficialComment(tx, {
			municipalityId,
			suggestionId: row.id,
			authorId: scope.actor.userId,
			body: values.body
		});
		await recountComments(tx, { municipalityId, suggestionId: row.id });
		record.event({
			municipalityId,
			type: 'suggestion.comment_published',
			subjectId: row.id,
			actorId: scope.actor.userId,
			payload: { commentId: comment.id, official: true, authorId: row.authorId }
		});
		record.audit({
			action: 'suggestion.official_comment',
			details: {
				suggestionId: row.id,
				commentId: comment.id,
				name: row.title
			}
		});
		return comment;
	}
});
