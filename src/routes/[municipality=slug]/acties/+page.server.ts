import { getMunicipalityThemes } from '$lib/server/features/municipalities/municipalities.service';
import { listActions } from '$lib/server/features/actions/actions.service';
import { parsePageFilters } from '$lib/server/features/actions/actions.schemas';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// From locals (tenantContext 404s without a municipality), not parent(), which would wait for the root
	// layout's bell count first.
	const ctx = tenantContext(event);
	const { participating } = event.locals.municipality!.municipality;
	const filters = parsePageFilters(event.url.searchParams);
	const [result, themes] = await Promise.all([
		orErrorPage(listActions(ctx, { filters, participating }), event),
		getMunicipalityThemes(ctx, { participating })
	]);
	return { filters, result, themes: themes.map((t) => ({ slug: t.slug, name: t.name })) };
};
