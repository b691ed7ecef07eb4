import { redirect } from '@sveltejs/kit';
import { getRegionBackoffice, grantRegionRole } from '$lib/server/features/region/region.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = async (event) => {
	const params = event.url.searchParams;
	return {
		backoffice: await backofficeLoad(
			event,
			getRegionBackoffice(event.locals.ctx, {
				unverifiedRegionSlug: params.get('regio'),
				q: params.get('zoek') ?? undefined,
				participating: params.get('deelname') ?? undefined,
				sort: params.get('sorteer') ?? undefined,
				dir: params.get('richting') ?? undefined
			})
		),
		done: params.get('gelukt')
	};
};

export const actions: Actions = {
	grant: async (event) => {
		const values = textFields(await event.request.formData(), ['regionId', 'email', 'role']);
		const result = await backofficeAction(
			event,
			grantRegionRole(event.locals.ctx, {
				unverifiedRegionId: values.regionId,
				email: values.email,
				role: values.role,
				origin: event.url.origin
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, `/beheer?gelukt=rolToegekend`);
	}
};
