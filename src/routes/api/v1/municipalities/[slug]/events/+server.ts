import { apiJson } from '$lib/server/platform/api-http';
import { listEventsForApi, syncEventsForApi } from '$lib/server/features/events/events.browse.service';
import { parseEventApiQuery } from '$lib/server/features/events/events.browse.schemas';
import { parseSyncQuery } from '$lib/server/platform/api-sync';
import { AppError, apiRoute } from '$lib/server/platform/http';
import { isSlug } from '$lib/domain/slugs';

const FILTERS = ['when', 'from', 'to', 'theme', 'kind', 'action'];

export const GET = apiRoute(async (event) => {
	const slug = event.params.slug ?? '';
	if (slug.length > 80 || !isSlug(slug)) throw new AppError('not_found');
	const sync = parseSyncQuery(event.url.searchParams, FILTERS);
	const result = sync
		? await syncEventsForApi(event.locals.ctx, {
				municipalitySlug: slug,
				query: sync,
				origin: event.url.origin
			})
		: await listEventsForApi(event.locals.ctx, {
				municipalitySlug: slug,
				query: parseEventApiQuery(event.url.searchParams),
				origin: event.url.origin
			});
	return apiJson(event.request, result, { cacheControl: 'public, max-age=60' });
});
