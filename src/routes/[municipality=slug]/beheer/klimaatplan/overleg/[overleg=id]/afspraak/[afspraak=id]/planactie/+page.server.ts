import { redirect } from '@sveltejs/kit';
import {
	agreementToPlanAction,
	getAgreementActionForm
} from '$lib/server/features/climate-plan/climate-plan.meetings';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { planActionForm } from '../../../../../form-fields';
import type { Actions, PageServerLoad } from './$types';

// An agreement of a meeting becomes a plan action: the plan action form, pre-filled from the agreement.
export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getAgreementActionForm(event.locals.ctx, {
			unverifiedMeetingId: event.params.overleg,
			unverifiedId: event.params.afspraak
		})
	)
});

export const actions: Actions = {
	default: async (event) => {
		const { input, values } = planActionForm(await event.request.formData());
		const result = await backofficeAction(
			event,
			agreementToPlanAction(event.locals.ctx, {
				...input,
				unverifiedMeetingId: event.params.overleg,
				unverifiedId: event.params.afspraak
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/klimaatplan/${result.value.id}?gelukt=aangemaakt`);
	}
};
