import { redirect } from '@sveltejs/kit';
import { DIAGNOSIS_QUESTIONS } from '$lib/domain/climate-plan-teams';
import { answerDiagnosis, getAnswerForm } from '$lib/server/features/climate-plan/climate-plan.diagnosis';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(event, getAnswerForm(event.locals.ctx, { unverifiedId: event.params.ronde }))
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), [
			'department',
			...DIAGNOSIS_QUESTIONS,
			'comment'
		]);
		const result = await backofficeAction(
			event,
			answerDiagnosis(event.locals.ctx, { ...values, unverifiedId: event.params.ronde }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/klimaatplan/diagnose?gelukt=beantwoord`);
	}
};
