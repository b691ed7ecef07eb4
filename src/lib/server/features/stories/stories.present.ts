// What leaves the server of a story, field by field: the card on the home and the list, the public page, and
// the back office's view (with the author's name only when they agreed to be named, as on the public page).
import { actionPath } from '$lib/domain/actions';
import { storyPath, type StoryPlacement, type StoryStatus } from '$lib/domain/stories';
import type { StoryRow } from './stories.queries';

export interface StoryPhotoView {
	src: string;
	alt: string;
	width: number | null;
	height: number | null;
}

export interface StoryCardView {
	id: number;
	title: string;
	initiative: string;
	/** The first words of the story. */
	excerpt: string;
	path: string;
	publishedAt: string | null;
	photo: StoryPhotoView | null;
}

export interface StoryPageView extends StoryCardView {
	/** The text in paragraphs, as typed (shown as text, never as HTML). */
	paragraphs: string[];
	/** The author's public name when they agreed to be named; null when published anonymously. */
	authorName: string | null;
	action: { title: string; path: string } | null;
}

const EXCERPT_MAX = 160;

export function excerptOf(body: string): string {
	const flat = body.replace(/\s+/g, ' ').trim();
	if (flat.length <= EXCERPT_MAX) return flat;
	const cut = flat.slice(0, EXCERPT_MAX);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_MAX - 20)).trimEnd()}…`;
}

export function paragraphsOf(body: string): string[] {
	return body
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

export function publicPhoto(row: {
	photoId: string | null;
	photoAlt: string | null;
	photoWidth: number | null;
	photoHeight: number | null;
}): StoryPhotoView | null {
	if (!row.photoId) return null;
	return {
		src: `/media/${row.photoId}`,
		alt: row.photoAlt ?? '',
		width: row.photoWidth,
		height: row.photoHeight
	};
}

export function presentStoryCard(
	municipalitySlug: string,
	row: {
		id: number;
		title: string;
		body: string;
		initiative: string;
		publishedAt: Date | null;
		photoId: string | null;
		photoAlt: string | null;
		photoWidth: number | null;
		photoHeight: number | null;
	}
): StoryCardView {
	return {
		id: row.id,
		title: row.title,
		initiative: row.initiative,
		excerpt: excerptOf(row.body),
		path: storyPath(municipalitySlug, row.id),
		publishedAt: row.publishedAt?.toISOString() ?? null,
		photo: publicPhoto(row)
	};
}

export function presentStoryPage(municipalitySlug: string, row: StoryRow): StoryPageView {
	return {
		...presentStoryCard(municipalitySlug, row),
		paragraphs: paragraphsOf(row.body),
		authorName: row.showName ? row.authorName : null,
		action:
			row.actionId !== null && row.actionTitle !== null
				? { title: row.actionTitle, path: actionPath(municipalitySlug, row.actionId, row.actionSlug ?? '') }
				: null
	};
}

/** A story as staff see it in the back office. */
export interface StoryAdminView {
	id: number;
	title: string;
	body: string;
	initiative: string;
	excerpt: string;
	status: StoryStatus;
	placement: StoryPlacement | null;
	/** The author's name as the public would read it, or null: anonymous, or the account is gone. */
	creditName: string | null;
	showName: boolean;
	action: { id: number; title: string } | null;
	/** The back office's own address of the photo (a waiting story's photo is not public). */
	photo: StoryPhotoView | null;
	rejectReason: string | null;
	createdAt: string;
	publishedAt: string | null;
	/** The public page, while published. */
	publicPath: string | null;
}

export function presentStoryAdmin(municipalitySlug: string, row: StoryRow): StoryAdminView {
	return {
		id: row.id,
		title: row.title,
		body: row.body,
		initiative: row.initiative,
		excerpt: excerptOf(row.body),
		status: row.status,
		placement: row.placement,
		creditName: row.showName ? row.authorName : null,
		showName: row.showName,
		action:
			row.actionId !== null && row.actionTitle !== null ? { id: row.actionId, title: row.actionTitle } : null,
		photo: row.photoId
			? {
					src: `/${municipalitySlug}/beheer/verhalen/${row.id}/foto`,
					alt: row.photoAlt ?? '',
					width: row.photoWidth,
					height: row.photoHeight
				}
			: null,
		rejectReason: row.rejectReason,
		createdAt: row.createdAt.toISOString(),
		publishedAt: row.publishedAt?.toISOString() ?? null,
		publicPath: row.status === 'published' ? storyPath(municipalitySlug, row.id) : null
	};
}
