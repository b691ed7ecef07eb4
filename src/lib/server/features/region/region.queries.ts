// Queries of the regional back office. The region is the tenant here: every query is filtered on its id.
import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	auditLog,
	coachedMunicipalities,
	municipalities,
	regionRoles,
	regions,
	users
} from '$lib/server/db/schema';
import type { RegionRole } from '$lib/server/platform/policy';
import { containsPattern } from '$lib/server/platform/text';
import { staffName } from '$lib/server/platform/backoffice';

export async function listRegionsByIds(db: Db, params: { ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select({ id: regions.id, slug: regions.slug, name: regions.name })
		.from(regions)
		.where(inArray(regions.id, params.ids))
		.orderBy(asc(regions.name));
}

/** Serialises role changes of one region, so its last regional admin can't be removed twice at once. */
export async function lockRegion(db: Db, params: { regionId: string }) {
	await db.select({ id: regions.id }).from(regions).where(eq(regions.id, params.regionId)).for('update');
}

/** Municipalities in which a person has a back office: through a membership, or through a role in their region. */
export async function listBackofficeMunicipalities(
	db: Db,
	params: { municipalityIds: string[]; regionIds: string[] }
) {
	if (params.municipalityIds.length === 0 && params.regionIds.length === 0) return [];
	return db
		.select({
			id: municipalities.id,
			regionId: municipalities.regionId,
			slug: municipalities.slug,
			name: municipalities.name,
			participating: municipalities.participating
		})
		.from(municipalities)
		.where(
			or(
				params.municipalityIds.length ? inArray(municipalities.id, params.municipalityIds) : undefined,
				params.regionIds.length ? inArray(municipalities.regionId, params.regionIds) : undefined
			)
		)
		.orderBy(asc(municipalities.name));
}

export async function listRegionMunicipalities(
	db: Db,
	params: {
		regionId: string;
		q?: string;
		participating?: boolean;
		sort?: 'name' | 'inhabitants';
		dir?: 'asc' | 'desc';
	}
) {
	const q = params.q?.trim();
	const column =
		params.sort === 'inhabitants' ? municipalities.inhabitants : sql`lower(${municipalities.name})`;
	return db
		.select({
			id: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			participating: municipalities.participating,
			inhabitants: municipalities.inhabitants
		})
		.from(municipalities)
		.where(
			and(
				eq(municipalities.regionId, params.regionId),
				q ? sql`unaccent(${municipalities.name}) ilike unaccent(${containsPattern(q)}::text)` : undefined,
				params.participating === undefined
					? undefined
					: eq(municipalities.participating, params.participating)
			)
		)
		.orderBy(params.dir === 'desc' ? desc(column) : asc(column), asc(municipalities.name));
}

export async function getRegionMunicipalitiesByIds(db: Db, params: { regionId: string; ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select({
			id: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			participating: municipalities.participating
		})
		.from(municipalities)
		.where(and(eq(municipalities.regionId, params.regionId), inArray(municipalities.id, params.ids)))
		.orderBy(asc(municipalities.name));
}

export async function setMunicipalitiesParticipating(
	db: Db,
	params: { regionId: string; ids: string[]; participating: boolean }
) {
	if (params.ids.length === 0) return [];
	return db
		.update(municipalities)
		.set({ participating: params.participating, updatedAt: sql`now()` })
		.where(
			and(
				eq(municipalities.regionId, params.regionId),
				inArray(municipalities.id, params.ids),
				sql`${municipalities.participating} <> ${params.participating}`
			)
		)
		.returning({ id: municipalities.id, name: municipalities.name });
}

const regionRoleColumns = {
	id: regionRoles.id,
	role: regionRoles.role,
	userId: users.id,
	name: staffName,
	email: users.email,
	createdAt: regionRoles.createdAt
};

export async function listRegionRoles(db: Db, params: { regionId: string }) {
	return db
		.select(regionRoleColumns)
		.from(regionRoles)
		.innerJoin(users, eq(users.id, regionRoles.userId))
		.where(eq(regionRoles.regionId, params.regionId))
		.orderBy(asc(sql`lower(${staffName})`), asc(regionRoles.role));
}

export async function getRegionRolesByIds(db: Db, params: { regionId: string; ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select(regionRoleColumns)
		.from(regionRoles)
		.innerJoin(users, eq(users.id, regionRoles.userId))
		.where(and(eq(regionRoles.regionId, params.regionId), inArray(regionRoles.id, params.ids)))
		.orderBy(asc(sql`lower(${staffName})`), asc(regionRoles.role));
}

export async function insertRegionRole(
	db: Db,
	params: { regionId: string; userId: string; role: RegionRole; createdBy: string }
) {
	const [row] = await db
		.insert(regionRoles)
		.values(params)
		.onConflictDoNothing()
		.returning({ id: regionRoles.id });
	return row;
}

export async function deleteRegionRoles(db: Db, params: { regionId: string; ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.delete(regionRoles)
		.where(and(eq(regionRoles.regionId, params.regionId), inArray(regionRoles.id, params.ids)))
		.returning({ id: regionRoles.id });
}

/** The municipalities each participation expert of the region coaches, by region role, in name order. */
export async function listCoachedMunicipalities(
	db: Db,
	params: { regionId: string; regionRoleIds?: string[] }
) {
	if (params.regionRoleIds?.length === 0) return [];
	return db
		.select({
			id: coachedMunicipalities.id,
			regionRoleId: coachedMunicipalities.regionRoleId,
			municipalityId: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			participating: municipalities.participating,
			createdAt: coachedMunicipalities.createdAt
		})
		.from(coachedMunicipalities)
		.innerJoin(regionRoles, eq(regionRoles.id, coachedMunicipalities.regionRoleId))
		.innerJoin(municipalities, eq(municipalities.id, coachedMunicipalities.municipalityId))
		.where(
			and(
				eq(regionRoles.regionId, params.regionId),
				eq(municipalities.regionId, params.regionId),
				params.regionRoleIds ? inArray(coachedMunicipalities.regionRoleId, params.regionRoleIds) : undefined
			)
		)
		.orderBy(asc(municipalities.name));
}

export async function insertCoachedMunicipality(
	db: Db,
	params: { regionRoleId: string; municipalityId: string; createdBy: string }
) {
	const [row] = await db
		.insert(coachedMunicipalities)
		.values(params)
		.onConflictDoNothing()
		.returning({ id: coachedMunicipalities.id });
	return row;
}

/** Ends the coaching of these municipalities by one region role of the region; ids of anything else stay. */
export async function deleteCoachedMunicipalities(
	db: Db,
	params: { regionId: string; regionRoleId: string; municipalityIds: string[] }
) {
	if (params.municipalityIds.length === 0) return [];
	return db
		.delete(coachedMunicipalities)
		.where(
			and(
				eq(coachedMunicipalities.regionRoleId, params.regionRoleId),
				inArray(coachedMunicipalities.municipalityId, params.municipalityIds),
				inArray(
					coachedMunicipalities.regionRoleId,
					db.select({ id: regionRoles.id }).from(regionRoles).where(eq(regionRoles.regionId, params.regionId))
				)
			)
		)
		.returning({ municipalityId: coachedMunicipalities.municipalityId });
}

export async function countRegionalAdmins(db: Db, params: { regionId: string }) {
	const [row] = await db
		.select({ n: count() })
		.from(regionRoles)
		.where(and(eq(regionRoles.regionId, params.regionId), eq(regionRoles.role, 'regional_admin')));
	return row?.n ?? 0;
}

/** The latest changes made in the regional back office: region roles, and participation (kept per municipality). */
export async function listRegionAuditEntries(db: Db, params: { regionId: string; limit: number }) {
	return db
		.select({
			id: auditLog.id,
			actorName: auditLog.actorName,
			action: auditLog.action,
			subjectName: auditLog.subjectName,
			details: auditLog.details,
			createdAt: auditLog.createdAt
		})
		.from(auditLog)
		.where(
			and(
				eq(auditLog.regionId, params.regionId),
				or(isNull(auditLog.municipalityId), sql`${auditLog.action} like 'region.%'`)
			)
		)
		.orderBy(desc(auditLog.createdAt), desc(auditLog.id))
		.limit(params.limit);
}
