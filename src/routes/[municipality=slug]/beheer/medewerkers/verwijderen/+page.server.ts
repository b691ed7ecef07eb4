import { redirect } from '@sveltejs/kit';
import { previewStaffRemoval, removeStaffAccess } from '$lib/server/features/staff/staff.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { listField } from '$lib/server/platform/forms';

// The "are you sure?" step: the GET only shows what would be removed; the POST removes it.
export const load: PageServerLoad = async (event) => ({
	preview: await backofficeLoad(
		event,
		previewStaffRemoval(event.locals.ctx, {
			membershipIds: listField(event.url.searchParams, 'rol'),
			invitationIds: listField(event.url.searchParams, 'uitnodiging')
		})
	)
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const input = { membershipIds: listField(form, 'rol'), invitationIds: listField(form, 'uitnodiging') };
		const result = await backofficeAction(event, removeStaffAccess(event.locals.ctx, input), input);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/medewerkers?gelukt=verwijderd`);
	}
};
