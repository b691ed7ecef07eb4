import { redirect } from '@sveltejs/kit';
import { inviteStaff, listStaffMembers } from '$lib/server/features/staff/staff.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = async (event) => {
	const params = event.url.searchParams;
	return {
		staff: await backofficeLoad(
			event,
			listStaffMembers(event.locals.ctx, {
				q: params.get('zoek') ?? undefined,
				role: params.get('rol') ?? undefined,
				sort: params.get('sorteer') ?? undefined,
				dir: params.get('richting') ?? undefined
			})
		),
		done: params.get('gelukt')
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const values = textFields(await event.request.formData(), ['email', 'role']);
		const result = await backofficeAction(
			event,
			inviteStaff(event.locals.ctx, { ...values, origin: event.url.origin }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=${result.value === 'granted' ? 'toegekend' : 'uitgenodigd'}`);
	}
};
