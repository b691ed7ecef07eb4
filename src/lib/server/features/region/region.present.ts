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
	/** For a participation expert, the names of the municipalities they coach; null for the other roles. */
	coaches: string[] | null;
}

/** A municipality a participation expert coaches, as the regional admin's coaching page lists it. */
export interface CoachedMunicipalityView {
	id: string;
	slug: string;
	name: string;
	participating: boolean;
	since: string;
}

export function presentCoachedMunicipality(row: {
	municipalityId: string;
	slug: string;
	name: string;
	participating: boolean;
	createdAt: Date;
}): CoachedMunicipalityView {
	return {
		id: row.municipalityId,
		slug: row.slug,
		name: row.name,
		participating: row.participating,
		since: new Date(row.createdAt).toISOString()
	};
}

export function presentRegionRole(
	row: { id: string; role: RegionRole; userId: string; name: string; email: string | null; createdAt: Date },
	selfId: string,
	coaches: string[] = []
): RegionRoleView {
	return {
		id: row.id,
		role: row.role,
		name: row.name,
		email: row.email,
		since: new Date(row.createdAt).toISOString(),
		isSelf: row.userId === selfId,
		coaches: row.role === 'participation_expert' ? coaches : null
	};
}
