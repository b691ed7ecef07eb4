// What leaves the server about one suggestion, its comments, its story and similar ones, field by field.
import type { ModerationState, StoryKind, SuggestionStatus } from '$lib/domain/suggestions';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { suggestionPath } from './suggestions.access';
import type { SuggestionRow } from './suggestions.queries';
import type { CommentRow, StoryRow } from './suggestions.contribute.queries';

export interface StoryEntryView {
	id: number;
	kind: StoryKind;
	status: SuggestionStatus | null;
	reason: string;
	at: string;
}

export interface SuggestionView {
	id: number;
	slug: string;
	path: string;
	title: string;
	/** The description as sanitised HTML (Markdown through platform/markdown.ts). */
	bodyHtml: string;
	status: SuggestionStatus;
	moderation: ModerationState;
	placeName: string | null;
	location: { lat: number; lng: number } | null;
	image: { url: string; alt: string } | null;
	authorName: string | null;
	createdAt: string;
	publishedAt: string | null;
	voteCount: number;
	commentCount: number;
	answerHtml: string | null;
	answeredAt: string | null;
	mergedIntoId: number | null;
	story: StoryEntryView[];
}

export function presentStory(rows: StoryRow[]): StoryEntryView[] {
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		status: r.status,
		reason: r.reason,
		at: r.createdAt.toISOString()
	}));
}

export function presentSuggestion(
	row: SuggestionRow,
	story: StoryRow[],
	municipalitySlug: string
): SuggestionView {
	return {
		id: row.id,
		slug: row.slug,
		path: suggestionPath(municipalitySlug, row),
		title: row.title,
		bodyHtml: renderMarkdown(row.body),
		status: row.status,
		moderation: row.moderation,
		placeName: row.placeName,
		location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
		image: row.imageId ? { url: `/media/${row.imageId}`, alt: row.imageAlt ?? '' } : null,
		authorName: row.authorName,
		createdAt: row.createdAt.toISOString(),
		publishedAt: row.publishedAt?.toISOString() ?? null,
		voteCount: row.voteCount,
		commentCount: row.commentCount,
		answerHtml: row.answer ? renderMarkdown(row.answer) : null,
		answeredAt: row.answeredAt?.toISOString() ?? null,
		mergedIntoId: row.mergedIntoId,
		story: presentStory(story)
	};
}

export interface CommentView {
	id: number;
	authorName: string | null;
	/** Plain text: comments are not Markdown, the page escapes them. */
	body: string;
	createdAt: string;
	moderation: ModerationState;
	official: boolean;
	mine: boolean;
	replies: CommentView[];
}

/** Top-level comments with their replies under them; a reply whose parent is hidden is not shown. */
export function presentComments(rows: CommentRow[], viewerId: string | null): CommentView[] {
	const view = (r: CommentRow): CommentView => ({
		id: r.id,
		authorName: r.authorName,
		body: r.body,
		createdAt: r.createdAt.toISOString(),
		moderation: r.moderation,
		official: r.official,
		mine: viewerId !== null && r.authorId === viewerId,
		replies: []
	});
	const top = new Map<number, CommentView>();
	for (const r of rows) if (r.parentId === null) top.set(r.id, view(r));
	for (const r of rows) if (r.parentId !== null) top.get(r.parentId)?.replies.push(view(r));
	return [...top.values()];
}

export interface SimilarView {
	id: number;
	title: string;
	path: string;
	placeName: string | null;
	status: SuggestionStatus;
	voteCount: number;
	near: boolean;
}

export function presentSimilar(
	rows: {
		id: number;
		slug: string;
		title: string;
		placeName: string | null;
		status: SuggestionStatus;
		voteCount: number;
		near: boolean;
	}[],
	municipalitySlug: string
): SimilarView[] {
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		path: suggestionPath(municipalitySlug, r),
		placeName: r.placeName,
		status: r.status,
		voteCount: r.voteCount,
		near: Boolean(r.near)
	}));
}

export interface SuggestionApi {
	id: number;
	opportunityId: number;
	title: string;
	body: string;
	status: SuggestionStatus;
	place: { name: string | null; lat: number | null; lng: number | null };
	votes: number;
	comments: number;
	answer: { text: string; answeredAt: string | null } | null;
	story: { kind: StoryKind; status: SuggestionStatus | null; reason: string; at: string }[];
	publishedAt: string | null;
	/** Its last change, as Last-Modified and the list's sync count it. */
	updatedAt: string;
	url: string;
	/** This item in the API: its stable address. */
	api: string;
}

export function presentSuggestionApi(
	row: SuggestionRow,
	story: StoryRow[],
	municipalitySlug: string,
	origin: string
): SuggestionApi {
	return {
		id: row.id,
		opportunityId: row.opportunityId,
		title: row.title,
		body: row.body,
		status: row.status,
		place: { name: row.placeName, lat: row.lat, lng: row.lng },
		votes: row.voteCount,
		comments: row.commentCount,
		answer: row.answer ? { text: row.answer, answeredAt: row.answeredAt?.toISOString() ?? null } : null,
		story: presentStory(story).map((s) => ({ kind: s.kind, status: s.status, reason: s.reason, at: s.at })),
		publishedAt: row.publishedAt?.toISOString() ?? null,
		updatedAt: row.updatedAt.toISOString(),
		url: `${origin}${suggestionPath(municipalitySlug, row)}`,
		api: `${origin}/api/v1/suggestions/${row.id}`
	};
}
