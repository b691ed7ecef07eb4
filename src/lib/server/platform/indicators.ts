// Impact indicators (seed 000's impact map): each feature declares the indicators it can count in its manifest
// (`indicators`), next to the data it owns; the impact feature gathers them, keeps baselines, targets, entered
// figures and a daily snapshot of each, and shows them. This file is the shape every indicator shares.
import type { Db } from '$lib/server/db/client';
import type { MessageKey } from '$lib/i18n';

/**
 * How an indicator counts.
 * - `count`: a number per municipality; the region's figure is their sum unless `compute` gives one.
 * - `municipalities`: a yes or no per municipality with its reason; it exists only for the region, as the
 *   number of municipalities with yes (declared `regionOnly`).
 * Either way the region's figure is made of the municipalities taking part only (`regionSum`).
 */
export type IndicatorKind = 'count' | 'municipalities';

/** What an indicator's figure is based on: counted by the platform, or entered by staff with a note. */
export type IndicatorSource = 'computed' | 'entered';

/** The municipalities an indicator is computed for (all of one region, or one of them), at a moment. */
export interface IndicatorScope {
	regionId: string;
	municipalityIds: readonly string[];
	now: Date;
	/**
	 * The municipalities whose figures make the region's: those taking part in the programme (`takingPartOf`).
	 * An indicator that gives the region's figure itself counts only these, as `regionSum` does.
	 */
	takingPart: ReadonlySet<string>;
	/**
	 * What the indicators of one computation share (one read of the strategies serves two indicators): loads
	 * memoised by key for this computation only. Absent when an indicator is computed on its own.
	 */
	shared?: Map<string, Promise<unknown>>;
}

/**
 * One read for every indicator of a computation that needs it: the first asks the database, the others get
 * the same answer. The key names what is read (the scope is the computation's own).
 */
export function sharedLoad<T>(scope: IndicatorScope, key: string, load: () => Promise<T>): Promise<T> {
	if (!scope.shared) return load();
	let found = scope.shared.get(key) as Promise<T> | undefined;
	if (!found) {
		found = load();
		scope.shared.set(key, found);
	}
	return found;
}

/** One municipality's figure: the number (1 or 0 for yes or no), with a short Dutch explanation when it has one. */
export interface IndicatorFigure {
	value: number;
	/** Plain Dutch: the reason of a yes or no, or what the number is made of ("informeren 3, raadplegen 2"). */
	note?: string;
	/**
	 * The target of this scope when the indicator computes it (`targetFrom: 'figure'`: the Climate Pact's 2030
	 * target from the inhabitants); null when it cannot be known yet (the dwellings not entered).
	 */
	target?: number | null;
}

export interface IndicatorComputed {
	/** Per municipality id; a municipality left out has 0 (the indicator counts nothing there). */
	municipalities: Map<string, IndicatorFigure>;
	/** The region's own figure when it is no sum or count of the municipalities' (distinct channels). */
	region?: IndicatorFigure;
}

export interface IndicatorPart {
	/** Stable and unique in the registry (`accounts.registeredUsers`): the key of snapshots and baselines. */
	key: string;
	/** The Dutch name, definition and source, shown beside every figure. */
	name: MessageKey;
	definition: MessageKey;
	source: MessageKey;
	/** The unit's Dutch word with {count} (`gebruikers`), shown after a number. */
	unit: MessageKey;
	kind: IndicatorKind;
	/** Targets of the impact map: per municipality (only for `count`) and for the region. Staff may change them. */
	target: { municipality: number | null; region: number | null };
	/**
	 * `figure`: each scope's target comes with its computed figure (differs per municipality, as the Climate
	 * Pact's from the inhabitants); `target` above is then unused. A target staff set still comes first.
	 */
	targetFrom?: 'figure';
	/** The impact map's baseline in words (`beperkt`, `2 gemeenten`), shown until a baseline is recorded. */
	mapBaseline?: MessageKey;
	/** Whether the public impact pages show it (counts of people and actions); strategies and channels are internal. */
	public: boolean;
	/**
	 * The indicator exists only for the region (a count of municipalities, or the region's own figure such as the
	 * playbook made available): it has no target or baseline of one municipality, is never entered for one, and
	 * the municipalities' public pages do not show it. Declared, never guessed from the other fields; every
	 * `municipalities` indicator declares it (collectIndicators checks).
	 */
	regionOnly?: boolean;
	/** Its position in the impact map (lower first). */
	order: number;
	/**
	 * Counts the indicator for every municipality of the scope, in one or a few statements. Absent when the
	 * platform cannot count it: staff then enter the figure with a note (shown as entered, never as 0).
	 */
	compute?(db: Db, scope: IndicatorScope): Promise<IndicatorComputed>;
}

/**
 * Whether one municipality has a figure of its own: every indicator but a region-only one entered by hand (the
 * region's own figure, such as the playbook made available, entered for the region alone and never for one
 * municipality). A region-only indicator the platform counts keeps each municipality's yes or no, its part of
 * the region's count. The municipalities' dashboards and the region's side-by-side table show only these.
 */
export function hasMunicipalityFigure(part: IndicatorPart): boolean {
	return !part.regionOnly || part.compute !== undefined;
}

/** Every indicator of the registry, in the impact map's order; refuses a key declared twice. */
export function collectIndicators(
	features: readonly { name: string; indicators?: readonly IndicatorPart[] }[]
): IndicatorPart[] {
	const seen = new Set<string>();
	const all: IndicatorPart[] = [];
	for (const f of features)
		for (const i of f.indicators ?? []) {
			if (seen.has(i.key)) throw new Error(`indicator ${i.key} of ${f.name} is declared twice`);
			if (i.kind === 'municipalities' && !i.regionOnly)
				throw new Error(`indicator ${i.key} of ${f.name} counts municipalities: declare it regionOnly`);
			if (i.regionOnly && (i.target.municipality !== null || i.targetFrom === 'figure'))
				throw new Error(`indicator ${i.key} of ${f.name} is regionOnly: no target per municipality`);
			seen.add(i.key);
			all.push(i);
		}
	return all.sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
}

/**
 * The municipalities of a region whose figures add up to the region's figure: those taking part in the
 * programme (`municipalities.participating`). The one definition of every region's sum (the dashboards, the
 * public impact page, the daily snapshot, the funders' reports, the Climate Pact's indicators); a municipality
 * that does not take part still has its own figures, but they do not move the region's.
 */
export function takingPartOf(municipalities: readonly { id: string; participating: boolean }[]): Set<string> {
	return new Set(municipalities.filter((m) => m.participating).map((m) => m.id));
}

/**
 * The region's figure from its municipalities' figures, of those taking part only: their sum, or for a
 * `municipalities` indicator how many of them have yes (a figure above 0). A figure not known (null) adds nothing.
 */
export function regionSum(
	kind: IndicatorKind,
	figures: Iterable<readonly [string, { value: number | null }]>,
	takingPart: ReadonlySet<string>
): number {
	let sum = 0;
	for (const [id, f] of figures) {
		if (!takingPart.has(id)) continue;
		const value = f.value ?? 0;
		sum += kind === 'municipalities' ? (value > 0 ? 1 : 0) : value;
	}
	return sum;
}
