import { describe, expect, it } from 'vitest';
import { POINT_SIZE, clusterSize, separate } from './marker-spacing';

type Cell = { id: string; x: number; y: number; count: number };
const at = (c: Cell) => c;

describe('separate', () => {
	it('keeps markers that do not touch as they are', () => {
		const cells: Cell[] = [
			{ id: 'a', x: 0, y: 0, count: 1 },
			{ id: 'b', x: 100, y: 0, count: 5 }
		];
		expect(separate(cells, at).map((m) => [m.count, m.cells.map((c) => c.id)])).toEqual([
			[5, ['b']],
			[1, ['a']]
		]);
	});

	it('merges a point that a neighbouring cell’s cluster would cover into that cluster', () => {
		const cells: Cell[] = [
			{ id: 'cluster', x: 50, y: 50, count: 2 },
			{ id: 'point', x: 70, y: 55, count: 1 }
		];
		const placed = separate(cells, at);
		expect(placed).toHaveLength(1);
		expect(placed[0]).toMatchObject({ x: 50, y: 50, count: 3 });
	});

	it('leaves no two markers overlapping, also after a merge made a cluster larger', () => {
		const cells: Cell[] = [];
		for (let i = 0; i < 40; i++)
			cells.push({ id: String(i), x: (i * 37) % 300, y: (i * 53) % 200, count: 1 + (i % 12) });
		const placed = separate(cells, at);
		const size = (m: { count: number }) => (m.count === 1 ? POINT_SIZE : clusterSize(m.count));
		for (const a of placed)
			for (const b of placed)
				if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual((size(a) + size(b)) / 2);
		expect(placed.reduce((n, m) => n + m.count, 0)).toBe(cells.reduce((n, c) => n + c.count, 0));
	});

	it('never draws a target under 24 by 24 CSS pixels', () => {
		expect(POINT_SIZE).toBeGreaterThanOrEqual(24);
		expect(clusterSize(2)).toBeGreaterThanOrEqual(24);
	});
});
