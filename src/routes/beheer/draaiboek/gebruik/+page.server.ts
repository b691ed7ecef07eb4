import { getPlaybookUsageOverview } from '$lib/server/features/playbook/playbook.templates.service';
import { backofficeLoad } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	usage: await backofficeLoad(event, getPlaybookUsageOverview(event.locals.ctx))
});
