import { listNewslettersForBackoffice } from '$lib/server/features/newsletters/newsletters.service';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = listLoad(
	'list',
	{ q: 'zoek', status: 'status', page: 'pagina' },
	listNewslettersForBackoffice
);
