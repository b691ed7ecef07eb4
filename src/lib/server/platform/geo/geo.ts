// The one place that decides whether a point lies in Flanders or in a municipality, and how far apart two
// points are; every place check of a citizen, a moderator or the back office goes through here, so they all
// answer the same for the same point.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import outlineFile from './flanders-outline.json';

export interface LatLng {
	lat: number;
	lng: number;
}

/** An official outline as staff upload it, in WGS84 ([lng, lat] positions, closed rings). */
export type Boundary = Polygon | MultiPolygon;

const EARTH_RADIUS_METRES = 6_371_000;
const RAD = Math.PI / 180;

/** Great-circle distance in metres (haversine), good to a few metres at the distances of a region. */
export function distanceMetres(a: LatLng, b: LatLng): number {
	const dLat = (b.lat - a.lat) * RAD;
	const dLng = (b.lng - a.lng) * RAD;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * How far a centre's cell reaches where it has no neighbour on that side. The reference municipalities end
 * at the Kempen's edge: without this cut, the cell of a municipality on that edge (Mol, Herselt) would run to
 * the coast. 12 km is what the place check allowed before the cells (the Kempen's largest municipality).
 */
export const CELL_REACH_METRES = 12_000;

type Bbox = [number, number, number, number];

/** A geometry with its bounding box, so most points far away are refused without walking the rings. */
type Indexed<G extends Boundary> = G & { bbox: Bbox };

function withBbox<G extends Boundary>(geometry: G): Indexed<G> {
	const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	for (const polygon of polygons)
		for (const [lng, lat] of polygon[0] ?? []) {
			box[0] = Math.min(box[0], lng!);
			box[1] = Math.min(box[1], lat!);
			box[2] = Math.max(box[2], lng!);
			box[3] = Math.max(box[3], lat!);
		}
	return { ...geometry, bbox: box };
}

function inside(geometry: Indexed<Boundary>, point: LatLng): boolean {
	return booleanPointInPolygon([point.lng, point.lat], geometry);
}

const outline = outlineFile as Feature<Boundary, { accuracyMetres: number }>;

/** The committed, approximate outline of the Flemish Region (see the file's `about`). */
export const FLANDERS_OUTLINE: Readonly<Indexed<Boundary>> = Object.freeze(withBbox(outline.geometry));

/** How far the committed outline may lie from the real border; an uploaded boundary may cross it by this much. */
export const FLANDERS_OUTLINE_ACCURACY_METRES = outline.properties.accuracyMetres;

export function isInFlanders(point: LatLng): boolean {
	return inside(FLANDERS_OUTLINE, point);
}

/** What decides for one municipality, prepared once (per App through the cache) and asked for every point. */
export interface MunicipalityArea {
	readonly centre: LatLng;
	/** The uploaded official outline: when present it alone decides. */
	readonly boundary: Readonly<Indexed<Boundary>> | null;
	/** The centres of the other reference municipalities; without a boundary, the nearest centre wins. */
	readonly neighbours: readonly LatLng[];
}

export function municipalityArea(input: {
	centre: LatLng;
	boundary: Boundary | null;
	neighbours: readonly LatLng[];
}): MunicipalityArea {
	const neighbours = input.neighbours.filter((n) => n.lat !== input.centre.lat || n.lng !== input.centre.lng);
	return Object.freeze({
		centre: { ...input.centre },
		boundary: input.boundary ? Object.freeze(withBbox(input.boundary)) : null,
		neighbours: Object.freeze(neighbours.map((n) => ({ lat: n.lat, lng: n.lng })))
	});
}

/**
 * Inside the cell of the municipality's centre: no other reference centre is nearer (the Voronoi cell, ties
 * go to both), and within CELL_REACH_METRES.
 */
function inCell(area: MunicipalityArea, point: LatLng): boolean {
	const own = distanceMetres(area.centre, point);
	if (own > CELL_REACH_METRES) return false;
	return area.neighbours.every((n) => distanceMetres(n, point) >= own);
}

export type PlaceVerdict = 'inside' | 'outsideFlanders' | 'outsideMunicipality';

/**
 * Where a point lies for a municipality. With an uploaded boundary that boundary decides (it was checked to
 * lie in Flanders when it was uploaded, and it is more exact than the committed outline); without one, the
 * point must lie in the Flanders outline and in the cell of the municipality's centre.
 */
export function locatePoint(area: MunicipalityArea, point: LatLng): PlaceVerdict {
	if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return 'outsideFlanders';
	if (area.boundary) {
		if (inside(area.boundary, point)) return 'inside';
		return isInFlanders(point) ? 'outsideMunicipality' : 'outsideFlanders';
	}
	if (!isInFlanders(point)) return 'outsideFlanders';
	return inCell(area, point) ? 'inside' : 'outsideMunicipality';
}

export function isInMunicipality(area: MunicipalityArea, point: LatLng): boolean {
	return locatePoint(area, point) === 'inside';
}

/** Whether an outline (already checked for closed rings) contains a point; for checking an upload. */
export function boundaryContains(boundary: Boundary, point: LatLng): boolean {
	return inside(withBbox(boundary), point);
}

/**
 * Distance in metres from a point to the nearest edge of the Flanders outline (0 inside it), on a local flat
 * projection: good to well under a percent across Flanders, which is all an upload check needs.
 */
export function distanceOutsideFlanders(point: LatLng): number {
	if (isInFlanders(point)) return 0;
	const cos = Math.cos(point.lat * RAD);
	const x = (lng: number) => lng * cos * RAD * EARTH_RADIUS_METRES;
	const y = (lat: number) => lat * RAD * EARTH_RADIUS_METRES;
	const px = x(point.lng);
	const py = y(point.lat);
	let best = Infinity;
	const polygons =
		FLANDERS_OUTLINE.type === 'Polygon' ? [FLANDERS_OUTLINE.coordinates] : FLANDERS_OUTLINE.coordinates;
	for (const polygon of polygons)
		for (const ring of polygon)
			for (let i = 0; i + 1 < ring.length; i++) {
				const ax = x(ring[i]![0]!);
				const ay = y(ring[i]![1]!);
				const bx = x(ring[i + 1]![0]!);
				const by = y(ring[i + 1]![1]!);
				const dx = bx - ax;
				const dy = by - ay;
				const len = dx * dx + dy * dy;
				const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
				best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
			}
	return best;
}
