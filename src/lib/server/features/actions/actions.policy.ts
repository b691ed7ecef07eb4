import { can, type Actor, type MunicipalityTarget } from '$lib/server/platform/policy';
// Who may do what with climate actions: pure functions over the actor, asked by services and the back office.

/**
 * Creating, editing, publishing and archiving actions, their opportunities and their news: the
 * communication service (it tells the story) and the moderators / civil servants (they run the
 * actions). Admins and regional admins hold both abilities. The alderman and the participation expert
 * read but do not change.
 */
export function canManageActions(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'content.communicate', target) || can(actor, 'content.moderate', target);
}

/** Any logged-in person may follow a published action of any municipality. */
export function canFollowActions(actor: Actor | null): actor is Actor {
	return Boolean(actor);
}
