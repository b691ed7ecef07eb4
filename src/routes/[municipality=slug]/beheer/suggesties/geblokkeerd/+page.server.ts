import { listBlockedPeople } from '$lib/server/features/suggestions/suggestions.blocks.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = async (event) => ({
	blocks: await backofficeLoad(event, listBlockedPeople(event.locals.ctx)),
	...flashOf(event.url)
});
