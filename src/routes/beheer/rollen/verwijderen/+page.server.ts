import { redirect } from '@sveltejs/kit';
import { previewRegionRoleRemoval, removeRegionRoles } from '$lib/server/features/region/region.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { listField, textFields } from '$lib/server/platform/forms';

// The "are you sure?" step for removing region roles: the GET shows, the POST removes.
export const load: PageServerLoad = async (event) => ({
	preview: await backofficeLoad(
		event,
		previewRegionRoleRemoval(event.locals.ctx, {
			unverifiedRegionId: event.url.searchParams.get('regio'),
			regionRoleIds: listField(event.url.searchParams, 'rol')
		})
	)
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const { regionId } = textFields(form, ['regionId']);
		const regionRoleIds = listField(form, 'rol');
		const result = await backofficeAction(
			event,
			removeRegionRoles(event.locals.ctx, { unverifiedRegionId: regionId, regionRoleIds }),
			{ regionId, regionRoleIds }
		);
		if (!result.ok) return result.failure;
		redirect(303, '/beheer?gelukt=rolVerwijderd');
	}
};
