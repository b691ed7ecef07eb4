import { apiJson } from '$lib/server/platform/api-http';
import { clustersForApi } from '$lib/server/features/suggestions/suggestions.browse.service';
import { parseClustersQuery } from '$lib/server/features/suggestions/suggestions.browse.schemas';
import { AppError, apiRoute } from '$lib/server/platform/http';
import { parseId } from '$lib/domain/ids';

/** Clusters and single points of the listed suggestions in the visible box, on a grid fit for the zoom. */
export const GET = apiRoute(async (event) => {
	const opportunityId = parseId(event.params.id ?? '');
	if (opportunityId === null) throw new AppError('not_found');
	const query = parseClustersQuery(event.url.searchParams);
	const result = await clustersForApi(event.locals.ctx, { opportunityId, query });
	return apiJson(event.request, result, { cacheControl: 'public, max-age=5' });
});
