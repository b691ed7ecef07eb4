// Reading a municipality's official outline from an uploaded GeoJSON file: size, shape (Zod), WGS84, closed
// rings, and that it is the outline of this municipality (its centre inside, no neighbour's centre inside,
// in Flanders). Each refusal is one catalogue key to show beside the file field.
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import {
	boundaryContains,
	distanceOutsideFlanders,
	FLANDERS_OUTLINE_ACCURACY_METRES,
	type Boundary,
	type LatLng
} from './geo';

/** An official outline as GeoJSON is a few hundred kB; more is a file of something else or a whole region. */
export const BOUNDARY_MAX_BYTES = 3 * 1024 * 1024;
/** Points over all rings: enough for an official outline, few enough that a place check stays cheap. */
export const BOUNDARY_MAX_POINTS = 100_000;

const K = 'backoffice.settings.boundary';
const key = (k: string) => `${K}.${k}` as MessageKey;

const SHAPE = key('shape');
const WGS84 = key('notWgs84');

/** [lng, lat] or [lng, lat, altitude]; degrees, so Lambert 72 metres (150000, 200000) are refused here. */
const position = z
	.array(z.number({ error: SHAPE }), { error: SHAPE })
	.min(2, { error: SHAPE })
	.max(3, { error: SHAPE })
	.refine(([lng, lat]) => Math.abs(lng!) <= 180 && Math.abs(lat!) <= 90, { error: WGS84 });

const ring = z
	.array(position, { error: SHAPE })
	.min(4, { error: key('openRing') })
	.refine(
		(r) => {
			const first = r[0]!;
			const last = r[r.length - 1]!;
			return first[0] === last[0] && first[1] === last[1];
		},
		{ error: key('openRing') }
	);

const rings = z.array(ring, { error: SHAPE }).min(1, { error: SHAPE });

const polygon = z.object({ type: z.literal('Polygon'), coordinates: rings });
const multiPolygon = z.object({
	type: z.literal('MultiPolygon'),
	coordinates: z.array(rings, { error: SHAPE }).min(1, { error: SHAPE })
});
const geometry = z.discriminatedUnion('type', [polygon, multiPolygon], { error: SHAPE });
const feature = z.object({ type: z.literal('Feature'), geometry });

/** Old GeoJSON (2008) could name another coordinate system; only WGS84 longitude/latitude is read. */
const crs = z
	.unknown()
	.optional()
	.refine((v) => v === undefined || /CRS84|4326/i.test(JSON.stringify(v)), { error: WGS84 });

const file = z.discriminatedUnion(
	'type',
	[
		polygon.extend({ crs }),
		multiPolygon.extend({ crs }),
		feature.extend({ crs }),
		z.object({
			type: z.literal('FeatureCollection'),
			crs,
			features: z.array(feature, { error: SHAPE }).length(1, { error: key('oneFeature') })
		})
	],
	{ error: SHAPE }
);

export type BoundaryCheck =
	{ ok: true; boundary: Boundary; points: number } | { ok: false; error: MessageKey };

function refuse(error: MessageKey): BoundaryCheck {
	return { ok: false, error };
}

/** Seven decimals of a degree are about a centimetre: no official outline is more exact. */
const round = (n: number) => Math.round(n * 1e7) / 1e7;

/**
 * Reads an uploaded outline for a municipality with this centre; `neighbours` are the other reference
 * centres (an outline holding one of them is a wrong file, a whole province or the neighbour's).
 */
export function parseBoundaryFile(
	bytes: Uint8Array,
	municipality: { centre: LatLng; neighbours: readonly LatLng[] }
): BoundaryCheck {
	if (bytes.length === 0) return refuse(key('missing'));
	if (bytes.length > BOUNDARY_MAX_BYTES) return refuse(key('tooBig'));
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		// Not UTF-8, not JSON, or nested beyond what the parser takes: all "not a GeoJSON file".
		return refuse(key('notJson'));
	}
	const parsed = file.safeParse(json);
	if (!parsed.success) {
		// The most telling problem first: a coordinate system or an open ring says more than "wrong shape".
		const messages = parsed.error.issues.map((i) => i.message);
		for (const preferred of [WGS84, key('openRing'), key('oneFeature')])
			if (messages.includes(preferred)) return refuse(preferred);
		return refuse(SHAPE);
	}
	const data = parsed.data;
	const geom =
		data.type === 'FeatureCollection'
			? data.features[0]!.geometry
			: data.type === 'Feature'
				? data.geometry
				: data;
	const polygons = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
	const points = polygons.reduce((sum, p) => sum + p.reduce((s, r) => s + r.length, 0), 0);
	if (points > BOUNDARY_MAX_POINTS) return refuse(key('tooManyPoints'));

	const clean = polygons.map((p) => p.map((r) => r.map(([lng, lat]) => [round(lng!), round(lat!)])));
	const boundary: Boundary =
		geom.type === 'Polygon'
			? { type: 'Polygon', coordinates: clean[0]! }
			: { type: 'MultiPolygon', coordinates: clean };

	// A file whose every point lies far outside Flanders is usually lat/lng swapped or another system.
	const outside = (p: number[]) =>
		distanceOutsideFlanders({ lng: p[0]!, lat: p[1]! }) > FLANDERS_OUTLINE_ACCURACY_METRES;
	if (clean.every((p) => p.every((r) => r.every(outside)))) return refuse(key('outsideFlanders'));
	if (!boundaryContains(boundary, municipality.centre)) return refuse(key('centreOutside'));
	if (municipality.neighbours.some((n) => boundaryContains(boundary, n)))
		return refuse(key('neighbourInside'));
	if (clean.some((p) => p.some((r) => r.some(outside)))) return refuse(key('outsideFlanders'));
	return { ok: true, boundary, points };
}
