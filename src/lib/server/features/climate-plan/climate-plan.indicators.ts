// The climate plan's impact indicator (seed 004: "bijna alle diensten" carry part of the plan): how many of each
// municipality's departments take part in its plan, by the same definition as the board's figure
// (climate-plan.participation.ts). Internal: the public impact pages do not show it.
import { translate } from '$lib/i18n';
import type { IndicatorPart } from '$lib/server/platform/indicators';
import { countDepartmentsTakingPart } from './climate-plan.teams.queries';

export const climatePlanIndicators: IndicatorPart[] = [
	{
		key: 'climatePlan.departments',
		name: 'impact.indicators.departments.name',
		definition: 'impact.indicators.departments.definition',
		source: 'impact.indicators.departments.source',
		unit: 'impact.units.departments',
		kind: 'count',
		// The seed asks for "almost every department", no number: staff may set one.
		target: { municipality: null, region: null },
		public: false,
		order: 75,
		async compute(db, scope) {
			const rows = await countDepartmentsTakingPart(db, { municipalityIds: scope.municipalityIds });
			return {
				municipalities: new Map(
					rows.map((r) => [
						r.municipalityId,
						{
							value: r.taking,
							note: translate('nl', 'impact.notes.departments', { taking: r.taking, total: r.total })
						}
					])
				)
			};
		}
	}
];
