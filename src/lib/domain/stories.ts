// Neighbourhood stories (verhalen uit de buurt): a small initiative tells what it did, with a photo; staff
// publish it on the municipality's home or as news of an action. Shared by the server and the pages.

/** Waiting for staff, published (on the home or as an action's news), or not published with a reason. */
export const STORY_STATUSES = ['submitted', 'published', 'rejected'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** Where a published story is shown: the municipality's home, or as an update of an action. */
export const STORY_PLACEMENTS = ['home', 'action'] as const;
export type StoryPlacement = (typeof STORY_PLACEMENTS)[number];

/** Whether the story is published with the author's name or anonymously (the author chooses). */
export const STORY_CREDITS = ['name', 'anonymous'] as const;
export type StoryCredit = (typeof STORY_CREDITS)[number];

export const STORY_LIMITS = {
	titleMax: 120,
	/** A short story: about a page, shown beside the field. */
	bodyMax: 2_000,
	initiativeMax: 120,
	altMax: 300,
	reasonMax: 500,
	photoBytesMax: 10 * 1024 * 1024
} as const;

/** The public page of a published story. */
export function storyPath(municipalitySlug: string, id: number): string {
	return `/${municipalitySlug}/verhalen/${id}`;
}
