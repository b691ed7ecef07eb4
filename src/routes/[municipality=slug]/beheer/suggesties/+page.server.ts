import { getModerationQueue } from '$lib/server/features/suggestions/suggestions.moderation.service';
import type { PageServerLoad } from './$types';
import { listLoad } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = listLoad(
	'queue',
	{ view: 'wat', opportunityId: 'kans', q: 'zoek', sort: 'sorteer', page: 'pagina' },
	getModerationQueue
);
