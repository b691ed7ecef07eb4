import { getStoryPage } from '$lib/server/features/stories/stories.service';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	story: await orErrorPage(getStoryPage(tenantContext(event), { unverifiedId: event.params.verhaal }), event)
});
