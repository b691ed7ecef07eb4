import { apiJson } from '$lib/server/platform/api-http';
import { listActionsForApi, syncActionsForApi } from '$lib/server/features/actions/actions.service';
import { parseApiListQuery } from '$lib/server/features/actions/actions.schemas';
import { parseSyncQuery } from '$lib/server/platform/api-sync';
import { AppError, apiRoute } from '$lib/server/platform/http';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FILTERS = ['theme', 'status', 'rung', 'q'];

export const GET = apiRoute(async (event) => {
	const slug = event.params.slug ?? '';
	if (slug.length > 80 || !SLUG.test(slug)) throw new AppError('not_found');
	const sync = parseSyncQuery(event.url.searchParams, FILTERS);
	const result = sync
		? await syncActionsForApi(event.locals.ctx, {
				municipalitySlug: slug,
				query: sync,
				origin: event.url.origin
			})
		: await listActionsForApi(event.locals.ctx, {
				municipalitySlug: slug,
				query: parseApiListQuery(event.url.searchParams),
				origin: event.url.origin
			});
	return apiJson(event.request, result, { cacheControl: 'public, max-age=60' });
});
