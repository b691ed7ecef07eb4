import { searchSite } from '$lib/server/features/search/search.service';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

// A municipality's search: its own public content only (the page links to the region's search).
export const load: PageServerLoad = async (event) => {
	const ctx = tenantContext(event); // an unknown municipality: 404
	return { search: await orErrorPage(searchSite(ctx, { q: event.url.searchParams.get('q') }), event) };
};
