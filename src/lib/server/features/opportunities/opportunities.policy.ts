// Who may do what with opportunities: pure functions over the actor, asked by services and the back office.
import type { Actor, MunicipalityTarget } from '$lib/server/features/accounts/accounts.policy';
import { canManageActions } from '$lib/server/features/actions/actions.policy';

/** An opportunity is part of its action: whoever manages the municipality's actions manages their opportunities. */
export function canManageOpportunities(actor: Actor | null, target: MunicipalityTarget): boolean {
	return canManageActions(actor, target);
}
