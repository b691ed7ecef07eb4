import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { themes } from '$lib/server/db/schema';

const columns = {
	id: themes.id,
	municipalityId: themes.municipalityId,
	slug: themes.slug,
	defaultKey: themes.defaultKey,
	name: themes.name,
	description: themes.description,
	lekpWerf: themes.lekpWerf,
	climate: themes.climate,
	position: themes.position
};

export async function listThemes(db: Db, params: { municipalityId: string; includeInactive?: boolean }) {
	return db
		.select(columns)
		.from(themes)
		.where(
			and(
				eq(themes.municipalityId, params.municipalityId),
				params.includeInactive ? undefined : eq(themes.active, true)
			)
		)
		.orderBy(asc(themes.position), asc(themes.name));
}

/** Active themes of several municipalities at once (the region's home); still filtered by tenant. */
export async function listThemesOfMunicipalities(db: Db, params: { municipalityIds: string[] }) {
	if (params.municipalityIds.length === 0) return [];
	return db
		.select(columns)
		.from(themes)
		.where(and(inArray(themes.municipalityId, params.municipalityIds), eq(themes.active, true)))
		.orderBy(asc(themes.position), asc(themes.name));
}

export async function insertTheme(
	db: Db,
	params: {
		municipalityId: string;
		slug: string;
		name: string;
		description?: string | null;
		lekpWerf?: (typeof themes.$inferInsert)['lekpWerf'];
		climate: boolean;
		position: number;
	}
) {
	const [row] = await db.insert(themes).values(params).onConflictDoNothing().returning(columns);
	return row;
}

export type ThemeRow = Awaited<ReturnType<typeof listThemes>>[number];
