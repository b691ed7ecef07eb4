import { getMunicipalityThemes } from '$lib/server/features/municipalities/municipalities.service';
import { listRecentActions } from '$lib/server/features/actions/actions.service';
import { countOpenByRung } from '$lib/server/features/opportunities/opportunities.service';
import { listNextEvents } from '$lib/server/features/events/events.browse.service';
import { listHomeStories } from '$lib/server/features/stories/stories.service';
import { tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

const RECENT_ACTIONS = 6;
const NEXT_EVENTS = 3;

export const load: PageServerLoad = async (event) => {
	// From locals (tenantContext 404s without a municipality), not parent(), which would wait for the root
	// layout's bell count first.
	const ctx = tenantContext(event);
	const { participating } = event.locals.municipality!.municipality;
	const [themes, actions, rungs, events, stories] = await Promise.all([
		getMunicipalityThemes(ctx, { participating }),
		participating ? listRecentActions(ctx, { municipalityIds: [ctx.tenant.id], limit: RECENT_ACTIONS }) : [],
		participating ? countOpenByRung(ctx, { participating }) : [],
		participating ? listNextEvents(ctx, { limit: NEXT_EVENTS }) : [],
		participating ? listHomeStories(ctx) : []
	]);
	return { themes, actions, rungs, events, stories };
};
