// Markers that never cover each other. The server clusters on a fixed grid, so a cluster (at its points' centre)
// and a point or cluster of the next cell can land on top of each other; a target that is partly covered is
// hard to hit (WCAG 2.5.8, axe's target-size). Before drawing, markers that would overlap on screen are merged
// into one cluster, the largest first, until none overlap.

/** The side of a cluster's disc in CSS pixels: never under 24 (WCAG 2.5.8), larger for more suggestions. */
export function clusterSize(count: number): number {
	return count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 48 : 56;
}

/** The side of one suggestion's pin in CSS pixels (leaflet-map's pin). */
export const POINT_SIZE = 26;
/** How far above its place a pin's box is centred: it points down at the place (iconAnchor [13, 31]). */
export const POINT_LIFT = 18;

/** Space kept between two markers, in CSS pixels. */
const GAP = 2;

export interface Placed<T> {
	/** The marker's centre on screen. */
	x: number;
	y: number;
	count: number;
	/** The cells it stands for: one point, or what was merged into a cluster. */
	cells: T[];
}

const sizeOf = (m: { count: number }) => (m.count === 1 ? POINT_SIZE : clusterSize(m.count));

/** Merges the markers that would overlap; `at` gives a cell's centre on screen and its count. */
export function separate<T>(
	cells: readonly T[],
	at: (cell: T) => { x: number; y: number; count: number }
): Placed<T>[] {
	let placed: Placed<T>[] = cells.map((cell) => ({ ...at(cell), cells: [cell] }));
	for (let changed = true; changed;) {
		changed = false;
		const kept: Placed<T>[] = [];
		for (const m of [...placed].sort((a, b) => b.count - a.count)) {
			const near = kept.find((k) => Math.hypot(k.x - m.x, k.y - m.y) < (sizeOf(k) + sizeOf(m)) / 2 + GAP);
			if (near) {
				near.count += m.count;
				near.cells.push(...m.cells);
				changed = true;
			} else kept.push({ ...m, cells: [...m.cells] });
		}
		placed = kept;
	}
	return placed;
}
