import { getMunicipalityThemes } from '$lib/server/features/municipalities/municipalities.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { municipality } = await parent();
	const tenant = locals.municipality!.tenant;
	return {
		themes: await getMunicipalityThemes(
			{ ...locals.ctx, tenant },
			{ participating: municipality.participating }
		)
	};
};
