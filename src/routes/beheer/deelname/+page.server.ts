import { redirect } from '@sveltejs/kit';
import { previewParticipation, setParticipation } from '$lib/server/features/region/region.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { listField, textFields } from '$lib/server/platform/forms';

// The "are you sure?" step for switching participation: the GET shows, the POST changes.
export const load: PageServerLoad = async (event) => {
	const params = event.url.searchParams;
	return {
		preview: await backofficeLoad(
			event,
			previewParticipation(event.locals.ctx, {
				unverifiedRegionId: params.get('regio'),
				municipalityIds: listField(params, 'gemeente'),
				participating: params.get('actie')
			})
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = textFields(form, ['regionId', 'participating']);
		const municipalityIds = listField(form, 'gemeente');
		const result = await backofficeAction(
			event,
			setParticipation(event.locals.ctx, {
				unverifiedRegionId: values.regionId,
				municipalityIds,
				participating: values.participating
			}),
			{ ...values, municipalityIds }
		);
		if (!result.ok) return result.failure;
		redirect(303, '/beheer?gelukt=deelname');
	}
};
