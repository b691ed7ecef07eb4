import { getOwnContribution } from '$lib/server/features/climate-pact/climate-pact.service';
import { tenantContext } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

// What happens next after a contribution was reported; what it was only for its own author (?melding=).
export const load: PageServerLoad = async (event) => ({
	report: await getOwnContribution(tenantContext(event), {
		unverifiedId: event.url.searchParams.get('melding')
	})
});
