// The Climate Pact's totals against the 2030 target: per municipality (its inhabitants from the CSV the
// municipalities are seeded from, its dwellings as staff entered them) and for the region (its municipalities
// taking part, `takingPartOf`, summed). Only verified outcomes count. `climatePactTotals` is the one
// function other features call; the impact indicators (climate-pact.indicators.ts) count the same figures.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { LEKP_TARGETS } from '$lib/domain/themes';
import {
	PACT_FIRST_YEAR,
	PACT_KINDS,
	pactProgress,
	pactTarget,
	round2,
	type PactKind
} from '$lib/domain/climate-pact';
import {
	getHomeRegion,
	listAllMunicipalities
} from '$lib/server/features/municipalities/municipalities.service';
import { takingPartOf } from '$lib/server/platform/indicators';
import { listDwellings, sumVerifiedOutcomes } from './climate-pact.queries';
import { brusselsDay } from '$lib/server/platform/dates';

export interface PactKindTotal {
	kind: PactKind;
	unit: (typeof LEKP_TARGETS)[number]['unit'];
	/** Verified quantity from 2021 through `year` (or through today). */
	total: number;
	/** The 2030 target; null for renovations while the dwellings are not entered. */
	target: number | null;
	/** Whole percent of the target reached (may pass 100); null without a target. */
	progress: number | null;
	/** The verified quantity of each year from 2021, every year present (0 when none). */
	perYear: { year: number; total: number }[];
}

export interface PactMunicipalityTotals {
	id: string;
	slug: string;
	name: string;
	inhabitants: number;
	dwellings: number | null;
	kinds: PactKindTotal[];
}

export interface PactTotals {
	scope: 'municipality' | 'region';
	name: string;
	inhabitants: number;
	/** The dwellings entered (summed for the region over the municipalities that entered them). */
	dwellings: number | null;
	/** For the region: how many municipalities have not entered their dwellings yet. */
	dwellingsMissing: number;
	/** The year asked, or null for everything through today. */
	year: number | null;
	years: number[];
	kinds: PactKindTotal[];
	/** For the region: each municipality taking part with its own totals. */
	municipalities: PactMunicipalityTotals[];
}

/** The years the pact has counted so far: 2021 through this year (Brussels). */
export function pactYears(now = new Date()): number[] {
	const last = Number(brusselsDay(now).slice(0, 4));
	const years: number[] = [];
	for (let y = PACT_FIRST_YEAR; y <= Math.max(last, PACT_FIRST_YEAR); y++) years.push(y);
	return years;
}

function kindTotals(
	sums: { kind: PactKind; year: number; total: number }[],
	inhabitants: number,
	dwellings: number | null,
	years: number[],
	year: number | null,
	target: (kind: PactKind) => number | null = (kind) => pactTarget(kind, inhabitants, dwellings)
): PactKindTotal[] {
	return PACT_KINDS.map((kind) => {
		const perYear = years.map((y) => ({
			year: y,
			total: round2(sums.filter((s) => s.kind === kind && s.year === y).reduce((a, s) => a + s.total, 0))
		}));
		const total = round2(
			sums
				.filter((s) => s.kind === kind && (year === null || s.year <= year))
				.reduce((a, s) => a + s.total, 0)
		);
		const t = target(kind);
		return {
			kind,
			unit: LEKP_TARGETS.find((l) => l.key === kind)!.unit,
			total,
			target: t,
			progress: pactProgress(total, t),
			perYear
		};
	});
}

/**
 * The totals of one municipality (by id) or of the region ('region': every municipality taking part), through
 * `year` when given (2021 up to and including it; each year's own figure is in `perYear`).
 */
export async function climatePactTotals(
	ctx: Ctx,
	municipalityId: string | 'region',
	year?: number
): Promise<PactTotals> {
	const all = await listAllMunicipalities(ctx);
	// The region (the home page's): its municipalities taking part, by the platform's one definition of what
	// makes a region's sum (`takingPartOf`, as the impact indicators and the funders' reports count it).
	const region = municipalityId === 'region' ? await getHomeRegion(ctx) : null;
	if (municipalityId === 'region' && !region) throw new AppError('unavailable');
	const takingPart = region ? takingPartOf(all.filter((m) => m.regionId === region.id)) : null;
	const chosen = takingPart
		? all.filter((m) => takingPart.has(m.id))
		: all.filter((m) => m.id === municipalityId);
	if (municipalityId !== 'region' && chosen.length === 0) throw new AppError('not_found');
	const ids = chosen.map((m) => m.id);
	const [sums, dwellingRows] = await Promise.all([
		sumVerifiedOutcomes(ctx.db, { municipalityIds: ids }),
		listDwellings(ctx.db, { municipalityIds: ids })
	]);
	const years = pactYears();
	const asked = year !== undefined && Number.isInteger(year) ? year : null;
	const dwellingsOf = (id: string) => dwellingRows.find((d) => d.municipalityId === id)?.dwellings ?? null;
	const municipalities: PactMunicipalityTotals[] = chosen.map((m) => ({
		id: m.id,
		slug: m.slug,
		name: m.name,
		inhabitants: m.inhabitants,
		dwellings: dwellingsOf(m.id),
		kinds: kindTotals(
			sums.filter((s) => s.municipalityId === m.id),
			m.inhabitants,
			dwellingsOf(m.id),
			years,
			asked
		)
	}));
	const inhabitants = chosen.reduce((a, m) => a + m.inhabitants, 0);
	const entered = municipalities.filter((m) => m.dwellings !== null);
	const dwellings = entered.length ? entered.reduce((a, m) => a + m.dwellings!, 0) : null;
	// The region's target is the sum of its municipalities' targets (each rounded up as the municipality's is).
	const regionTarget = (kind: PactKind): number | null => {
		const targets = municipalities.map((m) => m.kinds.find((k) => k.kind === kind)!.target);
		const known = targets.filter((t): t is number => t !== null);
		return known.length ? known.reduce((a, t) => a + t, 0) : null;
	};
	const single = municipalityId !== 'region' ? municipalities[0]! : null;
	return {
		scope: single ? 'municipality' : 'region',
		name: single?.name ?? '',
		inhabitants,
		dwellings,
		dwellingsMissing: municipalities.length - entered.length,
		year: asked,
		years,
		kinds: single ? single.kinds : kindTotals(sums, inhabitants, dwellings, years, asked, regionTarget),
		municipalities: single ? [] : municipalities
	};
}
