// Queries of a municipality's settings: its branding and statements, its themes, its logo. Filtered on the municipality.
import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actions, media, municipalities, themes } from '$lib/server/db/schema';

export async function getMunicipalitySettings(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({
			id: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			primaryColor: municipalities.primaryColor,
			accentColor: municipalities.accentColor,
			logoUrl: municipalities.logoUrl,
			websiteUrl: municipalities.websiteUrl,
			intro: municipalities.intro,
			privacyStatement: municipalities.privacyStatement,
			accessibilityStatement: municipalities.accessibilityStatement,
			// Whether an outline was uploaded, without reading the outline itself (it can be large).
			hasBoundary: sql<boolean>`${municipalities.boundary} IS NOT NULL`
		})
		.from(municipalities)
		.where(eq(municipalities.id, params.municipalityId))
		.limit(1);
	return row;
}

export type MunicipalitySettingsRow = NonNullable<Awaited<ReturnType<typeof getMunicipalitySettings>>>;

export async function updateMunicipalitySettings(
	db: Db,
	params: {
		municipalityId: string;
		values: Partial<
			Pick<
				typeof municipalities.$inferInsert,
				| 'primaryColor'
				| 'accentColor'
				| 'logoUrl'
				| 'websiteUrl'
				| 'intro'
				| 'privacyStatement'
				| 'accessibilityStatement'
				| 'boundary'
			>
		>;
	}
) {
	await db
		.update(municipalities)
		.set({ ...params.values, updatedAt: sql`now()` })
		.where(eq(municipalities.id, params.municipalityId));
}

const themeColumns = {
	id: themes.id,
	slug: themes.slug,
	defaultKey: themes.defaultKey,
	name: themes.name,
	description: themes.description,
	lekpWerf: themes.lekpWerf,
	climate: themes.climate,
	position: themes.position,
	active: themes.active
};

/** Every theme of the municipality, active or not, in the order the public sees them. */
export async function listThemesForSettings(db: Db, params: { municipalityId: string }) {
	return db
		.select(themeColumns)
		.from(themes)
		.where(eq(themes.municipalityId, params.municipalityId))
		.orderBy(asc(themes.position), asc(themes.name), asc(themes.id));
}

export type SettingsThemeRow = Awaited<ReturnType<typeof listThemesForSettings>>[number];

export async function getThemeForSettings(db: Db, params: { municipalityId: string; themeId: string }) {
	const [row] = await db
		.select(themeColumns)
		.from(themes)
		.where(and(eq(themes.municipalityId, params.municipalityId), eq(themes.id, params.themeId)))
		.limit(1);
	return row;
}

export async function listThemeSlugs(db: Db, params: { municipalityId: string; prefix: string }) {
	const rows = await db
		.select({ slug: themes.slug })
		.from(themes)
		.where(
			and(eq(themes.municipalityId, params.municipalityId), sql`${themes.slug} like ${params.prefix + '%'}`)
		);
	return rows.map((r) => r.slug);
}

export async function updateTheme(
	db: Db,
	params: {
		municipalityId: string;
		themeId: string;
		values: Partial<
			Pick<
				typeof themes.$inferInsert,
				'name' | 'description' | 'climate' | 'lekpWerf' | 'active' | 'position'
			>
		>;
	}
) {
	await db
		.update(themes)
		.set(params.values)
		.where(and(eq(themes.municipalityId, params.municipalityId), eq(themes.id, params.themeId)));
}

/** Deletes a theme the municipality added itself; the default climate themes are never deleted. */
export async function deleteOwnTheme(db: Db, params: { municipalityId: string; themeId: string }) {
	const rows = await db
		.delete(themes)
		.where(
			and(
				eq(themes.municipalityId, params.municipalityId),
				eq(themes.id, params.themeId),
				isNull(themes.defaultKey)
			)
		)
		.returning({ id: themes.id });
	return rows.length > 0;
}

export async function insertLogo(
	db: Db,
	params: {
		municipalityId: string;
		contentType: string;
		bytes: Buffer;
		width: number | null;
		height: number | null;
		createdBy: string | null;
	}
) {
	const [row] = await db
		.insert(media)
		.values({ ...params, kind: 'logo' })
		.returning({ id: media.id });
	if (!row) throw new Error('logo not inserted');
	return row;
}

/** Removes the municipality's earlier logos (all of them when keepId is absent). */
export async function deleteLogos(db: Db, params: { municipalityId: string; keepId?: string }) {
	await db
		.delete(media)
		.where(
			and(
				eq(media.municipalityId, params.municipalityId),
				eq(media.kind, 'logo'),
				params.keepId ? ne(media.id, params.keepId) : undefined
			)
		);
}

/**
 * An image by id for the public /media route, the one lookup without a tenant: a logo (public on every page
 * of its municipality), or a photo that a published, not archived action shows. Nothing else is served.
 */
export async function getPublicLogo(db: Db, params: { id: string }) {
	const [row] = await db
		.select({ contentType: media.contentType, bytes: media.bytes, createdAt: media.createdAt })
		.from(media)
		.where(
			and(
				eq(media.id, params.id),
				or(
					eq(media.kind, 'logo'),
					and(
						eq(media.kind, 'photo'),
						sql`EXISTS (SELECT 1 FROM ${actions} WHERE ${actions.imageId} = ${media.id} AND ${actions.municipalityId} = ${media.municipalityId} AND ${actions.publishedAt} <= now() AND ${actions.archivedAt} IS NULL)`
					)
				)
			)
		)
		.limit(1);
	return row;
}
