// Who may do what with the Climate Pact (LEKP): the one place these rules live.
import { can, type Actor, type MunicipalityTarget } from '$lib/server/platform/policy';

/**
 * Reading the pact's back office (totals, entries, the queue, the exports): everyone who reads the climate plan
 * here (the municipality's staff, the alderman, colleagues; not an external coach). The pact is the plan's
 * yardstick.
 */
export function canViewPact(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'climatePlan.view', target);
}

/**
 * Recording outcomes, verifying citizens' reports and entering the dwellings: those who steer the climate plan
 * (the sustainability service's moderators, admins, regional admins).
 */
export function canManagePact(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'climatePlan.manage', target);
}

/** Any signed-in person may report their own contribution in a participating municipality (rate limited). */
export function canReportContribution(actor: Actor | null | undefined): actor is Actor {
	return Boolean(actor);
}
