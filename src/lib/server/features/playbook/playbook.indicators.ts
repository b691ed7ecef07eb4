// The impact indicators of the playbook (seed 000): municipalities using the playbook (running or having run a
// trajectory) and the extra policy themes run with it beyond climate, from the trajectories (playbookUsage).
import { sharedLoad, type IndicatorPart, type IndicatorScope } from '$lib/server/platform/indicators';
import type { Db } from '$lib/server/db/client';
import { playbookUsage } from './playbook.templates.service';

/** A trajectory's theme that is climate itself (the platform's first theme) is no extra policy theme. */
const isClimate = (theme: string) => /^klimaat\b/i.test(theme.trim());

/** The region's trajectories by then, read once for both indicators of a computation. */
const usageOf = (db: Db, scope: IndicatorScope) =>
	sharedLoad(scope, 'playbook.usage', () =>
		playbookUsage(db, {
			regionId: scope.regionId,
			// One municipality's page reads only its own trajectories.
			municipalityId: scope.municipalityIds.length === 1 ? scope.municipalityIds[0] : undefined,
			startedBy: scope.now
		})
	);

export const playbookIndicators: IndicatorPart[] = [
	{
		key: 'playbook.using',
		regionOnly: true,
		name: 'impact.indicators.usingPlaybook.name',
		definition: 'impact.indicators.usingPlaybook.definition',
		source: 'impact.indicators.usingPlaybook.source',
		unit: 'impact.units.municipalities',
		kind: 'municipalities',
		target: { municipality: null, region: 15 },
		mapBaseline: 'impact.mapBaseline.zeroMunicipalities',
		public: true,
		order: 80,
		async compute(db, scope) {
			const usage = await usageOf(db, scope);
			const wanted = new Set(scope.municipalityIds);
			return {
				municipalities: new Map(
					usage
						.filter((u) => wanted.has(u.municipalityId))
						.map((u) => [u.municipalityId, { value: 1, note: u.themes.join(', ') }])
				)
			};
		}
	},
	{
		key: 'playbook.extraThemes',
		name: 'impact.indicators.extraThemes.name',
		definition: 'impact.indicators.extraThemes.definition',
		source: 'impact.indicators.extraThemes.source',
		unit: 'impact.units.themes',
		kind: 'count',
		target: { municipality: 2, region: 30 },
		mapBaseline: 'impact.mapBaseline.themes',
		public: true,
		order: 90,
		async compute(db, scope) {
			const usage = await usageOf(db, scope);
			const wanted = new Set(scope.municipalityIds);
			const result = new Map<string, { value: number; note: string }>();
			for (const u of usage) {
				if (!wanted.has(u.municipalityId)) continue;
				const extra = [...new Set(u.themes.filter((t) => !isClimate(t)).map((t) => t.trim()))];
				if (extra.length > 0) result.set(u.municipalityId, { value: extra.length, note: extra.join(', ') });
			}
			return { municipalities: result };
		}
	}
];
