// Who sees and records impact figures: the one place these rules live. Public indicators are for everyone; the
// rest only for staff who read the municipality's dashboards (dashboard.view) and the region's admins.
import { can, canManageRegion, type Actor, type MunicipalityTarget } from '$lib/server/platform/policy';

/** A municipality's full dashboard (every indicator, entered notes, strategies). */
export function mayReadMunicipalityImpact(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'dashboard.view', target);
}

/** Recording the municipality's strategy, entering its figures, changing its baselines and targets. */
export function mayRecordMunicipalityImpact(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'settings.manage', target);
}

/** The region's dashboard, its baselines and targets, and every municipality's figures in it. */
export function mayManageRegionImpact(actor: Actor | null, regionId: string): boolean {
	return canManageRegion(actor, regionId);
}
