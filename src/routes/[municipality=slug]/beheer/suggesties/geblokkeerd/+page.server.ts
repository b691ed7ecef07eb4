import { listBlockedPeople } from '$lib/server/features/suggestions/suggestions.blocks.service';
import { backofficeLoad } from '$lib/server/features/staff/staff.http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	blocks: await backofficeLoad(event, listBlockedPeople(event.locals.ctx)),
	done: event.url.searchParams.get('gelukt')
});
