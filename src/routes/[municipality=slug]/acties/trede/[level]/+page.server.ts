import { browseRung } from '$lib/server/features/opportunities/opportunities.service';
import { parsePageFilters, parseRung } from '$lib/server/features/actions/actions.schemas';
import { notFoundPage, orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const rung = parseRung(/^[1-6]$/.test(event.params.level) ? event.params.level : null);
	if (!rung) notFoundPage(event);
	// From locals (tenantContext 404s without a municipality), not parent(), which would wait for the root
	// layout's bell count first.
	const ctx = tenantContext(event);
	const { participating } = event.locals.municipality!.municipality;
	const { page } = parsePageFilters(event.url.searchParams);
	return { browse: await orErrorPage(browseRung(ctx, { rung, page, participating }), event) };
};
