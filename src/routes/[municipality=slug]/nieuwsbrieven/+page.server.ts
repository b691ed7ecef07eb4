import { listNewsletterArchive } from '$lib/server/features/newsletters/newsletters.service';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	items: await orErrorPage(listNewsletterArchive(tenantContext(event)), event)
});
