import { getCallPage } from '$lib/server/features/groups/groups.service';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await orErrorPage(
		getCallPage(tenantContext(event), { unverifiedId: event.params.groep }),
		event
	);
	return { group: page.group, mine: page.mine };
};
