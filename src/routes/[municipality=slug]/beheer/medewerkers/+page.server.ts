import { redirect } from '@sveltejs/kit';
import { inviteStaff, listStaffMembers } from '$lib/server/features/staff/staff.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import { listLoad, withFlash } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = listLoad(
	'staff',
	{ q: 'zoek', role: 'rol', sort: 'sorteer', dir: 'richting' },
	listStaffMembers
);

export const actions: Actions = {
	invite: async (event) => {
		const values = textFields(await event.request.formData(), ['email', 'role', 'department']);
		const result = await backofficeAction(
			event,
			inviteStaff(event.locals.ctx, { ...values, origin: event.url.origin }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(event.url.pathname, result.value === 'granted' ? 'toegekend' : 'uitgenodigd'));
	}
};
