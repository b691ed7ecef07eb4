import { getMunicipalityCatalogue } from '$lib/server/features/open-data/open-data.service';
import { openDataResponse } from '$lib/server/features/open-data/open-data.http';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** The municipality's datasets as a DCAT-AP catalogue in JSON-LD; public. */
export const GET: RequestHandler = async (event) => {
	const file = await orErrorPage(
		getMunicipalityCatalogue(tenantContext(event), { origin: event.url.origin }),
		event
	);
	return openDataResponse(event.request, file);
};
