import { getArchivedNewsletter } from '$lib/server/features/newsletters/newsletters.service';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	newsletter: await orErrorPage(
		getArchivedNewsletter(tenantContext(event), { unverifiedId: event.params.nieuwsbrief }),
		event
	)
});
