import { redirect } from '@sveltejs/kit';
import { uploadPlanImport } from '$lib/server/features/climate-plan/climate-plan.import';
import { getPlanActionForm } from '$lib/server/features/climate-plan/climate-plan.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

// Only those who steer the plan reach the upload (getPlanActionForm refuses the others).
export const load: PageServerLoad = async (event) => {
	await backofficeLoad(event, getPlanActionForm(event.locals.ctx, {}));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const upload = (await event.request.formData()).get('file');
		const file = upload instanceof File && upload.size > 0 ? upload : null;
		const result = await backofficeAction(event, uploadPlanImport(event.locals.ctx, { file }), {});
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/klimaatplan/importeren/${result.value.id}`);
	}
};
