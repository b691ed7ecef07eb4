import { redirect } from '@sveltejs/kit';
import { getStepPlanning, planStepForGroup } from '$lib/server/features/groups/groups.sessions';
import { withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getStepPlanning(event.locals.ctx, {
			unverifiedTrajectoryId: event.params.traject,
			unverifiedStepId: event.params.stap
		})
	)
});

export const actions: Actions = {
	plan: async (event) => {
		const values = textFields(await event.request.formData(), ['group', 'visibility']);
		const result = await backofficeAction(
			event,
			planStepForGroup(event.locals.ctx, {
				...values,
				unverifiedTrajectoryId: event.params.traject,
				unverifiedStepId: event.params.stap
			}),
			{ ...values, form: 'plan' }
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			withFlash(`/${event.params.municipality}/beheer/groepen/${values.group}/sessies`, 'gepland')
		);
	}
};
