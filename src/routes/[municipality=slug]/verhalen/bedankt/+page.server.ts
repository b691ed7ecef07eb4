import { getOwnSubmittedStory } from '$lib/server/features/stories/stories.service';
import { tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

// What happens next after a story was sent; its title only for its own author (?verhaal=).
export const load: PageServerLoad = async (event) => ({
	story: await getOwnSubmittedStory(tenantContext(event), {
		unverifiedId: event.url.searchParams.get('verhaal')
	})
});
