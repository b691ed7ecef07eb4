import { listStoryQueue } from '$lib/server/features/stories/stories.admin.service';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = listLoad(
	'queue',
	{ q: 'zoek', status: 'status', page: 'pagina' },
	listStoryQueue
);
