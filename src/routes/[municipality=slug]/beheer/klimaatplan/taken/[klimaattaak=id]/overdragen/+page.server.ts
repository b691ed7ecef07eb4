import { redirect } from '@sveltejs/kit';
import { getTaskHandover, handOverTask } from '$lib/server/features/climate-plan/climate-plan.meetings';
import { withFlash } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

// Handing a task over to a colleague who reads the plan: refused beside the field for anyone else.
export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getTaskHandover(event.locals.ctx, { unverifiedId: event.params.klimaattaak })
	)
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), ['owner']);
		const result = await backofficeAction(
			event,
			handOverTask(event.locals.ctx, { ...values, unverifiedId: event.params.klimaattaak }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(`/${event.params.municipality}/beheer/klimaatplan/taken`, 'overgedragen'));
	}
};
