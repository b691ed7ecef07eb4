import { searchSite } from '$lib/server/features/search/search.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

// The region's search: the public content of every participating municipality.
export const load: PageServerLoad = async (event) => ({
	search: await orErrorPage(searchSite(event.locals.ctx, { q: event.url.searchParams.get('q') }), event)
});
