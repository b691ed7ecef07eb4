import { getRegionPact } from '$lib/server/features/climate-pact/climate-pact.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

// The region's Climate Pact: the municipalities taking part, summed, and each of them.
export const load: PageServerLoad = async (event) => ({
	totals: await orErrorPage(getRegionPact(event.locals.ctx), event)
});
