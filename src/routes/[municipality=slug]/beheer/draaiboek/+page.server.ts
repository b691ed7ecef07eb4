import { listTrajectoriesForBackoffice } from '$lib/server/features/playbook/playbook.trajectories.service';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = listLoad(
	'list',
	{ q: 'zoek', status: 'status', theme: 'thema', page: 'pagina' },
	listTrajectoriesForBackoffice
);
