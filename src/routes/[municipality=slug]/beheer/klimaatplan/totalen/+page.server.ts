import { getPlanTotals } from '$lib/server/features/climate-plan/climate-plan.service';
import { backofficeLoad } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	totals: await backofficeLoad(event, getPlanTotals(event.locals.ctx, {}))
});
