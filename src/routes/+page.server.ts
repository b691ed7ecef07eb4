import { getRegionOverview } from '$lib/server/features/municipalities/municipalities.service';
import { listRecentActions } from '$lib/server/features/actions/actions.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

const RECENT_ACTIONS = 6;

export const load: PageServerLoad = async (event) => {
	const [overview, actions] = await Promise.all([
		orErrorPage(getRegionOverview(event.locals.ctx), event),
		listRecentActions(event.locals.ctx, { limit: RECENT_ACTIONS })
	]);
	return { overview, actions };
};
