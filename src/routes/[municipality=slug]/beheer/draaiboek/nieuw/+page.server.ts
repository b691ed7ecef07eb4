import { redirect } from '@sveltejs/kit';
import { getStartForm, startTrajectory } from '$lib/server/features/playbook/playbook.trajectories.service';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	start: await backofficeLoad(
		event,
		getStartForm(event.locals.ctx, { unverifiedTemplate: event.url.searchParams.get('sjabloon') })
	)
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), ['template', 'title', 'theme', 'startsOn']);
		const result = await backofficeAction(event, startTrajectory(event.locals.ctx, values), values);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/draaiboek/${result.value.id}?gelukt=gestart`);
	}
};
