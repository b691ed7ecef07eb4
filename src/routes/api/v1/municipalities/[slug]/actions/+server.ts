import { json } from '@sveltejs/kit';
import { listActionsForApi } from '$lib/server/features/actions/actions.service';
import { parseApiListQuery } from '$lib/server/features/actions/actions.schemas';
import { AppError, apiRoute } from '$lib/server/platform/http';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const GET = apiRoute(async (event) => {
	const slug = event.params.slug ?? '';
	if (slug.length > 80 || !SLUG.test(slug)) throw new AppError('not_found');
	const query = parseApiListQuery(event.url.searchParams);
	const result = await listActionsForApi(event.locals.ctx, {
		municipalitySlug: slug,
		query,
		origin: event.url.origin
	});
	return json(result, { headers: { 'cache-control': 'public, max-age=60' } });
});
