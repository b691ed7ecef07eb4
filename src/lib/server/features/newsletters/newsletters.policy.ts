// Who may write and send newsletters: whoever communicates for the municipality (the communication officer,
// its admin, the regional admin); a region-wide audience only the regional admin of its region.
import { can, canManageRegion, type Actor, type MunicipalityTarget } from '$lib/server/platform/policy';

export function canManageNewsletters(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'content.communicate', target);
}

export function canSendRegionWide(actor: Actor | null, target: MunicipalityTarget): boolean {
	return canManageRegion(actor, target.regionId);
}
