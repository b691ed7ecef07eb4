import { redirect } from '@sveltejs/kit';
import {
	getTemplateStep,
	removeStep,
	saveStep
} from '$lib/server/features/playbook/playbook.templates.service';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { STEP_FIELDS } from '$lib/components/playbook/step-fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getTemplateStep(event.locals.ctx, {
			unverifiedSlug: event.params.sjabloon,
			unverifiedStepKey: event.params.stapsleutel
		})
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	save: async (event) => {
		const values = textFields(await event.request.formData(), STEP_FIELDS);
		const result = await backofficeAction(
			event,
			saveStep(event.locals.ctx, {
				...values,
				unverifiedSlug: event.params.sjabloon,
				unverifiedStepKey: event.params.stapsleutel
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			`/beheer/draaiboek/${event.params.sjabloon}/stappen/${event.params.stapsleutel}?gelukt=bewaard`
		);
	},
	remove: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(
			event,
			removeStep(event.locals.ctx, {
				...values,
				unverifiedSlug: event.params.sjabloon,
				unverifiedStepKey: event.params.stapsleutel
			}),
			{ form: 'remove' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `/beheer/draaiboek/${event.params.sjabloon}?gelukt=stapVerwijderd`);
	}
};
