import { listGroupsPage } from '$lib/server/features/groups/groups.service';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => orErrorPage(listGroupsPage(tenantContext(event)), event);
