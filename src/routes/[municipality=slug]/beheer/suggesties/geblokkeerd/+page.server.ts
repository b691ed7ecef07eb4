import { listBlockedPeople } from '$lib/server/features/suggestions/suggestions.blocks.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';

export const load: PageServerLoad = async (event) => ({
	blocks: await backofficeLoad(event, listBlockedPeople(event.locals.ctx)),
	done: event.url.searchParams.get('gelukt')
});
