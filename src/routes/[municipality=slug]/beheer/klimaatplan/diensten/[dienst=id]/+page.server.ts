import { redirect } from '@sveltejs/kit';
import {
	getDepartmentForm,
	renamePlanDepartment
} from '$lib/server/features/climate-plan/climate-plan.teams';
import { withFlash } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

// Renaming a department of the plan: the name beside the field when another department has it already.
export const load: PageServerLoad = async (event) => ({
	department: await backofficeLoad(
		event,
		getDepartmentForm(event.locals.ctx, { unverifiedId: event.params.dienst })
	)
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), ['name']);
		const result = await backofficeAction(
			event,
			renamePlanDepartment(event.locals.ctx, { ...values, unverifiedId: event.params.dienst }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(`/${event.params.municipality}/beheer/klimaatplan/diensten`, 'hernoemd'));
	}
};
