import { redirect } from '@sveltejs/kit';
import { changeTaskStatus, getTasksPage } from '$lib/server/features/climate-plan/climate-plan.meetings';
import { withFlash } from '$lib/server/platform/backoffice-pages';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(event, getTasksPage(event.locals.ctx, {})),
	...flashOf(event.url)
});

export const actions: Actions = {
	status: async (event) => {
		const values = textFields(await event.request.formData(), ['klimaattaak', 'status']);
		const result = await backofficeAction(
			event,
			changeTaskStatus(event.locals.ctx, { unverifiedId: values.klimaattaak, status: values.status }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(`/${event.params.municipality}/beheer/klimaatplan/taken`, 'taak'));
	}
};
