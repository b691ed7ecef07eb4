// Who may do what with events and their registrations: pure functions over the actor (or the abilities the
// actor has here), asked by services and the back office. Registering needs no rule: anyone may, with an
// account or with a name and an address.
import {
	municipalityAbilities,
	type Actor,
	type MunicipalityAbility,
	type MunicipalityTarget
} from '$lib/server/platform/policy';

/**
 * Creating, editing, cancelling events, seeing their drafts and their registration lists, checking people
 * in: whoever prepares working groups (the moderators / civil servants who run them, the participation expert
 * coaching the municipality) and the communication service that announces them. Admins and regional admins
 * hold both abilities; the alderman reads the public side only. A participation expert has it only in the
 * municipalities they coach (platform/policy.ts, regionRoleReaches), not in the rest of their region. The back
 * office of events (events.admin.access.ts) asks only this.
 */
export function managesEventsWith(abilities: ReadonlySet<MunicipalityAbility>): boolean {
	return abilities.has('workingGroups.prepare') || abilities.has('content.communicate');
}

export function canManageEvents(actor: Actor | null, target: MunicipalityTarget): boolean {
	return managesEventsWith(municipalityAbilities(actor, target));
}
