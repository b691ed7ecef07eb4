import { getBackofficeHome } from '$lib/server/features/staff/staff.service';
import { backofficeLoad } from '$lib/server/features/staff/staff.http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	home: await backofficeLoad(event, getBackofficeHome(event.locals.ctx))
});
