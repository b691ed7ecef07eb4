// Who may do what with citizen groups: the one place these rules live.
import { can, type Actor, type MunicipalityTarget } from '$lib/server/platform/policy';
import type { MemberRole, MemberStatus } from '$lib/domain/groups';

/**
 * Writing calls, deciding sign-ups and expenses, exporting the budget: whoever prepares working groups here
 * (moderators, the participation expert who coaches the municipality, admins). They are the group's coaching
 * staff and open its workspace too.
 */
export function canManageGroups(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'workingGroups.prepare', target);
}

/** A person's place in one group, as its membership row says (none: not a member). */
export interface Membership {
	status: MemberStatus;
	role: MemberRole;
}

/** The workspace: accepted members of this group and the municipality's coaching staff; nobody else. */
export function canOpenWorkspace(
	actor: Actor | null,
	target: MunicipalityTarget,
	membership: Membership | undefined
): boolean {
	if (!actor) return false;
	return membership?.status === 'accepted' || canManageGroups(actor, target);
}

/** Inviting others and handing over the coordinator's role: the coordinator, or staff. */
export function canSteerGroup(
	actor: Actor | null,
	target: MunicipalityTarget,
	membership: Membership | undefined
): boolean {
	if (!actor) return false;
	return (
		(membership?.status === 'accepted' && membership.role === 'coordinator') || canManageGroups(actor, target)
	);
}

/**
 * A group's own calls for suggestions on the map and its own events, on the actions it picked: the group's
 * coordinator, or the municipality's coaching staff (issue 19). A member, a member of another group, a citizen
 * and staff of another municipality may not.
 */
export function canRunGroupActions(
	actor: Actor | null,
	target: MunicipalityTarget,
	membership: Membership | undefined
): boolean {
	return canSteerGroup(actor, target, membership);
}
