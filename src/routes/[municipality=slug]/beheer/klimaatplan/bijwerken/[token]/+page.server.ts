import { redirect } from '@sveltejs/kit';
import { getUpdateByLink, postUpdateByLink } from '$lib/server/features/climate-plan/climate-plan.monitoring';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { orErrorPage, orFail, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

// The monthly mail's one-click link: no login; opening it shows the form (a mail scanner posts nothing), the
// POST posts the update as the link's person, checked again then.
export const load: PageServerLoad = async (event) => ({
	link: await orErrorPage(getUpdateByLink(tenantContext(event), { token: event.params.token }), event),
	...flashOf(event.url)
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), [
			'done',
			'blockers',
			'adjustment',
			'adjustmentReason',
			'status'
		]);
		const result = await orFail(
			postUpdateByLink(tenantContext(event), { ...values, token: event.params.token }),
			event,
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=update`);
	}
};
