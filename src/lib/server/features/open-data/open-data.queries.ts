// Drizzle queries of a municipality's open-data settings; the municipality id in every where.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { openDataSettings } from '$lib/server/db/schema';

/** The licences chosen by these municipalities (those without a row use the default). */
export async function listLicences(
	db: Db,
	params: { municipalityIds: readonly string[] }
): Promise<{ municipalityId: string; licence: string; updatedAt: Date }[]> {
	if (params.municipalityIds.length === 0) return [];
	return db
		.select({
			municipalityId: openDataSettings.municipalityId,
			licence: openDataSettings.licence,
			updatedAt: openDataSettings.updatedAt
		})
		.from(openDataSettings)
		.where(inArray(openDataSettings.municipalityId, [...params.municipalityIds]));
}

export async function getLicence(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({ licence: openDataSettings.licence, updatedAt: openDataSettings.updatedAt })
		.from(openDataSettings)
		.where(eq(openDataSettings.municipalityId, params.municipalityId));
	return row;
}

export async function upsertLicence(db: Db, params: { municipalityId: string; licence: string }) {
	await db
		.insert(openDataSettings)
		.values({ municipalityId: params.municipalityId, licence: params.licence })
		.onConflictDoUpdate({
			target: openDataSettings.municipalityId,
			set: { licence: params.licence, updatedAt: sql`now()` }
		});
}
