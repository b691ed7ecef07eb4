import { getModerationQueue } from '$lib/server/features/suggestions/suggestions.moderation.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';
import { listParams } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = async (event) => {
	const list = listParams(event.url, {
		view: 'wat',
		opportunityId: 'kans',
		q: 'zoek',
		sort: 'sorteer',
		page: 'pagina'
	});
	return {
		queue: await backofficeLoad(event, getModerationQueue(event.locals.ctx, list.filters)),
		...list.view
	};
};
