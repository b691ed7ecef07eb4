// The impact indicators the impact feature counts itself, from what it records (the start register of climate
// actions, the participation strategies staff record) and from the public content of the platform (testing it).
import { and, count, eq, gte, inArray, isNotNull, isNull, lte, notExists, sql } from 'drizzle-orm';
import { actions, impactStartRegister, impactStrategies, suggestions } from '$lib/server/db/schema';
import { translate } from '$lib/i18n';
import { sharedLoad, type IndicatorPart, type IndicatorScope } from '$lib/server/platform/indicators';

/** Actions in execution: started and not stopped (in progress, or done), published. */
export const IN_EXECUTION = ['inProgress', 'done'] as const;

/** The window of "testing the platform": published actions and suggestions in the last 90 days. */
export const TESTING_DAYS = 90;

export const CLIMATE_ACTIONS = 'impact.climateActions';
export const EXTERNAL_STRATEGY = 'impact.externalStrategy';
export const STRATEGIES = 'impact.strategies';
export const TESTING = 'impact.testing';
export const PLAYBOOK_AVAILABLE = 'impact.playbookAvailable';

export const impactIndicators: IndicatorPart[] = [
	{
		key: CLIMATE_ACTIONS,
		name: 'impact.indicators.climateActions.name',
		definition: 'impact.indicators.climateActions.definition',
		source: 'impact.indicators.climateActions.source',
		unit: 'impact.units.actions',
		kind: 'count',
		target: { municipality: null, region: 15 },
		mapBaseline: 'impact.mapBaseline.few',
		public: true,
		order: 20,
		async compute(db, scope) {
			if (scope.municipalityIds.length === 0) return { municipalities: new Map() };
			const rows = await db
				.select({ municipalityId: actions.municipalityId, n: count() })
				.from(actions)
				.where(
					and(
						inArray(actions.municipalityId, [...scope.municipalityIds]),
						inArray(actions.status, [...IN_EXECUTION]),
						isNotNull(actions.publishedAt),
						lte(actions.publishedAt, scope.now),
						isNull(actions.archivedAt),
						notExists(
							db
								.select({ one: sql`1` })
								.from(impactStartRegister)
								.where(
									and(
										eq(impactStartRegister.municipalityId, actions.municipalityId),
										eq(impactStartRegister.actionId, actions.id)
									)
								)
						)
					)
				)
				.groupBy(actions.municipalityId);
			return { municipalities: new Map(rows.map((r) => [r.municipalityId, { value: r.n }])) };
		}
	},
	{
		key: EXTERNAL_STRATEGY,
		regionOnly: true,
		name: 'impact.indicators.externalStrategy.name',
		definition: 'impact.indicators.externalStrategy.definition',
		source: 'impact.indicators.externalStrategy.source',
		unit: 'impact.units.municipalities',
		kind: 'municipalities',
		target: { municipality: null, region: 15 },
		mapBaseline: 'impact.mapBaseline.zeroMunicipalities',
		public: false,
		order: 50,
		async compute(db, scope) {
			const rows = await strategiesOf(db, scope);
			return {
				municipalities: new Map(
					rows
						.filter((r) => r.channels.length > 0 && r.agreements.trim() !== '')
						.map((r) => [r.municipalityId, { value: 1, note: r.channels.join(', ') }])
				)
			};
		}
	},
	{
		key: TESTING,
		regionOnly: true,
		name: 'impact.indicators.testing.name',
		definition: 'impact.indicators.testing.definition',
		source: 'impact.indicators.testing.source',
		unit: 'impact.units.municipalities',
		kind: 'municipalities',
		target: { municipality: null, region: 15 },
		mapBaseline: 'impact.mapBaseline.testing',
		public: false,
		order: 60,
		async compute(db, scope) {
			if (scope.municipalityIds.length === 0) return { municipalities: new Map() };
			const since = new Date(scope.now.getTime() - TESTING_DAYS * 86_400_000);
			const ids = [...scope.municipalityIds];
			const [actionRows, suggestionRows] = await Promise.all([
				db
					.select({ municipalityId: actions.municipalityId, n: count() })
					.from(actions)
					.where(
						and(
							inArray(actions.municipalityId, ids),
							gte(actions.publishedAt, since),
							lte(actions.publishedAt, scope.now)
						)
					)
					.groupBy(actions.municipalityId),
				db
					.select({ municipalityId: suggestions.municipalityId, n: count() })
					.from(suggestions)
					.where(
						and(
							inArray(suggestions.municipalityId, ids),
							gte(suggestions.publishedAt, since),
							lte(suggestions.publishedAt, scope.now)
						)
					)
					.groupBy(suggestions.municipalityId)
			]);
			const by = new Map<string, { actions: number; suggestions: number }>();
			for (const r of actionRows) by.set(r.municipalityId, { actions: r.n, suggestions: 0 });
			for (const r of suggestionRows)
				by.set(r.municipalityId, { actions: by.get(r.municipalityId)?.actions ?? 0, suggestions: r.n });
			return {
				municipalities: new Map(
					[...by].map(([id, m]) => [
						id,
						{
							value: 1,
							note: translate('nl', 'impact.notes.testing', {
								actions: m.actions,
								suggestions: m.suggestions,
								days: TESTING_DAYS
							})
						}
					])
				)
			};
		}
	},
	{
		key: STRATEGIES,
		regionOnly: true,
		name: 'impact.indicators.strategies.name',
		definition: 'impact.indicators.strategies.definition',
		source: 'impact.indicators.strategies.source',
		unit: 'impact.units.municipalities',
		kind: 'municipalities',
		target: { municipality: null, region: 15 },
		mapBaseline: 'impact.mapBaseline.oneMunicipality',
		public: false,
		order: 70,
		async compute(db, scope) {
			const rows = await strategiesOf(db, scope);
			return {
				municipalities: new Map(
					rows
						.filter((r) => r.channels.length > 0 && r.agreements.trim() !== '' && r.internal.trim() !== '')
						.map((r) => [r.municipalityId, { value: 1 }])
				)
			};
		}
	},
	{
		// The playbook offered to the 29 of the Kempen and beyond: the platform cannot see who received it.
		key: PLAYBOOK_AVAILABLE,
		regionOnly: true,
		name: 'impact.indicators.playbookAvailable.name',
		definition: 'impact.indicators.playbookAvailable.definition',
		source: 'impact.indicators.playbookAvailable.source',
		unit: 'impact.units.municipalities',
		kind: 'count',
		target: { municipality: null, region: 29 },
		mapBaseline: 'impact.mapBaseline.zeroMunicipalities',
		public: true,
		order: 85
	}
];

/** The strategies recorded by then, read once for the two indicators that judge them. */
function strategiesOf(db: Parameters<NonNullable<IndicatorPart['compute']>>[0], scope: IndicatorScope) {
	return sharedLoad(scope, 'impact.strategies', () => readStrategies(db, scope.municipalityIds, scope.now));
}

async function readStrategies(
	db: Parameters<NonNullable<IndicatorPart['compute']>>[0],
	ids: readonly string[],
	now: Date
) {
	if (ids.length === 0) return [];
	return db
		.select({
			municipalityId: impactStrategies.municipalityId,
			channels: impactStrategies.channels,
			agreements: impactStrategies.agreements,
			internal: impactStrategies.internal
		})
		.from(impactStrategies)
		.where(and(inArray(impactStrategies.municipalityId, [...ids]), lte(impactStrategies.updatedAt, now)));
}
