import { getMunicipalityThemes } from '$lib/server/features/municipalities/municipalities.service';
import { listRecentActions } from '$lib/server/features/actions/actions.service';
import { countOpenByRung } from '$lib/server/features/opportunities/opportunities.service';
import type { PageServerLoad } from './$types';

const RECENT_ACTIONS = 6;

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { municipality } = await parent();
	const tenant = locals.municipality!.tenant;
	const ctx = { ...locals.ctx, tenant };
	const participating = municipality.participating;
	const [themes, actions, rungs] = await Promise.all([
		getMunicipalityThemes(ctx, { participating }),
		participating ? listRecentActions(ctx, { municipalityIds: [tenant.id], limit: RECENT_ACTIONS }) : [],
		participating ? countOpenByRung(ctx, { participating }) : []
	]);
	return { themes, actions, rungs };
};
