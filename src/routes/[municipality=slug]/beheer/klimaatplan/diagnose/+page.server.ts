import { redirect } from '@sveltejs/kit';
import {
	getDiagnosisPage,
	openDiagnosisRound
} from '$lib/server/features/climate-plan/climate-plan.diagnosis';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(event, getDiagnosisPage(event.locals.ctx, {})),
	...flashOf(event.url)
});

export const actions: Actions = {
	round: async (event) => {
		const values = textFields(await event.request.formData(), ['name']);
		const result = await backofficeAction(event, openDiagnosisRound(event.locals.ctx, values), values);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/klimaatplan/diagnose?gelukt=ronde`);
	}
};
