import { listGroupsForBackoffice } from '$lib/server/features/groups/groups.admin.service';
import { flashOf } from '$lib/server/platform/flash';
import { backofficeLoad } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	overview: await backofficeLoad(event, listGroupsForBackoffice(event.locals.ctx, {})),
	...flashOf(event.url)
});
