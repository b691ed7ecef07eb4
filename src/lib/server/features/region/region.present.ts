import type { RegionRole } from '$lib/server/platform/policy';
// What leaves the server about the regional back office, field by field.

export interface RegionView {
	id: string;
	slug: string;
	name: string;
}

export interface BackofficeMunicipalityView {
	slug: string;
	name: string;
	participating: boolean;
}

export interface RegionMunicipalityView {
	id: string;
	slug: string;
	name: string;
	participating: boolean;
	inhabitants: number;
}

export interface RegionRoleView {
	id: string;
	role: RegionRole;
	name: string;
	email: string | null;
	since: string;
	isSelf: boolean;
}

export function presentRegionRole(
	row: { id: string; role: RegionRole; userId: string; name: string; email: string | null; createdAt: Date },
	selfId: string
): RegionRoleView {
	return {
		id: row.id,
		role: row.role,
		name: row.name,
		email: row.email,
		since: new Date(row.createdAt).toISOString(),
		isSelf: row.userId === selfId
	};
}
