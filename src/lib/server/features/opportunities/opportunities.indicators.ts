// The impact indicator of the ladder (seed 000: "the options the municipality offers, inventoried along the
// participation ladder"): the rungs on which a municipality offers a way to take part, counted from the
// opportunities of its published actions and from its published events that stand on their own (an event of an
// opportunity is a session of that opportunity: it is counted once, through the opportunity).
import { and, count, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { LADDER_RUNGS } from '$lib/domain/ladder';
import { translate } from '$lib/i18n';
import { actions, events, opportunities, opportunityRungCounts } from '$lib/server/db/schema';
import type { IndicatorPart } from '$lib/server/platform/indicators';

export const opportunitiesIndicators: IndicatorPart[] = [
	{
		key: 'opportunities.rungs',
		name: 'impact.indicators.rungs.name',
		definition: 'impact.indicators.rungs.definition',
		source: 'impact.indicators.rungs.source',
		unit: 'impact.units.rungs',
		kind: 'count',
		target: { municipality: LADDER_RUNGS.length, region: null },
		mapBaseline: 'impact.mapBaseline.rungs',
		public: true,
		order: 10,
		async compute(db, scope) {
			if (scope.municipalityIds.length === 0) return { municipalities: new Map() };
			const ids = [...scope.municipalityIds];
			// Every opportunity per rung, as kept per municipality by the triggers of migration impact_rung_counts
			// (a few rows, not the 43,554 opportunities of the bench dataset counted at each request), less those of
			// the actions that do not count (a draft, archived, or published later): few, found through their own
			// indexes. The counts are of the present: `scope.now` is the moment of the request (the snapshot job's
			// too), and an opportunity is never created in the future.
			// The events' count runs beside the opportunities' (each its own connection on PostgreSQL).
			const [rows, eventRows] = await Promise.all([
				db
					.select({
						municipalityId: opportunityRungCounts.municipalityId,
						rung: opportunityRungCounts.rung,
						n: opportunityRungCounts.n,
						left: sql<boolean>`false`
					})
					.from(opportunityRungCounts)
					.where(inArray(opportunityRungCounts.municipalityId, ids))
					.unionAll(
						db
							.select({
								municipalityId: opportunities.municipalityId,
								rung: opportunities.rung,
								n: count(),
								left: sql<boolean>`true`
							})
							.from(actions)
							.innerJoin(
								opportunities,
								and(
									eq(opportunities.municipalityId, actions.municipalityId),
									eq(opportunities.actionId, actions.id)
								)
							)
							.where(
								and(
									inArray(actions.municipalityId, ids),
									or(
										isNull(actions.publishedAt),
										gt(actions.publishedAt, scope.now),
										isNotNull(actions.archivedAt)
									)
								)
							)
							.groupBy(opportunities.municipalityId, opportunities.rung)
					),
				// Published (not cancelled, not a draft) events of their own: an information evening, an action day.
				db
					.select({ municipalityId: events.municipalityId, rung: events.rung, n: count() })
					.from(events)
					.where(
						and(
							inArray(events.municipalityId, ids),
							eq(events.status, 'published'),
							isNull(events.opportunityId),
							isNotNull(events.publishedAt),
							lte(events.publishedAt, scope.now)
						)
					)
					.groupBy(events.municipalityId, events.rung)
			]);
			const by = new Map<string, Map<string, number>>();
			for (const r of [...rows, ...eventRows.map((e) => ({ ...e, left: false }))]) {
				const m = by.get(r.municipalityId) ?? new Map<string, number>();
				// Number(): the union's counts may come as text (bigint) from the driver.
				m.set(r.rung, (m.get(r.rung) ?? 0) + (r.left ? -Number(r.n) : Number(r.n)));
				by.set(r.municipalityId, m);
			}
			for (const [id, m] of by) {
				for (const [rung, n] of m) if (n <= 0) m.delete(rung);
				if (m.size === 0) by.delete(id);
			}
			return {
				municipalities: new Map(
					[...by].map(([id, m]) => [
						id,
						{
							value: m.size,
							// In the ladder's order: "Informeren 3, Raadplegen 2".
							note: LADDER_RUNGS.filter((r) => m.has(r))
								.map((r) => `${translate('nl', `ladder.${r}.name`)} ${m.get(r)}`)
								.join(', ')
						}
					])
				)
			};
		}
	}
];
