import { listActionsForBackoffice } from '$lib/server/features/actions/actions.admin.service';
import type { PageServerLoad } from './$types';
import { listLoad } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = listLoad(
	'list',
	{
		q: 'zoek',
		status: 'status',
		theme: 'thema',
		state: 'publicatie',
		sort: 'sorteer',
		dir: 'richting',
		page: 'pagina'
	},
	listActionsForBackoffice
);
