// Reading an uploaded outline: what an official file looks like is accepted, anything else is refused with
// one message, and hostile files cost nothing.
import { describe, expect, it } from 'vitest';
import { BOUNDARY_MAX_BYTES, BOUNDARY_MAX_POINTS, parseBoundaryFile } from './boundary';
import type { LatLng } from './geo';

const MOL = { lat: 51.1842, lng: 5.1153 };
const NEIGHBOURS: LatLng[] = [
	{ lat: 51.1623, lng: 4.9909 }, // Geel
	{ lat: 51.2399, lng: 5.1127 }, // Dessel
	{ lat: 51.1716, lng: 5.1685 }, // Balen
	{ lat: 51.1316, lng: 5.0785 } // Meerhout
];
const mol = { centre: MOL, neighbours: NEIGHBOURS };

/** A ring of `n` points (closed) on a circle of `metres` around a point, counter-clockwise. */
function ring(centre: LatLng, metres: number, n = 24): number[][] {
	const points: number[][] = [];
	for (let i = 0; i < n; i++) {
		const a = (2 * Math.PI * i) / n;
		points.push([
			centre.lng + (metres * Math.cos(a)) / (111_320 * Math.cos((centre.lat * Math.PI) / 180)),
			centre.lat + (metres * Math.sin(a)) / 111_320
		]);
	}
	return [...points, points[0]!];
}

const bytes = (value: unknown) =>
	new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const polygon = (rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });
const feature = (geometry: unknown) => ({ type: 'Feature', properties: { naam: 'Mol' }, geometry });
const error = (value: unknown) => {
	const result = parseBoundaryFile(value instanceof Uint8Array ? value : bytes(value), mol);
	return result.ok ? 'accepted' : result.error;
};

describe('an outline that is the municipality’s', () => {
	it('is accepted as a bare Polygon, a Feature, a FeatureCollection of one, or a MultiPolygon', () => {
		const outline = polygon([ring(MOL, 2_000)]);
		for (const file of [
			outline,
			feature(outline),
			{ type: 'FeatureCollection', features: [feature(outline)] },
			{ type: 'MultiPolygon', coordinates: [[ring(MOL, 2_000)], [ring({ lat: 51.3, lng: 5.25 }, 300)]] }
		])
			expect(error(file)).toBe('accepted');
	});

	it('is stored as a bare geometry with [lng, lat] rounded to 7 decimals and no altitude', () => {
		const withAltitude = ring(MOL, 2_000).map(([lng, lat]) => [lng! + 1e-9, lat!, 12.5]);
		const result = parseBoundaryFile(bytes(feature(polygon([withAltitude]))), mol);
		if (!result.ok) throw new Error(result.error);
		expect(result.boundary.type).toBe('Polygon');
		expect(result.points).toBe(25);
		const first = (result.boundary.coordinates as number[][][])[0]![0]!;
		expect(first).toHaveLength(2);
		expect(first[0]).toBe(Math.round(withAltitude[0]![0]! * 1e7) / 1e7);
	});

	it('may cross the approximate Flanders outline by its accuracy (a border municipality)', () => {
		// Arendonk's outline runs along the Dutch border; drawn 2 km past it, it is still accepted.
		const arendonk = { lat: 51.3202, lng: 5.0851 };
		const result = parseBoundaryFile(bytes(polygon([ring(arendonk, 6_000)])), {
			centre: arendonk,
			neighbours: []
		});
		expect(result.ok).toBe(true);
	});
});

describe('a file that is not', () => {
	it('refuses an empty or oversized file before reading it', () => {
		expect(error(new Uint8Array())).toBe('backoffice.settings.boundary.missing');
		expect(error(new Uint8Array(BOUNDARY_MAX_BYTES + 1))).toBe('backoffice.settings.boundary.tooBig');
	});

	it('refuses what is not JSON, or not UTF-8', () => {
		expect(error('<kml></kml>')).toBe('backoffice.settings.boundary.notJson');
		expect(error('{"type": "Polygon",')).toBe('backoffice.settings.boundary.notJson');
		expect(error(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))).toBe('backoffice.settings.boundary.notJson');
	});

	it('refuses GeoJSON without an outline: a point, a line, an empty collection, stray values', () => {
		for (const file of [
			{ type: 'Point', coordinates: [5.1, 51.1] },
			{ type: 'LineString', coordinates: ring(MOL, 2_000) },
			feature(null),
			{ type: 'FeatureCollection', features: [] },
			polygon([]),
			{ type: 'Polygon', coordinates: [[['5.1', '51.1']]] },
			null,
			42,
			'"Polygon"',
			[ring(MOL, 2_000)]
		])
			expect(error(file), JSON.stringify(file)?.slice(0, 60)).toMatch(
				/backoffice\.settings\.boundary\.(shape|oneFeature|openRing)/
			);
		expect(error({ type: 'FeatureCollection', features: [] })).toBe(
			'backoffice.settings.boundary.oneFeature'
		);
	});

	it('refuses a collection of several features (a file of all municipalities)', () => {
		const outline = polygon([ring(MOL, 2_000)]);
		expect(error({ type: 'FeatureCollection', features: [feature(outline), feature(outline)] })).toBe(
			'backoffice.settings.boundary.oneFeature'
		);
	});

	it('refuses coordinates that are not WGS84 degrees (Lambert 72) or that name another system', () => {
		const lambert = ring({ lat: 200_000, lng: 205_000 }, 2_000).map(([x, y]) => [x! * 1, y! * 1]);
		expect(error(polygon([lambert]))).toBe('backoffice.settings.boundary.notWgs84');
		expect(
			error({
				...polygon([ring(MOL, 2_000)]),
				crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::31370' } }
			})
		).toBe('backoffice.settings.boundary.notWgs84');
		expect(
			error({
				...polygon([ring(MOL, 2_000)]),
				crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }
			})
		).toBe('accepted');
	});

	it('refuses a ring that is not closed or has fewer than four points', () => {
		const open = ring(MOL, 2_000).slice(0, -1);
		expect(error(polygon([open]))).toBe('backoffice.settings.boundary.openRing');
		expect(
			error(
				polygon([
					[
						[5.1, 51.1],
						[5.2, 51.2],
						[5.1, 51.1]
					]
				])
			)
		).toBe('backoffice.settings.boundary.openRing');
	});

	it('refuses an outline that does not hold the centre, or also holds a neighbour’s centre', () => {
		expect(error(polygon([ring({ lat: 51.16, lng: 4.99 }, 2_000)]))).toBe(
			'backoffice.settings.boundary.centreOutside'
		);
		expect(error(polygon([ring(MOL, 15_000)]))).toBe('backoffice.settings.boundary.neighbourInside');
	});

	it('refuses an outline abroad or with latitude and longitude swapped', () => {
		const swapped = ring(MOL, 2_000).map(([lng, lat]) => [lat!, lng!]);
		expect(error(polygon([swapped]))).toBe('backoffice.settings.boundary.outsideFlanders');
		const namur = { lat: 50.4669, lng: 4.8674 };
		expect(
			parseBoundaryFile(bytes(polygon([ring(namur, 2_000)])), { centre: namur, neighbours: [] })
		).toEqual({ ok: false, error: 'backoffice.settings.boundary.outsideFlanders' });
		// Holds Mol's centre but reaches far into the Netherlands.
		const long = ring(MOL, 2_000);
		long.splice(6, 0, [5.48, 51.6]);
		expect(error(polygon([long]))).toBe('backoffice.settings.boundary.outsideFlanders');
	});

	it('refuses more points than a place check should walk', () => {
		// Short coordinates, so the file stays under the size limit and the count is what refuses it.
		const many = ring(MOL, 2_000, BOUNDARY_MAX_POINTS + 10).map(([lng, lat]) => [
			Math.round(lng! * 1e4) / 1e4,
			Math.round(lat! * 1e4) / 1e4
		]);
		const file = bytes(polygon([many]));
		expect(file.length).toBeLessThan(BOUNDARY_MAX_BYTES);
		expect(error(file)).toBe('backoffice.settings.boundary.tooManyPoints');
	});

	// How long it takes is measured in npm run bench (scripts/bench/micro.ts), not with a timer here.
	it('refuses hostile JSON: deep nesting, huge numbers, prototype keys', () => {
		const deep = '['.repeat(500_000) + ']'.repeat(500_000);
		expect(error(new TextEncoder().encode(deep))).toMatch(/notJson|shape/);
		expect(
			error(`{"type":"Polygon","coordinates":[[[1e400,51.1],[5.2,51.2],[5.1,51.3],[1e400,51.1]]]}`)
		).toMatch(/shape|notWgs84/);
		expect(
			error(
				`{"__proto__":{"polluted":true},"type":"Polygon","coordinates":${JSON.stringify([ring(MOL, 2_000)])}}`
			)
		).toBe('accepted');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
