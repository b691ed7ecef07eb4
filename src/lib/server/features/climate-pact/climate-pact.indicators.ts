// The Climate Pact's totals as impact indicators (issue 21): per kind of LEKP outcome the verified quantity since
// 2021 of each municipality against its 2030 target (from its inhabitants; renovations from the dwellings staff
// entered), and for the region the sum over the municipalities taking part (the scope's `takingPart`, the set every
// region's sum uses), as the pact's own pages count it (climate-pact.totals.ts): the same figures, computed for
// every municipality at once.
import { translate, type MessageKey } from '$lib/i18n';
import { PACT_KINDS, pactTarget, round2, type PactKind } from '$lib/domain/climate-pact';
import {
	regionSum,
	sharedLoad,
	type IndicatorFigure,
	type IndicatorPart
} from '$lib/server/platform/indicators';
import { listPactFigures } from './climate-pact.queries';

export const pactIndicatorKey = (kind: PactKind) => `climatePact.${kind}`;

const UNITS: Record<PactKind, MessageKey> = {
	trees: 'impact.units.trees',
	hedges: 'impact.units.metres',
	unpaving: 'impact.units.squareMetres',
	rainwater: 'impact.units.cubicMetres',
	cyclePaths: 'impact.units.metres',
	chargingPoints: 'impact.units.chargingPoints',
	energyProjects: 'impact.units.energyProjects',
	renovations: 'impact.units.renovations'
};

export const climatePactIndicators: IndicatorPart[] = PACT_KINDS.map((kind, i) => ({
	key: pactIndicatorKey(kind),
	name: `impact.indicators.pact.${kind}` as MessageKey,
	definition: `impact.indicators.pactDefinition.${kind}` as MessageKey,
	source: 'impact.indicators.pactSource',
	unit: UNITS[kind],
	kind: 'count',
	target: { municipality: null, region: null },
	targetFrom: 'figure',
	// The pact's pages are public, and so are its totals.
	public: true,
	order: 100 + i,
	async compute(db, scope) {
		// One statement for the eight indicators of a computation.
		const rows = await sharedLoad(scope, 'climatePact.figures', () =>
			listPactFigures(db, { municipalityIds: scope.municipalityIds })
		);
		const municipalities = new Map<string, IndicatorFigure>();
		for (const r of rows) {
			const target = pactTarget(kind, r.inhabitants, r.dwellings);
			municipalities.set(r.municipalityId, {
				value: round2(r.totals[kind] ?? 0),
				target,
				...(target === null ? { note: translate('nl', 'impact.notes.pactNoDwellings') } : {})
			});
		}
		// The region: the municipalities taking part (as the region's pact page and home page count them), its
		// target the sum of theirs (renovations only of those that entered their dwellings).
		const targets = rows
			.filter((r) => scope.takingPart.has(r.municipalityId))
			.map((r) => municipalities.get(r.municipalityId)!.target)
			.filter((t): t is number => t !== null && t !== undefined);
		const totals = rows.map((r) => [r.municipalityId, { value: r.totals[kind] ?? 0 }] as const);
		return {
			municipalities,
			region: {
				value: round2(regionSum('count', totals, scope.takingPart)),
				target: targets.length ? targets.reduce((a, t) => a + t, 0) : null
			}
		};
	}
}));
