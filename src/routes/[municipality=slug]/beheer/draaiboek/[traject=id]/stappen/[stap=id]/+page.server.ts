import { redirect, type RequestEvent } from '@sveltejs/kit';
import {
	getStepForBackoffice,
	planSessionAsEvent,
	proposeStep,
	saveTrajectoryStep
} from '$lib/server/features/playbook/playbook.trajectories.service';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

const target = (event: { params: { traject: string; stap: string } }) => ({
	unverifiedTrajectoryId: event.params.traject,
	unverifiedStepId: event.params.stap
});

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(event, getStepForBackoffice(event.locals.ctx, target(event))),
	...flashOf(event.url)
});

const here = (event: RequestEvent<{ municipality: string; traject: string; stap: string }>, done: string) =>
	`/${event.params.municipality}/beheer/draaiboek/${event.params.traject}/stappen/${event.params.stap}?gelukt=${done}`;

export const actions: Actions = {
	save: async (event) => {
		const values = textFields(await event.request.formData(), [
			'title',
			'description',
			'checklist',
			'dueOn',
			'sessionStartsAt'
		]);
		const result = await backofficeAction(
			event,
			saveTrajectoryStep(event.locals.ctx, { ...values, ...target(event) }),
			{ ...values, form: 'save' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, result.value.changed ? 'bewaard' : 'niets'));
	},
	propose: async (event) => {
		const values = textFields(await event.request.formData(), ['reason']);
		const result = await backofficeAction(
			event,
			proposeStep(event.locals.ctx, { ...values, ...target(event) }),
			{ ...values, form: 'propose' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'voorgesteld'));
	},
	event: async (event) => {
		const result = await backofficeAction(event, planSessionAsEvent(event.locals.ctx, target(event)), {
			form: 'event'
		});
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'activiteit'));
	}
};
