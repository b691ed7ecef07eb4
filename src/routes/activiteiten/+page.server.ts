import { getRegionOverview } from '$lib/server/features/municipalities/municipalities.service';
import { browseEvents } from '$lib/server/features/events/events.browse.service';
import { parseEventPageFilters } from '$lib/server/features/events/events.browse.schemas';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const filters = parseEventPageFilters(event.url.searchParams);
	const [result, overview] = await Promise.all([
		orErrorPage(browseEvents(event.locals.ctx, { filters }), event),
		orErrorPage(getRegionOverview(event.locals.ctx), event)
	]);
	// The default themes share their slug in every municipality, so one filter covers the region.
	return { filters, result, themes: overview.themes.map((t) => ({ slug: t.slug, name: t.name })) };
};
