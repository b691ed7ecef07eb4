// The suggestions feature's open data: the published suggestions (approved, not merged) of the maps of public
// actions, with their place, status, support and the municipality's answer. No author: a suggestion's page names
// its author to visitors, but a dataset is copied far beyond it. The open-data feature takes e-mail addresses out of every text.
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { actions, municipalities, opportunities, suggestions, themes } from '$lib/server/db/schema';
import { defineDataset, isoOrNull, latest } from '$lib/server/platform/open-data';
import { suggestionPath } from './suggestions.access';
import { isListed } from './suggestions.queries';

export const suggestionsDataset = defineDataset({
	key: 'suggesties',
	title: 'openData.datasets.suggestions.title',
	description: 'openData.datasets.suggestions.description',
	keywords: ['participatie', 'suggesties', 'kaart'],
	geo: true,
	columns: [
		'municipality',
		'id',
		'url',
		'opportunity_id',
		'action_id',
		'title',
		'body',
		'theme',
		'status',
		'votes',
		'comments',
		'place_name',
		'lat',
		'lng',
		'answer',
		'answered_at',
		'published_at'
	],
	async load(db, scope) {
		const ids = scope.municipalities.map((m) => m.id);
		if (ids.length === 0) return [];
		const rows = await db
			.select({
				municipalitySlug: municipalities.slug,
				id: suggestions.id,
				slug: suggestions.slug,
				opportunityId: suggestions.opportunityId,
				actionId: actions.id,
				title: suggestions.title,
				body: suggestions.body,
				theme: themes.name,
				status: suggestions.status,
				voteCount: suggestions.voteCount,
				commentCount: suggestions.commentCount,
				placeName: suggestions.placeName,
				lat: suggestions.lat,
				lng: suggestions.lng,
				answer: suggestions.answer,
				answeredAt: suggestions.answeredAt,
				publishedAt: sql<Date>`coalesce(${suggestions.publishedAt}, ${suggestions.createdAt})`.mapWith(
					suggestions.createdAt
				),
				updatedAt: suggestions.updatedAt
			})
			.from(suggestions)
			.innerJoin(
				opportunities,
				and(
					eq(opportunities.id, suggestions.opportunityId),
					eq(opportunities.municipalityId, suggestions.municipalityId)
				)
			)
			.innerJoin(
				actions,
				and(eq(actions.id, opportunities.actionId), eq(actions.municipalityId, opportunities.municipalityId))
			)
			.innerJoin(municipalities, eq(municipalities.id, suggestions.municipalityId))
			.leftJoin(
				themes,
				and(eq(themes.id, suggestions.themeId), eq(themes.municipalityId, suggestions.municipalityId))
			)
			.where(
				and(
					inArray(suggestions.municipalityId, ids),
					isListed(),
					isNotNull(actions.publishedAt),
					lte(actions.publishedAt, scope.now),
					isNull(actions.archivedAt)
				)
			)
			.orderBy(asc(municipalities.slug), asc(suggestions.id));
		return rows.map((r) => ({
			values: {
				municipality: r.municipalitySlug,
				id: r.id,
				url: `${scope.origin}${suggestionPath(r.municipalitySlug, r)}`,
				opportunity_id: r.opportunityId,
				action_id: r.actionId,
				title: r.title,
				body: r.body,
				theme: r.theme,
				status: r.status,
				votes: r.voteCount,
				comments: r.commentCount,
				place_name: r.placeName,
				lat: r.lat,
				lng: r.lng,
				answer: r.answer,
				answered_at: isoOrNull(r.answeredAt),
				published_at: isoOrNull(r.publishedAt)
			},
			place: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
			modified: latest(r.updatedAt, r.answeredAt, r.publishedAt)
		}));
	}
});
