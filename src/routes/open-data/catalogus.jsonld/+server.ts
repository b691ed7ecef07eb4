import { getRegionCatalogue } from '$lib/server/features/open-data/open-data.service';
import { openDataResponse } from '$lib/server/features/open-data/open-data.http';
import { orErrorPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** The region's datasets as a DCAT-AP catalogue in JSON-LD; public. */
export const GET: RequestHandler = async (event) => {
	const file = await orErrorPage(getRegionCatalogue(event.locals.ctx, { origin: event.url.origin }), event);
	return openDataResponse(event.request, file);
};
