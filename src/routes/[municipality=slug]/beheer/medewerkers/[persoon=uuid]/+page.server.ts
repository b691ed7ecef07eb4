import { redirect } from '@sveltejs/kit';
import { changeStaffRoles, getStaffMember } from '$lib/server/features/staff/staff.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';
import { listField, textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = async (event) => ({
	detail: await backofficeLoad(
		event,
		getStaffMember(event.locals.ctx, { unverifiedUserId: event.params.persoon })
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const roles = listField(form, 'roles', 10);
		const { department } = textFields(form, ['department']);
		const result = await backofficeAction(
			event,
			changeStaffRoles(event.locals.ctx, { unverifiedUserId: event.params.persoon, roles, department }),
			{ roles, department }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=rollen`);
	}
};
