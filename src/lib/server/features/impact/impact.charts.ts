// A trend chart's geometry, computed on the server with d3-scale and d3-shape: the page draws it as plain SVG
// (no JavaScript), with the same numbers as a table beside it.
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';

export const CHART = { width: 480, height: 180, left: 44, right: 12, top: 12, bottom: 28 } as const;

export interface TrendPoint {
	day: string;
	value: number;
}

export interface TrendChart {
	width: number;
	height: number;
	/** The line's `d`; empty when there is nothing to draw. */
	path: string;
	/** The target's height, when it fits the chart. */
	targetY: number | null;
	/** Where each point is drawn; its day and value are in the table beside the chart (sent once). */
	points: { x: number; y: number }[];
	xTicks: { x: number; day: string }[];
	yTicks: { y: number; value: number }[];
}

const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * To a tenth of a unit of the 480 × 180 view box: finer is invisible, and the page (and its data for hydration)
 * carried every coordinate with sixteen digits.
 */
const tenth = (n: number) => Math.round(n * 10) / 10;

export function trendChart(points: readonly TrendPoint[], target: number | null): TrendChart {
	const { width, height, left, right, top, bottom } = CHART;
	const days = points.map((p) => dayDate(p.day));
	const first = days[0] ?? new Date();
	const last = days[days.length - 1] ?? first;
	const x = scaleUtc()
		.domain(
			first.getTime() === last.getTime() ? [new Date(first.getTime() - 86_400_000), last] : [first, last]
		)
		.range([left, width - right]);
	const max = Math.max(1, target ?? 0, ...points.map((p) => p.value));
	const y = scaleLinear()
		.domain([0, max])
		.nice(4)
		.range([height - bottom, top]);
	const placed = points.map((p, i) => ({ x: tenth(x(days[i]!)), y: tenth(y(p.value)) }));
	const path =
		line<{ x: number; y: number }>()
			.x((p) => p.x)
			.y((p) => p.y)(placed) ?? '';
	return {
		width,
		height,
		path: placed.length > 0 ? path : '',
		targetY: target !== null ? tenth(y(target)) : null,
		points: placed,
		// Days only: a chart of a day or two would otherwise tick every few hours, the same day several times.
		xTicks: x
			.ticks(4)
			.map((d) => ({ x: tenth(x(d)), day: d.toISOString().slice(0, 10) }))
			.filter((tick, i, all) => all.findIndex((other) => other.day === tick.day) === i),
		yTicks: y.ticks(4).map((v) => ({ y: tenth(y(v)), value: v }))
	};
}
