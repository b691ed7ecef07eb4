import { browseOpportunity } from '$lib/server/features/suggestions/suggestions.browse.service';
import { parseBrowseFilters } from '$lib/server/features/suggestions/suggestions.browse.schemas';
import { loginUrl, notFoundPage, orErrorPage, tenantContext } from '$lib/server/platform/http';
import { getApp } from '$lib/server/platform/runtime';
import { browseHref } from '$lib/components/suggestions/browse-links';
import type { PageServerLoad } from './$types';
import { parseId } from '$lib/domain/ids';

export const load: PageServerLoad = async (event) => {
	const opportunityId = parseId(event.params.opportunity);
	if (opportunityId === null) notFoundPage(event);
	const ctx = tenantContext(event);
	const filters = parseBrowseFilters(event.url.searchParams);
	const page = await orErrorPage(browseOpportunity(ctx, { opportunityId, filters }), event);
	// The vote buttons of the list come back here, filters and page kept (the suggestion page checks the path).
	const returnTo = browseHref(page.opportunity.path, {
		q: filters.q,
		theme: filters.theme,
		status: filters.status,
		sort: filters.sort,
		near: filters.near,
		lat: filters.point?.lat,
		lng: filters.point?.lng,
		page: filters.page
	});
	return {
		...page,
		filters,
		returnTo,
		loginHref: loginUrl(returnTo),
		// Discovery for content management systems that embed by address (oEmbed: the map's widget).
		oembedUrl: `${event.url.origin}/oembed?url=${encodeURIComponent(`${event.url.origin}${page.opportunity.path}`)}&format=json`,
		tiles: getApp().config.tiles
	};
};
