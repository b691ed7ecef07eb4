import { getRegionOverview } from '$lib/server/features/municipalities/municipalities.service';
import { listRecentActions } from '$lib/server/features/actions/actions.service';
import { listNextEvents } from '$lib/server/features/events/events.browse.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

const RECENT_ACTIONS = 6;
const NEXT_EVENTS = 3;

export const load: PageServerLoad = async (event) => {
	const [overview, actions, events] = await Promise.all([
		orErrorPage(getRegionOverview(event.locals.ctx), event),
		listRecentActions(event.locals.ctx, { limit: RECENT_ACTIONS }),
		listNextEvents(event.locals.ctx, { limit: NEXT_EVENTS })
	]);
	return { overview, actions, events };
};
