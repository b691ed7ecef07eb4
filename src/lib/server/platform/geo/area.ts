// A municipality's area as the place checks need it: its centre, its uploaded boundary and the other
// reference centres, read in one query and kept in the App's cache (cleared by every write through the site).
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities } from '$lib/server/db/schema';
import { cached, type Cache } from '../cache';
import {
	locatePoint,
	municipalityArea,
	type Boundary,
	type LatLng,
	type MunicipalityArea,
	type PlaceVerdict
} from './geo';

/** The area of a municipality, or null when it does not exist. */
export async function loadMunicipalityArea(
	ctx: { db: Db; cache?: Cache },
	municipalityId: string
): Promise<MunicipalityArea | null> {
	return cached(ctx.cache, `geo.area:${municipalityId}`, async () => {
		// Every municipality's centre, and only this one's boundary (an outline can be large).
		const rows = await ctx.db
			.select({
				id: municipalities.id,
				lat: municipalities.centerLat,
				lng: municipalities.centerLng,
				boundary: sql<Boundary | null>`CASE WHEN ${municipalities.id} = ${municipalityId} THEN ${municipalities.boundary} END`
			})
			.from(municipalities);
		const own = rows.find((r) => r.id === municipalityId);
		if (!own) return null;
		return municipalityArea({
			centre: { lat: own.lat, lng: own.lng },
			boundary: typeof own.boundary === 'string' ? (JSON.parse(own.boundary) as Boundary) : own.boundary,
			neighbours: rows.filter((r) => r.id !== municipalityId)
		});
	});
}

/**
 * Where a point lies for a municipality: the one check behind a citizen's place, a moderator's re-placing and
 * the back office's places. A municipality that does not exist has no area to refuse with ('inside').
 */
export async function placeVerdict(
	ctx: { db: Db; cache?: Cache },
	municipalityId: string,
	point: LatLng
): Promise<PlaceVerdict> {
	const area = await loadMunicipalityArea(ctx, municipalityId);
	return area ? locatePoint(area, point) : 'inside';
}
