import { getMunicipalityOpenDataFile } from '$lib/server/features/open-data/open-data.service';
import { openDataResponse } from '$lib/server/features/open-data/open-data.http';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** One of the municipality's datasets as CSV, JSON or GeoJSON (`acties.csv`); public. */
export const GET: RequestHandler = async (event) => {
	const file = await orErrorPage(
		getMunicipalityOpenDataFile(tenantContext(event), {
			unverifiedDataset: event.params.dataset,
			unverifiedFormat: event.params.formaat,
			origin: event.url.origin
		}),
		event
	);
	return openDataResponse(event.request, file);
};
