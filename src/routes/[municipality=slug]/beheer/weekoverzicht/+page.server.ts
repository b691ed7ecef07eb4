import { getWeeklyOverview } from '$lib/server/features/college/college.service';
import { backofficeLoad } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	overview: await backofficeLoad(event, getWeeklyOverview(event.locals.ctx))
});
