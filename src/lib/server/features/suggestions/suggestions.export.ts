// Exports of an opportunity's suggestions for staff: CSV that Excel in Belgium opens as it is (UTF-8 with BOM,
// semicolons, formulas neutralised) and GeoJSON for GIS tools. Every moderation state is in, with a column.
import { translate } from '$lib/i18n';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { writeAudit } from '$lib/server/platform/audit';
import { suggestionPath } from './suggestions.access';
import { getSuggestionOpportunity } from './suggestions.queries';
import { listApprovedCommentsForExport, listSuggestionsForExport } from './suggestions.admin.queries';
import { authorizeModeration } from './suggestions.admin.access';
import { parseId } from '$lib/domain/ids';
import { slugify } from '$lib/server/platform/text';
import { toCsv } from '$lib/server/platform/csv';

export const EXPORT_FORMATS = ['csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// The CSV writing itself is the platform's, shared with the other exports.
export { csvCell, toCsv } from '$lib/server/platform/csv';

export interface SuggestionExport {
	filename: string;
	contentType: string;
	body: string;
}

const iso = (value: Date | null) => (value ? value.toISOString() : '');

export async function exportSuggestions(
	ctx: Ctx,
	input: { unverifiedOpportunityId: unknown; format: ExportFormat; origin: string }
): Promise<SuggestionExport> {
	const scope = await authorizeModeration(ctx);
	const municipalityId = scope.municipality.id;
	const id = parseId(input.unverifiedOpportunityId);
	const opportunity =
		id === null
			? undefined
			: await getSuggestionOpportunity(ctx.db, { municipalityId, opportunityId: id, now: new Date() });
	if (!opportunity) throw new AppError('not_found');
	const [rows, comments] = await Promise.all([
		listSuggestionsForExport(ctx.db, { municipalityId, opportunityId: opportunity.id }),
		listApprovedCommentsForExport(ctx.db, { municipalityId, opportunityId: opportunity.id })
	]);
	const commentsOf = new Map<number, typeof comments>();
	for (const c of comments) {
		const list = commentsOf.get(c.suggestionId) ?? [];
		list.push(c);
		commentsOf.set(c.suggestionId, list);
	}
	const t = (key: Parameters<typeof translate>[1]) => translate(ctx.locale, key);
	const url = (r: { id: number; slug: string }) =>
		`${input.origin}${suggestionPath(scope.municipality.slug, r)}`;
	const municipalityName = t('suggestionsAdmin.export.municipality');
	const name = (c: (typeof comments)[number]) =>
		c.official
			? `${municipalityName} ${scope.municipality.name}`
			: (c.authorName ?? t('suggestionsAdmin.anonymous'));

	await writeAudit(ctx.db, {
		regionId: scope.municipality.regionId,
		municipalityId,
		actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
		action: 'suggestion.exported',
		details: {
			opportunityId: opportunity.id,
			name: opportunity.title,
			format: input.format,
			count: rows.length
		}
	});

	const date = new Date().toISOString().slice(0, 10);
	const base = `suggesties-${scope.municipality.slug}-${slugify(opportunity.title).slice(0, 50).replace(/-+$/, '') || opportunity.id}-${date}`;

	if (input.format === 'csv') {
		const header = [
			'id',
			t('suggestionsAdmin.export.title'),
			t('suggestionsAdmin.export.description'),
			t('suggestionsAdmin.export.status'),
			t('suggestionsAdmin.export.moderation'),
			t('suggestionsAdmin.export.placeName'),
			'lat',
			'lng',
			t('suggestionsAdmin.export.votes'),
			t('suggestionsAdmin.export.commentCount'),
			t('suggestionsAdmin.export.comments'),
			t('suggestionsAdmin.export.answer'),
			t('suggestionsAdmin.export.mergedInto'),
			t('suggestionsAdmin.export.createdAt'),
			t('suggestionsAdmin.export.publishedAt'),
			'URL'
		];
		const body = rows.map((r) => [
			r.id,
			r.title,
			r.body,
			translate(ctx.locale, `suggestions.status.${r.status}`),
			translate(ctx.locale, `suggestions.moderation.${r.moderation}`),
			r.placeName ?? '',
			r.lat === null ? '' : r.lat,
			r.lng === null ? '' : r.lng,
			r.voteCount,
			r.commentCount,
			(commentsOf.get(r.id) ?? [])
				.map((c) => `${name(c)} (${iso(c.createdAt).slice(0, 10)}): ${c.body}`)
				.join('\n\n'),
			r.answer ?? '',
			r.mergedIntoId ?? '',
			iso(r.createdAt),
			iso(r.publishedAt),
			url(r)
		]);
		return {
			filename: `${base}.csv`,
			contentType: 'text/csv; charset=utf-8',
			body: toCsv([header, ...body])
		};
	}

	const collection = {
		type: 'FeatureCollection',
		name: opportunity.title,
		features: rows.map((r) => ({
			type: 'Feature',
			id: r.id,
			// A suggestion typed as an address only has no place yet: a feature without geometry.
			geometry: r.lat === null || r.lng === null ? null : { type: 'Point', coordinates: [r.lng, r.lat] },
			properties: {
				id: r.id,
				title: r.title,
				description: r.body,
				status: r.status,
				moderation: r.moderation,
				placeName: r.placeName,
				votes: r.voteCount,
				commentCount: r.commentCount,
				comments: (commentsOf.get(r.id) ?? []).map((c) => ({
					author: name(c),
					official: c.official,
					body: c.body,
					createdAt: iso(c.createdAt)
				})),
				answer: r.answer,
				mergedIntoId: r.mergedIntoId,
				createdAt: iso(r.createdAt),
				publishedAt: r.publishedAt ? iso(r.publishedAt) : null,
				url: url(r)
			}
		}))
	};
	return {
		filename: `${base}.geojson`,
		contentType: 'application/geo+json; charset=utf-8',
		body: JSON.stringify(collection)
	};
}
