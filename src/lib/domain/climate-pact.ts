// The Climate Pact (Lokaal Energie- en Klimaatpact, LEKP) as the platform counts it: the kinds of outcome in the
// pact's units, who may report which, the sane maximum of one entry, and the target of 2030 per municipality.
import { LEKP_TARGETS } from './themes';

export type PactKind = (typeof LEKP_TARGETS)[number]['key'];
export const PACT_KINDS = LEKP_TARGETS.map((t) => t.key) as readonly PactKind[];

/** Where an outcome comes from: staff record it on an action or an event, a citizen reports it. */
export const PACT_SOURCES = ['action', 'event', 'citizen'] as const;
export type PactSource = (typeof PACT_SOURCES)[number];

/** A citizen's report waits for staff; only a verified one counts. Staff's own entries are verified at once. */
export const PACT_STATUSES = ['submitted', 'verified', 'refused'] as const;
export type PactStatus = (typeof PACT_STATUSES)[number];

/** What a citizen can add on their own (trees, a hedge or facade garden, unpaving, a rain barrel, a cooperative). */
export const CITIZEN_PACT_KINDS = [
	'trees',
	'hedges',
	'unpaving',
	'rainwater',
	'energyProjects'
] as const satisfies readonly PactKind[];

/** The pact counts from 2021 to 2030. */
export const PACT_FIRST_YEAR = 2021;
export const PACT_TARGET_YEAR = 2030;

/**
 * The largest quantity one entry may hold: more is a typing error (a hedge of 1,000 km), not an outcome. A
 * citizen's own contribution is smaller still (one garden, one barrel).
 */
export const PACT_MAX: Record<PactKind, { staff: number; citizen: number; whole: boolean }> = {
	trees: { staff: 100_000, citizen: 1_000, whole: true },
	hedges: { staff: 100_000, citizen: 1_000, whole: false },
	unpaving: { staff: 1_000_000, citizen: 5_000, whole: false },
	rainwater: { staff: 100_000, citizen: 100, whole: false },
	cyclePaths: { staff: 200_000, citizen: 0, whole: false },
	chargingPoints: { staff: 10_000, citizen: 0, whole: true },
	energyProjects: { staff: 100, citizen: 1, whole: true },
	renovations: { staff: 100_000, citizen: 0, whole: true }
};

export const PACT_LIMITS = {
	noteMax: 1_000,
	reasonMax: 1_000,
	altMax: 300,
	photoBytesMax: 8 * 1024 * 1024,
	dwellingsMax: 10_000_000
} as const;

/**
 * The 2030 target of one kind for a municipality: per inhabitant (trees, metres, m², m³; charging points per
 * 100, projects per 500), or per dwelling for collective renovations (50 per 1,000), null while the dwellings
 * are not entered. Rounded up: a target of 203.5 projects is 204.
 */
export function pactTarget(kind: PactKind, inhabitants: number, dwellings: number | null): number | null {
	const target = LEKP_TARGETS.find((t) => t.key === kind)!;
	if ('perDwelling' in target)
		return dwellings && dwellings > 0 ? Math.ceil(dwellings * target.perDwelling) : null;
	return Math.ceil(round2(inhabitants * target.perInhabitant));
}

/** Two decimals, as quantities are kept. */
export function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/** Progress as a whole percentage of the target (may pass 100), null without a target. */
export function pactProgress(total: number, target: number | null): number | null {
	if (target === null || target <= 0) return null;
	return Math.floor((total / target) * 100);
}

export function isPactKind(value: unknown): value is PactKind {
	return typeof value === 'string' && (PACT_KINDS as readonly string[]).includes(value);
}

export const climatePactPath = (slug: string) => `/${slug}/klimaatpact`;
