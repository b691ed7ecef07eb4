import { redirect } from '@sveltejs/kit';
import { getSessionPlanning, planGroupSession } from '$lib/server/features/groups/groups.sessions';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getSessionPlanning(event.locals.ctx, { unverifiedId: event.params.groep })
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	plan: async (event) => {
		const values = textFields(await event.request.formData(), ['step', 'visibility']);
		const result = await backofficeAction(
			event,
			planGroupSession(event.locals.ctx, { ...values, unverifiedId: event.params.groep }),
			{ ...values, form: 'plan' }
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			withFlash(`/${event.params.municipality}/beheer/groepen/${event.params.groep}/sessies`, 'gepland')
		);
	}
};
