import { getRegionOverview } from '$lib/server/features/municipalities/municipalities.service';
import { listRegionActions } from '$lib/server/features/actions/actions.service';
import { parsePageFilters } from '$lib/server/features/actions/actions.schemas';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const filters = parsePageFilters(event.url.searchParams);
	const [result, overview] = await Promise.all([
		orErrorPage(listRegionActions(event.locals.ctx, { filters }), event),
		orErrorPage(getRegionOverview(event.locals.ctx), event)
	]);
	// The default themes share their slug in every municipality, so one filter covers the region.
	return { filters, result, themes: overview.themes.map((t) => ({ slug: t.slug, name: t.name })) };
};
