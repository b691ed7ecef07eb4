import { json } from '@sveltejs/kit';
import { listMunicipalitiesForApi } from '$lib/server/features/municipalities/municipalities.service';
import { apiRoute } from '$lib/server/platform/http';

export const GET = apiRoute(async (event) => {
	const data = await listMunicipalitiesForApi(event.locals.ctx, { origin: event.url.origin });
	return json({ data }, { headers: { 'cache-control': 'public, max-age=60' } });
});
