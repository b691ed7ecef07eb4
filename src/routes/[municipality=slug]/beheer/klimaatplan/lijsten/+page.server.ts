import { redirect } from '@sveltejs/kit';
import {
	addPlanDepartment,
	addPlanTheme,
	getPlanActionForm
} from '$lib/server/features/climate-plan/climate-plan.service';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	choices: await backofficeLoad(event, getPlanActionForm(event.locals.ctx, {})),
	...flashOf(event.url)
});

export const actions: Actions = {
	theme: async (event) => {
		const values = textFields(await event.request.formData(), ['name']);
		const result = await backofficeAction(event, addPlanTheme(event.locals.ctx, values), {
			...values,
			form: 'theme'
		});
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/klimaatplan/lijsten?gelukt=thema`);
	},
	department: async (event) => {
		const values = textFields(await event.request.formData(), ['name']);
		const result = await backofficeAction(event, addPlanDepartment(event.locals.ctx, values), {
			...values,
			form: 'department'
		});
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/klimaatplan/lijsten?gelukt=dienst`);
	}
};
