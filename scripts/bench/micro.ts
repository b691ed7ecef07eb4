// CPU cost of the input the platform parses itself, measured here instead of asserted with timers in tests
// (the tests check what comes out; this checks how long it takes). Run by run.mjs with vite-node; prints one
// JSON line: [{ name, ms, targetMs }], where ms is the median of a few runs.
//
//   npx vite-node --config vite.scripts.config.ts scripts/bench/micro.ts
import csv from '../../src/lib/server/data/kempen-municipalities.csv?raw';
import { parseMunicipalitiesCsv } from '$lib/server/features/municipalities/municipalities.seed';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { parseBoundaryFile } from '$lib/server/platform/geo/boundary';
import { locatePoint, municipalityArea, type LatLng } from '$lib/server/platform/geo/geo';

function median(runs: number, fn: () => void): number {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		fn();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)]!;
}

const centres: LatLng[] = parseMunicipalitiesCsv(csv).map((m) => ({ lat: m.centerLat, lng: m.centerLng }));
const MOL = { lat: 51.1842, lng: 5.1153 };
const encode = (text: string) => new TextEncoder().encode(text);

const results = [
	{
		name: 'Markdown: 50,000 characters of nested brackets and quotes',
		targetMs: 5_000,
		ms: median(3, () => renderMarkdown('>'.repeat(2_000) + '['.repeat(20_000) + '*'.repeat(28_000)))
	},
	{
		name: 'uploaded outline: 1 MB of nested brackets refused',
		targetMs: 5_000,
		ms: median(3, () =>
			parseBoundaryFile(encode('['.repeat(500_000) + ']'.repeat(500_000)), {
				centre: MOL,
				neighbours: centres
			})
		)
	},
	{
		name: 'place rule: one point located (mean of 10,000, runs on every suggestion post)',
		targetMs: 0.2,
		ms: (() => {
			const area = municipalityArea({ centre: MOL, boundary: null, neighbours: centres });
			return (
				median(3, () => {
					for (let i = 0; i < 10_000; i++)
						locatePoint(area, { lat: 51.1 + (i % 100) / 500, lng: 5.0 + i / 100_000 });
				}) / 10_000
			);
		})()
	}
];
console.log(JSON.stringify(results));
