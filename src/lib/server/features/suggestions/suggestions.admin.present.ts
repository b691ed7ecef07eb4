// What the back office of suggestions sends to its pages, field by field.
import {
	MODERATION_REASONS,
	type ModerationMode,
	type ModerationReason,
	type ModerationState,
	type StoryKind,
	type SuggestionStatus
} from '$lib/domain/suggestions';
import { renderMarkdown } from '$lib/server/platform/markdown';
import type { SuggestionRow } from './suggestions.queries';
import type { AdminCommentRow, QueueRow } from './suggestions.admin.queries';
import { itemRefValue } from './suggestions.admin.schemas';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value ? iso(value) : null);

function excerpt(text: string, max = 240): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function reasonsOf(list: string | null): ModerationReason[] {
	if (!list) return [];
	return list
		.split(',')
		.filter((r): r is ModerationReason => (MODERATION_REASONS as readonly string[]).includes(r));
}

export interface QueueItemView {
	/** The value of the item's checkbox: "s12" or "c5". */
	key: string;
	kind: 'suggestion' | 'comment';
	id: number;
	suggestionId: number;
	title: string;
	excerpt: string;
	moderation: ModerationState;
	status: SuggestionStatus;
	opportunityTitle: string;
	authorName: string | null;
	createdAt: string;
	reportCount: number;
	reportReasons: ModerationReason[];
}

export function presentQueueItem(kind: 'suggestion' | 'comment', row: QueueRow): QueueItemView {
	return {
		key: itemRefValue({ kind, id: row.id }),
		kind,
		id: row.id,
		suggestionId: row.suggestionId,
		title: row.title,
		excerpt: excerpt(row.body),
		moderation: row.moderation,
		status: row.status,
		opportunityTitle: row.opportunityTitle,
		authorName: row.authorName,
		createdAt: iso(row.createdAt),
		reportCount: Number(row.reportCount),
		reportReasons: reasonsOf(row.reportReasons)
	};
}

export interface AdminSuggestionView {
	id: number;
	opportunityId: number;
	title: string;
	body: string;
	placeName: string | null;
	lat: number | null;
	lng: number | null;
	status: SuggestionStatus;
	moderation: ModerationState;
	moderationReason: string | null;
	answer: string;
	/** The official answer as sanitised HTML. */
	answerHtml: string | null;
	answeredAt: string | null;
	mergedIntoId: number | null;
	voteCount: number;
	commentCount: number;
	authorId: string | null;
	authorName: string | null;
	createdAt: string;
	publishedAt: string | null;
	/** The public page, when the suggestion is public. */
	publicPath: string;
}

export function presentSuggestionForAdmin(row: SuggestionRow, publicPath: string): AdminSuggestionView {
	return {
		id: row.id,
		opportunityId: row.opportunityId,
		title: row.title,
		body: row.body,
		placeName: row.placeName,
		lat: row.lat,
		lng: row.lng,
		status: row.status,
		moderation: row.moderation,
		moderationReason: row.moderationReason,
		answer: row.answer ?? '',
		answerHtml: row.answer ? renderMarkdown(row.answer) : null,
		answeredAt: isoOrNull(row.answeredAt),
		mergedIntoId: row.mergedIntoId,
		voteCount: row.voteCount,
		commentCount: row.commentCount,
		authorId: row.authorId,
		authorName: row.authorName,
		createdAt: iso(row.createdAt),
		publishedAt: isoOrNull(row.publishedAt),
		publicPath
	};
}

export interface AdminCommentView {
	key: string;
	id: number;
	parentId: number | null;
	authorId: string | null;
	authorName: string | null;
	body: string;
	moderation: ModerationState;
	moderationReason: string | null;
	official: boolean;
	createdAt: string;
	reportCount: number;
}

export function presentAdminComment(
	row: Omit<AdminCommentRow, 'suggestionTitle'> & { authorName: string | null; reportCount: number }
): AdminCommentView {
	return {
		key: itemRefValue({ kind: 'comment', id: row.id }),
		id: row.id,
		parentId: row.parentId,
		authorId: row.authorId,
		authorName: row.authorName,
		body: row.body,
		moderation: row.moderation,
		moderationReason: row.moderationReason,
		official: row.official,
		createdAt: iso(row.createdAt),
		reportCount: Number(row.reportCount)
	};
}

export interface AdminReportView {
	id: number;
	commentId: number | null;
	reason: ModerationReason;
	note: string;
	reporterName: string | null;
	createdAt: string;
	resolved: boolean;
}

export function presentAdminReport(row: {
	id: number;
	commentId: number | null;
	reason: ModerationReason;
	note: string;
	reporterName: string | null;
	createdAt: Date;
	resolvedAt: Date | null;
}): AdminReportView {
	return {
		id: row.id,
		commentId: row.commentId,
		reason: row.reason,
		note: row.note,
		reporterName: row.reporterName,
		createdAt: iso(row.createdAt),
		resolved: row.resolvedAt !== null
	};
}

export interface StoryEntryView {
	id: number;
	kind: StoryKind;
	status: SuggestionStatus | null;
	reason: string;
	actorName: string | null;
	createdAt: string;
}

export function presentStoryEntry(row: {
	id: number;
	kind: StoryKind;
	status: SuggestionStatus | null;
	reason: string;
	actorName: string | null;
	createdAt: Date;
}): StoryEntryView {
	return { ...row, createdAt: iso(row.createdAt) };
}

export interface BlockView {
	userId: string;
	name: string | null;
	reason: string;
	blockedByName: string | null;
	createdAt: string;
}

export function presentBlock(row: {
	userId: string;
	name: string | null;
	reason: string;
	blockedByName: string | null;
	createdAt: Date;
}): BlockView {
	return { ...row, createdAt: iso(row.createdAt) };
}

export interface SuggestionSettingsView {
	opportunityId: number;
	moderation: ModerationMode;
	submissionsOpen: boolean;
	votingOpen: boolean;
	voteLimit: number | null;
	queuePath: string;
	csvPath: string;
	geojsonPath: string;
}
