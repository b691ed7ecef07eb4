import { apiJson } from '$lib/server/platform/api-http';
import { getSuggestionForApi } from '$lib/server/features/suggestions/suggestions.contribute.service';
import { AppError, apiRoute } from '$lib/server/platform/http';
import { parseSluggedId } from '$lib/domain/ids';

/** One listed suggestion of a participating municipality, with its story. */
export const GET = apiRoute(async (event) => {
	const id = parseSluggedId(event.params.id)?.id ?? null;
	if (id === null) throw new AppError('not_found');
	const data = await getSuggestionForApi(event.locals.ctx, { id, origin: event.url.origin });
	return apiJson(
		event.request,
		{ data },
		{ cacheControl: 'public, max-age=30', lastModified: new Date(data.updatedAt) }
	);
});
