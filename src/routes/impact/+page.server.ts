import { getPublicRegionImpact } from '$lib/server/features/impact/impact.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	impact: await orErrorPage(getPublicRegionImpact(event.locals.ctx), event)
});
