// The place rule on its own: the Flanders outline, the cells of the Kempen centres, an uploaded boundary.
import { describe, expect, it } from 'vitest';
import csv from '$lib/server/data/kempen-municipalities.csv?raw';
import { parseMunicipalitiesCsv } from '$lib/server/features/municipalities/municipalities.seed';
import {
	CELL_REACH_METRES,
	distanceMetres,
	FLANDERS_OUTLINE,
	isInFlanders,
	isInMunicipality,
	locatePoint,
	municipalityArea,
	type Boundary,
	type LatLng
} from './geo';

/** The 29 reference centres, read from the same file, in the same way, as the reference seed. */
const CENTRES: Record<string, LatLng> = Object.fromEntries(
	parseMunicipalitiesCsv(csv).map((m) => [m.name.toLowerCase(), { lat: m.centerLat, lng: m.centerLng }])
);

function areaOf(name: string, boundary: Boundary | null = null) {
	const centre = CENTRES[name]!;
	return municipalityArea({ centre, boundary, neighbours: Object.values(CENTRES) });
}

/** A square around a point, about `metres` on each side of it. */
function square(centre: LatLng, metres: number): Boundary {
	const dLat = metres / 111_320;
	const dLng = metres / (111_320 * Math.cos((centre.lat * Math.PI) / 180));
	const { lat, lng } = centre;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[lng - dLng, lat - dLat],
				[lng + dLng, lat - dLat],
				[lng + dLng, lat + dLat],
				[lng - dLng, lat + dLat],
				[lng - dLng, lat - dLat]
			]
		]
	};
}

const GEEL_CENTRE = { lat: 51.1623, lng: 4.9909 };
/** In Mol, about 1.2 km nearer Mol's centre than Geel's: just on Mol's side of the line between them. */
const MOL_NEAR_GEEL = { lat: 51.178, lng: 5.06 };
const NAMUR = { lat: 50.4669, lng: 4.8674 };
const LIEGE = { lat: 50.6326, lng: 5.5797 };
const EINDHOVEN = { lat: 51.4416, lng: 5.4697 };
const TILBURG = { lat: 51.5555, lng: 5.0913 };
const BRUSSELS_GRAND_PLACE = { lat: 50.8467, lng: 4.3525 };
const LILLE_FR = { lat: 50.6292, lng: 3.0573 };

describe('distanceMetres', () => {
	it('measures the great-circle distance (Geel to Mol, about 9.2 km)', () => {
		const d = distanceMetres(CENTRES.geel!, CENTRES.mol!);
		expect(d).toBeGreaterThan(9_000);
		expect(d).toBeLessThan(9_400);
		expect(distanceMetres(CENTRES.geel!, CENTRES.geel!)).toBe(0);
	});

	it('is symmetric', () => {
		expect(distanceMetres(NAMUR, EINDHOVEN)).toBeCloseTo(distanceMetres(EINDHOVEN, NAMUR), 6);
	});
});

describe('the Flanders outline', () => {
	it('holds every reference centre, Baarle-Hertog among the Dutch enclaves included', () => {
		for (const [name, centre] of Object.entries(CENTRES)) expect(isInFlanders(centre), name).toBe(true);
	});

	it('holds well-known Flemish places from the coast to Limburg and Voeren', () => {
		for (const place of [
			{ lat: 51.2194, lng: 4.4025 }, // Antwerpen
			{ lat: 51.0543, lng: 3.7174 }, // Gent
			{ lat: 51.2093, lng: 3.2247 }, // Brugge
			{ lat: 51.2154, lng: 2.9286 }, // Oostende
			{ lat: 50.8503, lng: 2.8851 }, // Ieper
			{ lat: 50.8798, lng: 4.7005 }, // Leuven
			{ lat: 50.9307, lng: 5.3325 }, // Hasselt
			{ lat: 51.0964, lng: 5.7886 }, // Maaseik
			{ lat: 50.7557, lng: 5.8172 } // Voeren ('s-Gravenvoeren)
		])
			expect(isInFlanders(place), JSON.stringify(place)).toBe(true);
	});

	it('leaves out Wallonia, the Netherlands, France and Brussels', () => {
		for (const place of [NAMUR, LIEGE, EINDHOVEN, TILBURG, LILLE_FR, BRUSSELS_GRAND_PLACE])
			expect(isInFlanders(place), JSON.stringify(place)).toBe(false);
	});

	it('refuses a point with latitude and longitude swapped', () => {
		expect(isInFlanders({ lat: 4.99, lng: 51.16 })).toBe(false);
	});

	it('is a valid, closed outline in WGS84 (a replacement file must be too)', () => {
		const polygons =
			FLANDERS_OUTLINE.type === 'Polygon' ? [FLANDERS_OUTLINE.coordinates] : FLANDERS_OUTLINE.coordinates;
		for (const polygon of polygons)
			for (const ring of polygon) {
				expect(ring.length).toBeGreaterThanOrEqual(4);
				expect(ring[0]).toEqual(ring[ring.length - 1]);
				for (const [lng, lat] of ring) {
					expect(lng).toBeGreaterThan(2);
					expect(lng).toBeLessThan(6.5);
					expect(lat).toBeGreaterThan(50.5);
					expect(lat).toBeLessThan(51.6);
				}
			}
	});
});

describe('a municipality without a boundary: the cell of its centre', () => {
	it("refuses Geel's centre for Mol and accepts it for Geel (the bug of the 12 km circle)", () => {
		expect(distanceMetres(GEEL_CENTRE, CENTRES.mol!)).toBeLessThan(CELL_REACH_METRES);
		expect(locatePoint(areaOf('mol'), GEEL_CENTRE)).toBe('outsideMunicipality');
		expect(locatePoint(areaOf('geel'), GEEL_CENTRE)).toBe('inside');
	});

	it('accepts a point just inside Mol near the Geel border for Mol, and not for Geel', () => {
		expect(isInMunicipality(areaOf('mol'), MOL_NEAR_GEEL)).toBe(true);
		expect(isInMunicipality(areaOf('geel'), MOL_NEAR_GEEL)).toBe(false);
	});

	it('gives every point near the Kempen to exactly one municipality', () => {
		const areas = Object.keys(CENTRES).map((name) => areaOf(name));
		for (let lat = 51.05; lat <= 51.35; lat += 0.05)
			for (let lng = 4.75; lng <= 5.1; lng += 0.05) {
				const owners = areas.filter((a) => isInMunicipality(a, { lat, lng })).length;
				expect(owners, `${lat},${lng}`).toBe(1);
			}
	});

	it('refuses points in Wallonia and the Netherlands as outside Flanders', () => {
		for (const place of [NAMUR, LIEGE, EINDHOVEN, TILBURG])
			expect(locatePoint(areaOf('mol'), place)).toBe('outsideFlanders');
	});

	it('stops a cell at the edge of the reference municipalities (no neighbour towards Hasselt)', () => {
		expect(locatePoint(areaOf('balen'), { lat: 50.9307, lng: 5.3325 })).toBe('outsideMunicipality');
	});

	it('refuses coordinates that are not numbers', () => {
		expect(locatePoint(areaOf('mol'), { lat: Number.NaN, lng: 5.1 })).toBe('outsideFlanders');
	});
});

describe('a municipality with an uploaded boundary', () => {
	it('lets the boundary decide, also where the cell would say otherwise', () => {
		// A (made-up) outline of Mol that reaches over Geel's centre and leaves out Mol's north.
		const boundary = square({ lat: 51.15, lng: 5.03 }, 6_000);
		const mol = areaOf('mol', boundary);
		expect(locatePoint(mol, GEEL_CENTRE)).toBe('inside');
		expect(locatePoint(mol, { lat: 51.185, lng: 5.13 })).toBe('outsideMunicipality');
		expect(locatePoint(areaOf('mol'), { lat: 51.185, lng: 5.13 })).toBe('inside');
	});

	it('says "outside Flanders" for a point abroad and outside the boundary', () => {
		expect(locatePoint(areaOf('mol', square(CENTRES.mol!, 5_000)), EINDHOVEN)).toBe('outsideFlanders');
	});

	it('reads a MultiPolygon part by part, holes included', () => {
		const outer = square(CENTRES.mol!, 5_000) as { coordinates: number[][][] };
		const hole = (square(CENTRES.mol!, 1_000) as { coordinates: number[][][] }).coordinates[0]!.reverse();
		const enclave = square({ lat: 51.3, lng: 5.3 }, 500) as { coordinates: number[][][] };
		const boundary: Boundary = {
			type: 'MultiPolygon',
			coordinates: [[outer.coordinates[0]!, hole], enclave.coordinates]
		};
		const mol = areaOf('mol', boundary);
		expect(isInMunicipality(mol, { lat: CENTRES.mol!.lat + 0.02, lng: CENTRES.mol!.lng })).toBe(true);
		expect(isInMunicipality(mol, CENTRES.mol!)).toBe(false);
		expect(isInMunicipality(mol, { lat: 51.3, lng: 5.3 })).toBe(true);
	});
});

// The cost of locating a point (it runs on every suggestion post) is measured in npm run bench
// (scripts/bench/micro.ts), not with a timer here.
