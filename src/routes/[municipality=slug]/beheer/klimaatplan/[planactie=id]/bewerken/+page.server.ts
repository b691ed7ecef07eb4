import { redirect } from '@sveltejs/kit';
import { editPlanAction, getPlanActionForEdit } from '$lib/server/features/climate-plan/climate-plan.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { planActionForm } from '../../form-fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getPlanActionForEdit(event.locals.ctx, { unverifiedId: event.params.planactie })
	)
});

export const actions: Actions = {
	default: async (event) => {
		const { input, values } = planActionForm(await event.request.formData());
		const result = await backofficeAction(
			event,
			editPlanAction(event.locals.ctx, { ...input, unverifiedId: event.params.planactie }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			`/${event.params.municipality}/beheer/klimaatplan/${event.params.planactie}?gelukt=${result.value.changed ? 'bewaard' : 'niets'}`
		);
	}
};
