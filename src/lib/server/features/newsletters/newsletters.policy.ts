// Who may write and send newsletters: whoever communicates for the municipality (the communication officer,
// its admin, the regional admin); a region-wide audience only the regional admin of its region.
// Writing and sending is the ability 'content.communicate' (newsletters.access.ts asks it).
import { canManageRegion, type Actor, type MunicipalityTarget } from '$lib/server/platform/policy';

export function canSendRegionWide(actor: Actor | null, target: MunicipalityTarget): boolean {
	return canManageRegion(actor, target.regionId);
}
