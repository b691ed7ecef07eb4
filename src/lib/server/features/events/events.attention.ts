// The events feature's part of the back office's home: the events citizen groups proposed from their workspace
// (events.groups.service.ts) that wait, as drafts, for staff to publish them, with since when; the link opens
// the list on those drafts. Only past ones are left out: an event that is over waits for no one.
import { and, count, eq, gte, isNotNull, min } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { events } from '$lib/server/db/schema';
import type { AttentionPart } from '$lib/server/platform/feature';
import { managesEventsWith } from './events.policy';

/** How many upcoming drafts groups proposed, and when the oldest of them was proposed. */
export async function countGroupProposalsWaiting(
	db: Db,
	params: { municipalityId: string; now: Date }
): Promise<{ count: number; since: Date | null }> {
	const [row] = await db
		.select({ count: count(), since: min(events.createdAt) })
		.from(events)
		.where(
			and(
				eq(events.municipalityId, params.municipalityId),
				eq(events.status, 'draft'),
				isNotNull(events.proposedByGroupId),
				gte(events.endsAt, params.now)
			)
		);
	return { count: row?.count ?? 0, since: row?.since ?? null };
}

export const eventsAttention: AttentionPart = {
	async items(db, scope) {
		// The abilities of managing events (events.policy.ts), as the home hands them over.
		if (!managesEventsWith(scope.abilities)) return [];
		const waiting = await countGroupProposalsWaiting(db, {
			municipalityId: scope.municipalityId,
			now: scope.now
		});
		if (waiting.count === 0) return [];
		return [
			{
				id: 'events.groupProposals',
				label: 'eventsAdmin.attention.groupProposals',
				count: waiting.count,
				since: waiting.since?.toISOString() ?? null,
				href: `/${scope.slug}/beheer/activiteiten?status=draft&herkomst=group`
			}
		];
	}
};
