// Who may do what with opportunities: pure functions over the actor, asked by services and the back office.
import { canManageActions } from '$lib/server/features/actions/actions.policy';
import type { Actor, MunicipalityTarget } from '$lib/server/platform/policy';

/** An opportunity is part of its action: whoever manages the municipality's actions manages their opportunities. */
export function canManageOpportunities(actor: Actor | null, target: MunicipalityTarget): boolean {
	return canManageActions(actor, target);
}
