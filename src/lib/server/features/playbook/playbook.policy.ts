// Who may do what with the playbook: pure functions over the actor (or the abilities the actor has in a
// municipality), asked by the services and, as yes/no, by the pages.
import {
	canManageRegion,
	municipalityAbilities,
	type Actor,
	type MunicipalityTarget
} from '$lib/server/platform/policy';

/**
 * Keeping the region's templates (writing, editing phases, steps and documents): the regional admins and the
 * participation experts of that region, whom the region asks to write them. An expert needs no coached
 * municipality for this: the templates are the region's, not a municipality's.
 */
export function canKeepPlaybook(actor: Actor | null, regionId: string): boolean {
	return Boolean(
		actor?.regionRoles.some(
			(r) => r.regionId === regionId && (r.role === 'regional_admin' || r.role === 'participation_expert')
		)
	);
}

/**
 * Publishing a template, accepting or declining a municipality's proposal, and the region's overview of who
 * runs which template: the regional admin only.
 */
export function canDecidePlaybook(actor: Actor | null, regionId: string): boolean {
	return canManageRegion(actor, regionId);
}

/** Reading the municipality's trajectories: everyone with its back office. */
export function canReadTrajectories(actor: Actor | null, target: MunicipalityTarget): boolean {
	return municipalityAbilities(actor, target).has('backoffice.view');
}

/**
 * Starting and running trajectories (dates, ticking steps, sessions, proposals): whoever prepares working groups
 * there (the civil servants who moderate, the admins, the regional admin, the coaching participation expert).
 */
export function canRunTrajectories(actor: Actor | null, target: MunicipalityTarget): boolean {
	return municipalityAbilities(actor, target).has('workingGroups.prepare');
}
