// Suggestions on the map: the vocabulary shared by server and browser.

/**
 * The story of a suggestion, in order. `submitted` waits for a moderator (pre-moderation); `published`
 * is public; then the municipality reviews, chooses or does not choose, carries it out and finishes it.
 */
export const SUGGESTION_STATUSES = [
	'submitted',
	'published',
	'underReview',
	'chosen',
	'notChosen',
	'inExecution',
	'done'
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Statuses staff may move a public suggestion to (submitted and published follow from moderation). */
export const DECISION_STATUSES = [
	'published',
	'underReview',
	'chosen',
	'notChosen',
	'inExecution',
	'done'
] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Whether anyone but the author and staff may see a contribution (suggestion or comment). */
export const MODERATION_STATES = ['pending', 'approved', 'rejected'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

/** Per opportunity: nothing public before a moderator approves (pre), or public at once and moderated after (post). */
export const MODERATION_MODES = ['pre', 'post'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** Reasons offered to people who report, and to moderators who reject; "other" comes with a typed text. */
export const MODERATION_REASONS = [
	'spam',
	'offensive',
	'personalData',
	'offTopic',
	'duplicate',
	'other'
] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/** Kinds of entries in a suggestion's public story. */
export const STORY_KINDS = ['submitted', 'published', 'status', 'answered', 'merged'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

export const SUGGESTION_LIMITS = {
	titleMax: 120,
	bodyMax: 5_000,
	commentMax: 2_000,
	placeNameMax: 200,
	reasonMax: 1_000,
	answerMax: 10_000,
	/** Links in one text before it is refused as likely spam. */
	linksMax: 2,
	photoBytesMax: 10 * 1024 * 1024,
	altMax: 300
} as const;

/**
 * The closest zoom of an opportunity's map (SuggestionMap). Suggestions that still share a cluster there can not
 * be parted by zooming, so from this zoom on the clusters endpoint gives each cluster its suggestions.
 */
export const MAP_MAX_ZOOM = 19;

/** Web Mercator in [0, 1] (x east, y south): what the clusters are computed on. Matches the generated columns. */
export function mercator(lat: number, lng: number): { x: number; y: number } {
	const rad = (lat * Math.PI) / 180;
	return {
		x: (lng + 180) / 360,
		y: (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2
	};
}
