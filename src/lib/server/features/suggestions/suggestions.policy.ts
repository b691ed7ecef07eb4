// Who may do what with suggestions: pure functions over the actor, asked by every suggestions service.
import type { ModerationState } from '$lib/domain/suggestions';
import { can, type Actor, type MunicipalityTarget } from '$lib/server/platform/policy';

/** Moderators (civil servants) and admins: the queue, approve and reject, answer, statuses, merge, block, export. */
export function canModerateSuggestions(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'content.moderate', target);
}

/** Any logged-in person who is not blocked in this municipality may suggest, vote, comment and report. */
export function canContribute(actor: Actor | null, blocked: boolean): actor is Actor {
	return Boolean(actor) && !blocked;
}

/**
 * Who sees a suggestion or comment: everyone once approved; before that (or after a rejection) only its
 * author and the municipality's moderators.
 */
export function canSeeContribution(
	actor: Actor | null,
	contribution: { moderation: ModerationState; authorId: string | null },
	target: MunicipalityTarget
): boolean {
	if (contribution.moderation === 'approved') return true;
	if (actor && contribution.authorId === actor.userId) return true;
	return canModerateSuggestions(actor, target);
}
