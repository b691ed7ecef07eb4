import { listActionsForBackoffice } from '$lib/server/features/actions/actions.admin.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';
import { listParams } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = async (event) => {
	const list = listParams(event.url, {
		q: 'zoek',
		status: 'status',
		theme: 'thema',
		state: 'publicatie',
		sort: 'sorteer',
		dir: 'richting',
		page: 'pagina'
	});
	return {
		list: await backofficeLoad(event, listActionsForBackoffice(event.locals.ctx, list.filters)),
		...list.view
	};
};
