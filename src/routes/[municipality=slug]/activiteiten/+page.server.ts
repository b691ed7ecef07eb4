import { getMunicipalityThemes } from '$lib/server/features/municipalities/municipalities.service';
import { browseEvents } from '$lib/server/features/events/events.browse.service';
import { parseEventPageFilters } from '$lib/server/features/events/events.browse.schemas';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { municipality } = await event.parent();
	const ctx = tenantContext(event);
	const filters = parseEventPageFilters(event.url.searchParams);
	const [result, themes] = await Promise.all([
		orErrorPage(browseEvents(ctx, { filters, participating: municipality.participating }), event),
		getMunicipalityThemes(ctx, { participating: municipality.participating })
	]);
	return { filters, result, themes: themes.map((t) => ({ slug: t.slug, name: t.name })) };
};
