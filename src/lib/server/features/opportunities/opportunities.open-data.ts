// The opportunities feature's open data: the ways to take part in the public actions, with their rung of the
// participation ladder and their window.
import { and, asc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { actionPath } from '$lib/domain/actions';
import { rungLevel } from '$lib/domain/ladder';
import { actions, municipalities, opportunities } from '$lib/server/db/schema';
import { defineDataset, isoOrNull } from '$lib/server/platform/open-data';

export const opportunitiesDataset = defineDataset({
	key: 'kansen',
	title: 'openData.datasets.opportunities.title',
	description: 'openData.datasets.opportunities.description',
	keywords: ['participatie', 'participatieladder'],
	columns: [
		'municipality',
		'id',
		'action_id',
		'action_title',
		'action_url',
		'title',
		'kind',
		'rung',
		'rung_level',
		'how_to',
		'opens_at',
		'closes_at'
	],
	async load(db, scope) {
		const ids = scope.municipalities.map((m) => m.id);
		if (ids.length === 0) return [];
		const rows = await db
			.select({
				municipalitySlug: municipalities.slug,
				id: opportunities.id,
				title: opportunities.title,
				kind: opportunities.kind,
				rung: opportunities.rung,
				howTo: opportunities.howTo,
				opensAt: opportunities.opensAt,
				closesAt: opportunities.closesAt,
				createdAt: opportunities.createdAt,
				actionId: actions.id,
				actionSlug: actions.slug,
				actionTitle: actions.title,
				actionUpdatedAt: actions.updatedAt
			})
			.from(opportunities)
			.innerJoin(
				actions,
				and(eq(actions.id, opportunities.actionId), eq(actions.municipalityId, opportunities.municipalityId))
			)
			.innerJoin(municipalities, eq(municipalities.id, opportunities.municipalityId))
			.where(
				and(
					inArray(opportunities.municipalityId, ids),
					isNotNull(actions.publishedAt),
					lte(actions.publishedAt, scope.now),
					isNull(actions.archivedAt)
				)
			)
			.orderBy(asc(municipalities.slug), asc(opportunities.id));
		return rows.map((r) => ({
			values: {
				municipality: r.municipalitySlug,
				id: r.id,
				action_id: r.actionId,
				action_title: r.actionTitle,
				action_url: `${scope.origin}${actionPath(r.municipalitySlug, r.actionId, r.actionSlug)}`,
				title: r.title,
				kind: r.kind,
				rung: r.rung,
				rung_level: rungLevel(r.rung),
				how_to: r.howTo,
				opens_at: isoOrNull(r.opensAt),
				closes_at: isoOrNull(r.closesAt)
			},
			place: null,
			// An opportunity keeps no change time of its own: its creation, or its action's last change when later.
			modified: r.actionUpdatedAt > r.createdAt ? r.actionUpdatedAt : r.createdAt
		}));
	}
});
