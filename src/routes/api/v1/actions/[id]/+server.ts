import { json } from '@sveltejs/kit';
import { getActionForApi } from '$lib/server/features/actions/actions.service';
import { parseActionId } from '$lib/server/features/actions/actions.schemas';
import { AppError, apiRoute } from '$lib/server/platform/http';

export const GET = apiRoute(async (event) => {
	const id = parseActionId(event.params.id ?? '');
	if (id === null) throw new AppError('not_found');
	const data = await getActionForApi(event.locals.ctx, { id, origin: event.url.origin });
	return json({ data }, { headers: { 'cache-control': 'public, max-age=60' } });
});
