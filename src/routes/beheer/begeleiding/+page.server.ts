import { redirect } from '@sveltejs/kit';
import { assignCoaching, getCoaching } from '$lib/server/features/region/region.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import { coachingHref } from './href';

// Which municipalities one participation expert of the region coaches: the regional admin adds one here and
// ends the coaching of some through the confirmation page (begeleiding/verwijderen).
export const load: PageServerLoad = listLoad(
	'coaching',
	{ unverifiedRegionId: 'regio', unverifiedRegionRoleId: 'rol' },
	getCoaching
);

export const actions: Actions = {
	assign: async (event) => {
		const values = textFields(await event.request.formData(), ['regionId', 'regionRoleId', 'municipalityId']);
		const result = await backofficeAction(
			event,
			assignCoaching(event.locals.ctx, {
				unverifiedRegionId: values.regionId,
				unverifiedRegionRoleId: values.regionRoleId,
				municipalityId: values.municipalityId,
				origin: event.url.origin
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, coachingHref(values.regionId, values.regionRoleId, 'toegekend'));
	}
};
