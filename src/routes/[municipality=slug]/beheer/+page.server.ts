import { getBackofficeHome } from '$lib/server/features/staff/staff.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';

export const load: PageServerLoad = async (event) => ({
	home: await backofficeLoad(event, getBackofficeHome(event.locals.ctx))
});
