import { getActionHistory } from '$lib/server/features/actions/actions.admin.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';

export const load: PageServerLoad = async (event) => ({
	history: await backofficeLoad(
		event,
		getActionHistory(event.locals.ctx, { unverifiedActionId: event.params.actie })
	)
});
