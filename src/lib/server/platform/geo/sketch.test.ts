// The widget's small map: points land where they are (east is right, north is up), inside the drawing; an outline
// of many points is simplified to a few hundred; one point alone is not blown up; a multipolygon keeps its parts.
import { describe, expect, it } from 'vitest';
import { SKETCH_OUTLINE_MAX_POINTS, SKETCH_WIDTH, sketchMap } from './sketch';

const square = (lng: number, lat: number, d: number) => [
	[lng, lat],
	[lng + d, lat],
	[lng + d, lat + d],
	[lng, lat + d],
	[lng, lat]
];

describe('sketchMap', () => {
	it('places points inside the drawing, east to the right and north up, with the width scaled by latitude', () => {
		const s = sketchMap({
			boundary: { type: 'Polygon', coordinates: [square(4.9, 51.1, 0.1)] },
			centre: null,
			points: [
				{ lat: 51.1, lng: 4.9 },
				{ lat: 51.2, lng: 5.0 }
			]
		});
		expect(s.width).toBe(SKETCH_WIDTH);
		const [sw, ne] = s.points;
		expect(ne!.x).toBeGreaterThan(sw!.x);
		expect(ne!.y).toBeLessThan(sw!.y);
		// 0.1° of longitude at 51.15° N is cos(51.15°) ≈ 0.63 of 0.1° of latitude.
		const ratio = (ne!.x - sw!.x) / (sw!.y - ne!.y);
		expect(ratio).toBeCloseTo(Math.cos((51.15 * Math.PI) / 180), 2);
		for (const p of s.points) {
			expect(p.x).toBeGreaterThanOrEqual(0);
			expect(p.x).toBeLessThanOrEqual(s.width);
			expect(p.y).toBeGreaterThanOrEqual(0);
			expect(p.y).toBeLessThanOrEqual(s.height);
		}
		expect(s.outline).toMatch(/^M[\d. L]+Z$/);
	});

	it('simplifies a large outline and keeps each part of a multipolygon', () => {
		const circle = (lng: number, lat: number) => {
			const ring = Array.from({ length: 20_000 }, (_, i) => {
				const a = (i / 20_000) * 2 * Math.PI;
				return [lng + 0.05 * Math.cos(a), lat + 0.03 * Math.sin(a)];
			});
			return [[...ring, ring[0]!]];
		};
		const s = sketchMap({
			boundary: { type: 'MultiPolygon', coordinates: [circle(4.9, 51.1), circle(5.05, 51.1)] },
			centre: null,
			points: []
		});
		expect(s.outline!.match(/M/g)).toHaveLength(2);
		expect(s.outline!.split(/[ML]/).filter(Boolean).length).toBeLessThanOrEqual(SKETCH_OUTLINE_MAX_POINTS);
	});

	it('frames one point, or only the centre, in about a kilometre, in the middle', () => {
		const one = sketchMap({ boundary: null, centre: null, points: [{ lat: 51.16, lng: 4.99 }] });
		expect(one.outline).toBeNull();
		expect(one.points[0]!.x).toBeCloseTo(SKETCH_WIDTH / 2, 0);
		expect(one.points[0]!.y).toBeCloseTo(one.height / 2, 0);
		const none = sketchMap({ boundary: null, centre: { lat: 51.16, lng: 4.99 }, points: [] });
		expect(none.points).toEqual([]);
		expect(none.height).toBeGreaterThanOrEqual(160);
	});
});
