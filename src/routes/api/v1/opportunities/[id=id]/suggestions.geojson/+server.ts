import { apiJson } from '$lib/server/platform/api-http';
import { suggestionsGeoJson } from '$lib/server/features/suggestions/suggestions.browse.service';
import { parseGeoJsonQuery } from '$lib/server/features/suggestions/suggestions.browse.schemas';
import { AppError, apiRoute } from '$lib/server/platform/http';
import { parseId } from '$lib/domain/ids';

/** Listed suggestions with a place as a GeoJSON FeatureCollection, optionally only those in bbox=. */
export const GET = apiRoute(async (event) => {
	const opportunityId = parseId(event.params.id ?? '');
	if (opportunityId === null) throw new AppError('not_found');
	const query = parseGeoJsonQuery(event.url.searchParams);
	const result = await suggestionsGeoJson(event.locals.ctx, {
		opportunityId,
		query,
		origin: event.url.origin
	});
	return apiJson(event.request, result, {
		cacheControl: 'public, max-age=10',
		contentType: 'application/geo+json; charset=utf-8'
	});
});
