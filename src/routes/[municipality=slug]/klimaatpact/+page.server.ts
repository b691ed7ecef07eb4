import { getPublicPact } from '$lib/server/features/climate-pact/climate-pact.service';
import { loginUrl, orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

// A municipality's Climate Pact: verified totals against the 2030 target, and the person's own reports.
export const load: PageServerLoad = async (event) => ({
	page: await orErrorPage(getPublicPact(tenantContext(event)), event),
	loginHref: loginUrl(event.url.pathname)
});
