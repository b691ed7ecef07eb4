import { redirect } from '@sveltejs/kit';
import { getRegionBackoffice, grantRegionRole } from '$lib/server/features/region/region.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import { listLoad, withFlash } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = listLoad(
	'backoffice',
	{
		unverifiedRegionSlug: 'regio',
		q: 'zoek',
		participating: 'deelname',
		sort: 'sorteer',
		dir: 'richting'
	},
	getRegionBackoffice
);

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
		redirect(303, withFlash('/beheer', 'rolToegekend'));
	}
};
