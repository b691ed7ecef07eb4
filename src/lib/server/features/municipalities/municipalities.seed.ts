// Reference data every installation has: the Kempen region with its 29 municipalities and default themes.
import { sql } from 'drizzle-orm';
import csv from '$lib/server/data/kempen-municipalities.csv?raw';
import { DEFAULT_THEMES } from '$lib/domain/themes';
import { translate } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import { municipalities, regions, themes } from '$lib/server/db/schema';
import { slugify } from '$lib/server/platform/text';
import { isReservedPath } from '$lib/server/platform/reserved-paths';

export interface MunicipalityRecord {
	nisCode: string;
	name: string;
	slug: string;
	province: string;
	arrondissement: string;
	inhabitants: number;
	mainPostcode: string;
	centerLat: number;
	centerLng: number;
}

export function parseMunicipalitiesCsv(text: string): MunicipalityRecord[] {
	const [header, ...lines] = text.trim().split(/\r?\n/);
	const columns = header?.split(',') ?? [];
	const expected = [
		'nis_code',
		'name',
		'province',
		'arrondissement',
		'inhabitants_2020',
		'main_postcode',
		'center_lat',
		'center_lng'
	];
	if (expected.some((c, i) => columns[i] !== c))
		throw new Error(`unexpected municipalities CSV header: ${header}`);
	return lines.map((line) => {
		const [nisCode, name, province, arrondissement, inhabitants, mainPostcode, lat, lng] = line.split(',');
		if (!nisCode || !name || !province || !arrondissement || !inhabitants || !mainPostcode || !lat || !lng) {
			throw new Error(`incomplete municipalities CSV line: ${line}`);
		}
		const slug = slugify(name);
		// A municipality's address would be a page of the platform (hooks.server.ts never looks it up).
		if (isReservedPath(slug)) throw new Error(`municipality slug is a reserved path: ${slug}`);
		return {
			nisCode,
			name,
			slug,
			province,
			arrondissement,
			inhabitants: Number(inhabitants),
			mainPostcode,
			centerLat: Number(lat),
			centerLng: Number(lng)
		};
	});
}

export const KEMPEN = { slug: 'kempen', name: 'regio Kempen' } as const;

/** Idempotent: adds what is missing and leaves what a municipality changed alone. */
export async function seedReferenceData(db: Db): Promise<{ regionId: string }> {
	const records = parseMunicipalitiesCsv(csv);
	return db.transaction(async (tx) => {
		await tx.insert(regions).values(KEMPEN).onConflictDoNothing({ target: regions.slug });
		const [region] = await tx
			.select({ id: regions.id })
			.from(regions)
			.where(sql`${regions.slug} = ${KEMPEN.slug}`);
		if (!region) throw new Error('region missing after insert');
		await tx
			.insert(municipalities)
			.values(records.map((r) => ({ ...r, regionId: region.id })))
			.onConflictDoNothing({ target: municipalities.nisCode });
		const all = await tx.select({ id: municipalities.id }).from(municipalities);
		await tx
			.insert(themes)
			.values(
				all.flatMap((m) =>
					DEFAULT_THEMES.map((theme, position) => ({
						municipalityId: m.id,
						slug: theme.slug,
						defaultKey: theme.key,
						name: translate('nl', `theme.${theme.key}`),
						lekpWerf: theme.werf,
						climate: true,
						position
					}))
				)
			)
			.onConflictDoNothing();
		return { regionId: region.id };
	});
}
