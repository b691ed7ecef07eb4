import { listEventsForBackoffice } from '$lib/server/features/events/events.admin.service';
import type { PageServerLoad } from './$types';
import { listLoad } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = listLoad(
	'list',
	{ q: 'zoek', status: 'status', kind: 'soort', origin: 'herkomst', when: 'wanneer', page: 'pagina' },
	listEventsForBackoffice
);
