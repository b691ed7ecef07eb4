import { getMunicipalityOpenData } from '$lib/server/features/open-data/open-data.service';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	openData: await orErrorPage(
		getMunicipalityOpenData(tenantContext(event), { origin: event.url.origin }),
		event
	)
});
