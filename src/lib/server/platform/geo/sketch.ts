// A small map drawn as SVG on the server, for places where no map library may run (a widget on another site):
// the municipality's outline, simplified to what a few hundred pixels can show, and points placed on it.
// The projection is equirectangular with longitudes scaled by the cosine of the middle latitude: over the
// span of one municipality (≤ 30 km) its distortion is far below a pixel, and it needs no projection library.
import simplify from 'simplify-js';
import type { Boundary, LatLng } from './geo';

/** The drawing's width in its own units (the SVG scales to the widget; 320 is the narrowest it must read at). */
export const SKETCH_WIDTH = 320;
const HEIGHT_MIN = 160;
const HEIGHT_MAX = 360;
/** Room at the edges, so that a point's marker on the boundary is drawn whole. */
const PAD = 16;
/** The outline keeps at most this many points; the tolerance grows (in pixels) until it fits. */
export const SKETCH_OUTLINE_MAX_POINTS = 400;
/** The smallest span drawn (degrees of latitude, about 1.1 km), so one point alone is not blown up. */
const MIN_SPAN = 0.01;

export interface Sketch {
	width: number;
	height: number;
	/** The outline as an SVG path (rings closed, drawn with evenodd), or null without a boundary. */
	outline: string | null;
	/** The points in the drawing's units, in the order given. */
	points: { x: number; y: number }[];
}

const round = (v: number) => Math.round(v * 10) / 10;

function ringsOf(boundary: Boundary): number[][][] {
	return boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat();
}

/** Draw the boundary (if any) and the points; the frame holds both, or the centre when there is nothing else. */
export function sketchMap(input: {
	boundary: Boundary | null;
	centre: LatLng | null;
	points: readonly LatLng[];
}): Sketch {
	const rings = input.boundary ? ringsOf(input.boundary) : [];
	let minLng = Infinity,
		maxLng = -Infinity,
		minLat = Infinity,
		maxLat = -Infinity;
	const take = (lng: number, lat: number) => {
		if (!Number.isFinite(lng) || !Number.isFinite(lat)) return;
		minLng = Math.min(minLng, lng);
		maxLng = Math.max(maxLng, lng);
		minLat = Math.min(minLat, lat);
		maxLat = Math.max(maxLat, lat);
	};
	for (const ring of rings) for (const [lng, lat] of ring) take(lng!, lat!);
	for (const p of input.points) take(p.lng, p.lat);
	if (minLng === Infinity) {
		const c = input.centre ?? { lat: 51.05, lng: 4.4 };
		take(c.lng, c.lat);
	}
	const midLat = (minLat + maxLat) / 2;
	const k = Math.cos((midLat * Math.PI) / 180);
	// Widen a frame that is too small around its middle.
	if (maxLat - minLat < MIN_SPAN) {
		const grow = (MIN_SPAN - (maxLat - minLat)) / 2;
		minLat -= grow;
		maxLat += grow;
	}
	if ((maxLng - minLng) * k < MIN_SPAN) {
		const grow = (MIN_SPAN / k - (maxLng - minLng)) / 2;
		minLng -= grow;
		maxLng += grow;
	}
	const spanX = (maxLng - minLng) * k;
	const spanY = maxLat - minLat;
	let scale = (SKETCH_WIDTH - 2 * PAD) / spanX;
	let height = spanY * scale + 2 * PAD;
	if (height > HEIGHT_MAX) {
		scale = (HEIGHT_MAX - 2 * PAD) / spanY;
		height = HEIGHT_MAX;
	}
	height = Math.max(HEIGHT_MIN, height);
	// Centre the drawing in the frame on the axis that has room to spare.
	const offsetX = (SKETCH_WIDTH - spanX * scale) / 2;
	const offsetY = (height - spanY * scale) / 2;
	const project = (lng: number, lat: number) => ({
		x: offsetX + (lng - minLng) * k * scale,
		y: offsetY + (maxLat - lat) * scale
	});

	let outline: string | null = null;
	if (rings.length > 0) {
		const projected = rings.map((ring) => ring.map(([lng, lat]) => project(lng!, lat!)));
		let drawn: { x: number; y: number }[][] = [];
		for (let tolerance = 0.75; ; tolerance *= 2) {
			drawn = projected.map((ring) => simplify(ring, tolerance)).filter((ring) => ring.length >= 4);
			if (drawn.reduce((n, ring) => n + ring.length, 0) <= SKETCH_OUTLINE_MAX_POINTS || tolerance > 64) break;
		}
		outline =
			drawn
				.map(
					(ring) =>
						`M${ring
							.slice(0, -1)
							.map((p) => `${round(p.x)} ${round(p.y)}`)
							.join('L')}Z`
				)
				.join('') || null;
	}
	return {
		width: SKETCH_WIDTH,
		height: Math.round(height),
		outline,
		points: input.points.map((p) => {
			const { x, y } = project(p.lng, p.lat);
			return { x: round(x), y: round(y) };
		})
	};
}
