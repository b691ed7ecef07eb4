import { getRegionOverview } from '$lib/server/features/municipalities/municipalities.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	overview: await orErrorPage(getRegionOverview(event.locals.ctx), event)
});
