// Computing every indicator of the registry for a region at a moment: the features' counts, the figures staff
// entered where the platform cannot count, and the region's figure (a sum, a count of yes, or its own), made of
// the municipalities taking part only (regionSum).
import type { Db } from '$lib/server/db/client';
import type { Features } from '$lib/server/platform/feature';
import {
	collectIndicators,
	regionSum,
	type IndicatorPart,
	type IndicatorSource
} from '$lib/server/platform/indicators';
import { listLatestEntries, REGION_SCOPE } from './impact.queries';

export interface Figure {
	/** Null when the platform cannot count it and nobody entered it yet (shown as "not entered", never as 0). */
	value: number | null;
	note: string | null;
	source: IndicatorSource;
	/** When it was computed or entered. */
	at: Date;
	/** The scope's target computed with the figure (`targetFrom: 'figure'`); absent otherwise. */
	target?: number | null;
}

export interface IndicatorFigures {
	part: IndicatorPart;
	/** Per municipality id (a `count` indicator without compute: each municipality's entered figure, or null). */
	municipalities: Map<string, Figure>;
	region: Figure;
}

const cache = new WeakMap<Features, IndicatorPart[]>();

/** The registry's indicators, in the impact map's order. */
export function indicatorsOf(features: Features): IndicatorPart[] {
	let list = cache.get(features);
	if (!list) {
		list = collectIndicators(features);
		cache.set(features, list);
	}
	return list;
}

/** How many indicators a computation counts at once (connections it holds from the pool on PostgreSQL). */
export const COMPUTE_LANES = 3;

/** `run` of every item, at most `lanes` at once, the answers in the items' order. */
export async function inLanes<T, R>(
	items: readonly T[],
	lanes: number,
	run: (item: T) => Promise<R>
): Promise<R[]> {
	const out = new Array<R>(items.length);
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const i = next++;
			out[i] = await run(items[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, items.length)) }, lane));
	return out;
}

export async function computeFigures(
	db: Db,
	input: {
		features: Features;
		regionId: string;
		municipalityIds: readonly string[];
		/** The region's municipalities taking part (`takingPartOf`): only theirs make the region's figure. */
		takingPart: ReadonlySet<string>;
		now: Date;
		/** Only these indicators (all when absent). */
		keys?: readonly string[];
		/** Indicators counted at once (COMPUTE_LANES when absent; the profile script compares). */
		lanes?: number;
	}
): Promise<IndicatorFigures[]> {
	const parts = indicatorsOf(input.features).filter((p) => !input.keys || input.keys.includes(p.key));
	// One statement per indicator for all the municipalities asked (grouped by municipality), and one read
	// for what several indicators share.
	const scope = {
		regionId: input.regionId,
		municipalityIds: input.municipalityIds,
		takingPart: input.takingPart,
		now: input.now,
		shared: new Map<string, Promise<unknown>>()
	};
	const needsEntries = parts.some((p) => !p.compute);
	const [entries, computed] = await Promise.all([
		needsEntries ? listLatestEntries(db, { regionId: input.regionId, at: input.now }) : Promise.resolve([]),
		// In a few lanes: on PostgreSQL each lane holds one connection of the pool at a time, so the counts run
		// side by side (the page waits for the longest lane, not for their sum) while a request never takes more
		// than COMPUTE_LANES connections for them; on the embedded database statements queue anyway.
		inLanes(parts, input.lanes ?? COMPUTE_LANES, (p) =>
			p.compute ? p.compute(db, scope) : Promise.resolve(null)
		)
	]);
	const entryOf = (scopeKey: string, key: string) =>
		entries.find((e) => e.scopeKey === scopeKey && e.indicatorKey === key);
	return parts.map((part, i) => {
		const result = computed[i];
		const municipalities = new Map<string, Figure>();
		if (result) {
			for (const id of input.municipalityIds) {
				const f = result.municipalities.get(id);
				municipalities.set(id, {
					value: f?.value ?? 0,
					note: f?.note ?? null,
					source: 'computed',
					at: input.now,
					...(f?.target !== undefined ? { target: f.target } : {})
				});
			}
			const region: Figure = result.region
				? {
						value: result.region.value,
						note: result.region.note ?? null,
						source: 'computed',
						at: input.now,
						...(result.region.target !== undefined ? { target: result.region.target } : {})
					}
				: {
						value: regionSum(part.kind, municipalities, input.takingPart),
						note: null,
						source: 'computed',
						at: input.now
					};
			return { part, municipalities, region };
		}
		for (const id of input.municipalityIds) {
			const e = entryOf(id, part.key);
			municipalities.set(id, {
				value: e?.value ?? null,
				note: e?.note ?? null,
				source: 'entered',
				at: e?.enteredAt ?? input.now
			});
		}
		const e = entryOf(REGION_SCOPE, part.key);
		return {
			part,
			municipalities,
			region: {
				value: e?.value ?? null,
				note: e?.note ?? null,
				source: 'entered',
				at: e?.enteredAt ?? input.now
			}
		};
	});
}
