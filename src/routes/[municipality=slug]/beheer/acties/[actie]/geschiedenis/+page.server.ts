import { getActionHistory } from '$lib/server/features/actions/actions.admin.service';
import { backofficeLoad } from '$lib/server/features/staff/staff.http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	history: await backofficeLoad(
		event,
		getActionHistory(event.locals.ctx, { unverifiedActionId: event.params.actie })
	)
});
