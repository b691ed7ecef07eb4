import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { browseRung } from '$lib/server/features/opportunities/opportunities.service';
import { parsePageFilters, parseRung } from '$lib/server/features/actions/actions.schemas';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const rung = parseRung(/^[1-6]$/.test(event.params.level) ? event.params.level : null);
	if (!rung)
		error(404, {
			message: translate(event.locals.locale, 'errors.notFound'),
			requestId: event.locals.requestId
		});
	const { page } = parsePageFilters(event.url.searchParams);
	return { browse: await orErrorPage(browseRung(event.locals.ctx, { rung, page }), event) };
};
