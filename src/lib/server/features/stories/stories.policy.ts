// Who may do what with neighbourhood stories: the one place these rules live.
import { can, type Actor, type MunicipalityTarget } from '$lib/server/platform/policy';

/**
 * Reading the queue, editing, publishing and rejecting stories: the moderators (they review what citizens
 * send in) and the communication service (it tells the municipality's stories), as for actions and their
 * news, which a story may become. Admins and regional admins hold both; the alderman and the participation
 * expert do not.
 */
export function canModerateStories(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'content.moderate', target) || can(actor, 'content.communicate', target);
}

/** Any signed-in person may tell a story in a participating municipality (one account, rate limited). */
export function canSubmitStories(actor: Actor | null | undefined): actor is Actor {
	return Boolean(actor);
}
