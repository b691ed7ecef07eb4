import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities, regions } from '$lib/server/db/schema';

const publicColumns = {
	id: municipalities.id,
	regionId: municipalities.regionId,
	slug: municipalities.slug,
	name: municipalities.name,
	nisCode: municipalities.nisCode,
	province: municipalities.province,
	arrondissement: municipalities.arrondissement,
	inhabitants: municipalities.inhabitants,
	mainPostcode: municipalities.mainPostcode,
	centerLat: municipalities.centerLat,
	centerLng: municipalities.centerLng,
	participating: municipalities.participating,
	primaryColor: municipalities.primaryColor,
	accentColor: municipalities.accentColor,
	logoUrl: municipalities.logoUrl,
	websiteUrl: municipalities.websiteUrl,
	intro: municipalities.intro,
	updatedAt: municipalities.updatedAt
};

export async function getDefaultRegion(db: Db) {
	const [region] = await db
		.select({ id: regions.id, slug: regions.slug, name: regions.name })
		.from(regions)
		.orderBy(asc(regions.createdAt))
		.limit(1);
	return region;
}

export async function listMunicipalities(db: Db, params: { regionId?: string } = {}) {
	return db
		.select(publicColumns)
		.from(municipalities)
		.where(params.regionId ? eq(municipalities.regionId, params.regionId) : undefined)
		.orderBy(asc(municipalities.name));
}

export async function getMunicipalityBySlug(db: Db, params: { slug: string }) {
	const [row] = await db
		.select(publicColumns)
		.from(municipalities)
		.where(eq(municipalities.slug, params.slug))
		.limit(1);
	return row;
}

export async function updateMunicipalityBranding(
	db: Db,
	params: {
		municipalityId: string;
		participating?: boolean;
		primaryColor?: string;
		accentColor?: string;
		intro?: string | null;
		websiteUrl?: string | null;
		logoUrl?: string | null;
	}
) {
	const { municipalityId, ...values } = params;
	await db
		.update(municipalities)
		.set({ ...values, updatedAt: sql`now()` })
		.where(eq(municipalities.id, municipalityId));
}

export type MunicipalityRow = Awaited<ReturnType<typeof listMunicipalities>>[number];
