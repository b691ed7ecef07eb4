import { redirect } from '@sveltejs/kit';
import { createAction, getNewActionForm } from '$lib/server/features/actions/actions.admin.service';
import { actionForm } from '../form-fields';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';

export const load: PageServerLoad = async (event) => ({
	form: await backofficeLoad(event, getNewActionForm(event.locals.ctx))
});

export const actions: Actions = {
	default: async (event) => {
		const { input, values } = actionForm(await event.request.formData());
		const result = await backofficeAction(event, createAction(event.locals.ctx, input), values);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/acties/${result.value.id}?gelukt=aangemaakt`);
	}
};
