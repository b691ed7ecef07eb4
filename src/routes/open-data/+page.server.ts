import { getRegionOpenData } from '$lib/server/features/open-data/open-data.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	openData: await orErrorPage(getRegionOpenData(event.locals.ctx, { origin: event.url.origin }), event)
});
