// The climate plan's part of the back office's home: open actions without an update for PLAN_STALE_DAYS days,
// for those who steer the plan, with a link to the table filtered on them.
import type { AttentionPart } from '$lib/server/platform/feature';
import { countStaleActions } from './climate-plan.queries';
import { staleBefore } from './climate-plan.present';

export const climatePlanAttention: AttentionPart = {
	async items(db, scope) {
		// The ability canManagePlan (climate-plan.policy.ts) reads, as the home hands it over.
		if (!scope.abilities.has('climatePlan.manage')) return [];
		const stale = await countStaleActions(db, {
			municipalityId: scope.municipalityId,
			staleBefore: staleBefore(scope.now)
		});
		if (stale.count === 0) return [];
		return [
			{
				id: 'climatePlan.stale',
				label: 'climatePlan.attention.stale',
				count: stale.count,
				since: stale.since?.toISOString() ?? null,
				href: `/${scope.slug}/beheer/klimaatplan?stil=ja`
			}
		];
	}
};
