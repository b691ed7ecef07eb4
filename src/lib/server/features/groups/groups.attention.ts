// The groups feature's part of the back office's home: sign-ups and expenses waiting for the coaching staff,
// with since when. Not in the menu's count, which is the suggestions' queue.
import type { AttentionPart } from '$lib/server/platform/feature';
import { countWaitingForStaff } from './groups.queries';

export const groupsAttention: AttentionPart = {
	async items(db, scope) {
		// The ability of canManageGroups (groups.policy.ts), as the home hands it over.
		if (!scope.abilities.has('workingGroups.prepare')) return [];
		const waiting = await countWaitingForStaff(db, { municipalityId: scope.municipalityId });
		const href = `/${scope.slug}/beheer/groepen`;
		return [
			...(waiting.signups > 0
				? [
						{
							id: 'groups.signups',
							label: 'groups.admin.attention.signups' as const,
							count: waiting.signups,
							since: waiting.signupsSince?.toISOString() ?? null,
							href
						}
					]
				: []),
			...(waiting.expenses > 0
				? [
						{
							id: 'groups.expenses',
							label: 'groups.admin.attention.expenses' as const,
							count: waiting.expenses,
							since: waiting.expensesSince?.toISOString() ?? null,
							href
						}
					]
				: [])
		];
	}
};
