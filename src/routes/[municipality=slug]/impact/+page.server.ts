import { getPublicImpact } from '$lib/server/features/impact/impact.service';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	impact: await orErrorPage(getPublicImpact(tenantContext(event)), event)
});
