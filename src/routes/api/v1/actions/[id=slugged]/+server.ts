import { apiJson } from '$lib/server/platform/api-http';
import { getActionForApi } from '$lib/server/features/actions/actions.service';
import { AppError, apiRoute } from '$lib/server/platform/http';
import { parseSluggedId } from '$lib/domain/ids';

export const GET = apiRoute(async (event) => {
	const id = parseSluggedId(event.params.id)?.id ?? null;
	if (id === null) throw new AppError('not_found');
	const data = await getActionForApi(event.locals.ctx, { id, origin: event.url.origin });
	return apiJson(
		event.request,
		{ data },
		{ cacheControl: 'public, max-age=60', lastModified: new Date(data.updatedAt) }
	);
});
