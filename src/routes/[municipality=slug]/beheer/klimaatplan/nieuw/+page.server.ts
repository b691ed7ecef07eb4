import { redirect } from '@sveltejs/kit';
import { createPlanAction, getPlanActionForm } from '$lib/server/features/climate-plan/climate-plan.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { planActionForm } from '../form-fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	choices: await backofficeLoad(event, getPlanActionForm(event.locals.ctx, {}))
});

export const actions: Actions = {
	default: async (event) => {
		const { input, values } = planActionForm(await event.request.formData());
		const result = await backofficeAction(event, createPlanAction(event.locals.ctx, input), values);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/klimaatplan/${result.value.id}?gelukt=aangemaakt`);
	}
};
