import { getPlanSummary } from '$lib/server/features/climate-plan/climate-plan.service';
import { backofficeLoad } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	summary: await backofficeLoad(event, getPlanSummary(event.locals.ctx, {}))
});
