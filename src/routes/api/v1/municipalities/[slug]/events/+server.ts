import { json } from '@sveltejs/kit';
import { listEventsForApi } from '$lib/server/features/events/events.browse.service';
import { parseEventApiQuery } from '$lib/server/features/events/events.browse.schemas';
import { AppError, apiRoute } from '$lib/server/platform/http';
import { isSlug } from '$lib/domain/slugs';

export const GET = apiRoute(async (event) => {
	const slug = event.params.slug ?? '';
	if (slug.length > 80 || !isSlug(slug)) throw new AppError('not_found');
	const query = parseEventApiQuery(event.url.searchParams);
	const result = await listEventsForApi(event.locals.ctx, {
		municipalitySlug: slug,
		query,
		origin: event.url.origin
	});
	return json(result, { headers: { 'cache-control': 'public, max-age=60' } });
});
