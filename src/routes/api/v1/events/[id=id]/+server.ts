import { apiJson } from '$lib/server/platform/api-http';
import { getEventForApi } from '$lib/server/features/events/events.browse.service';
import { AppError, apiRoute } from '$lib/server/platform/http';
import { parseId } from '$lib/domain/ids';

export const GET = apiRoute(async (event) => {
	const id = parseId(event.params.id);
	if (id === null) throw new AppError('not_found');
	const data = await getEventForApi(event.locals.ctx, { id, origin: event.url.origin });
	return apiJson(
		event.request,
		{ data },
		{ cacheControl: 'public, max-age=60', lastModified: new Date(data.updatedAt) }
	);
});
