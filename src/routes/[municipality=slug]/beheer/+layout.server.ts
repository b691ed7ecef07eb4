import { getBackofficeNav } from '$lib/server/features/staff/staff.service';
import type { LayoutServerLoad } from './$types';

// Only the menu: each page asks its own service, which refuses whoever may not be there.
export const load: LayoutServerLoad = async ({ locals }) => ({
	backofficeNav: await getBackofficeNav(locals.ctx)
});
