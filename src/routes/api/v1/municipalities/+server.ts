import { apiJson } from '$lib/server/platform/api-http';
import {
	listMunicipalitiesForApi,
	syncMunicipalitiesForApi
} from '$lib/server/features/municipalities/municipalities.service';
import { parseSyncQuery } from '$lib/server/platform/api-sync';
import { apiRoute } from '$lib/server/platform/http';

export const GET = apiRoute(async (event) => {
	const sync = parseSyncQuery(event.url.searchParams, []);
	const body = sync
		? await syncMunicipalitiesForApi(event.locals.ctx, { query: sync, origin: event.url.origin })
		: { data: await listMunicipalitiesForApi(event.locals.ctx, { origin: event.url.origin }) };
	return apiJson(event.request, body, { cacheControl: 'public, max-age=60' });
});
