import { getMeetingsPage } from '$lib/server/features/climate-plan/climate-plan.meetings';
import { flashOf } from '$lib/server/platform/flash';
import { backofficeLoad } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(event, getMeetingsPage(event.locals.ctx, {})),
	...flashOf(event.url)
});
