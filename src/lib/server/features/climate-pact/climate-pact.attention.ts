// The Climate Pact's part of the back office's home: citizens' reports waiting for verification, with since when.
import type { AttentionPart } from '$lib/server/platform/feature';
import { countWaitingContributions } from './climate-pact.queries';

export const pactAttention: AttentionPart = {
	async items(db, scope) {
		// The ability of canManagePact (climate-pact.policy.ts), as the home hands them over.
		if (!scope.abilities.has('climatePlan.manage')) return [];
		const waiting = await countWaitingContributions(db, { municipalityId: scope.municipalityId });
		if (waiting.count === 0) return [];
		return [
			{
				id: 'climatePact.waiting',
				label: 'climatePact.attention.waiting',
				count: waiting.count,
				since: waiting.since?.toISOString() ?? null,
				href: `/${scope.slug}/beheer/klimaatpact/meldingen?status=submitted`
			}
		];
	}
};
