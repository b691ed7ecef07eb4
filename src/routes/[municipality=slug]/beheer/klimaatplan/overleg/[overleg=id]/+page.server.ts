import { redirect } from '@sveltejs/kit';
import {
	addAgreement,
	addMeetingParticipants,
	removeMeetingParticipant,
	agreementToTask,
	editMeeting,
	getMeetingPage
} from '$lib/server/features/climate-plan/climate-plan.meetings';
import { withFlash } from '$lib/server/platform/backoffice-pages';
import { flashOf } from '$lib/server/platform/flash';
import { listField, textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(event, getMeetingPage(event.locals.ctx, { unverifiedId: event.params.overleg })),
	...flashOf(event.url)
});

const here = (event: RequestEvent, done: string, count?: number) =>
	withFlash(`/${event.params.municipality}/beheer/klimaatplan/overleg/${event.params.overleg}`, done, count);

export const actions: Actions = {
	edit: async (event) => {
		const values = textFields(await event.request.formData(), ['heldOn', 'notes']);
		const result = await backofficeAction(
			event,
			editMeeting(event.locals.ctx, { ...values, unverifiedId: event.params.overleg }),
			{ ...values, form: 'edit' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'bewaard'));
	},
	participants: async (event) => {
		const participants = listField(await event.request.formData(), 'participants', 250);
		const result = await backofficeAction(
			event,
			addMeetingParticipants(event.locals.ctx, { participants, unverifiedId: event.params.overleg }),
			{ participants, form: 'participants' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'deelnemers', result.value.added));
	},
	participantRemove: async (event) => {
		const values = textFields(await event.request.formData(), ['person']);
		const result = await backofficeAction(
			event,
			removeMeetingParticipant(event.locals.ctx, { ...values, unverifiedId: event.params.overleg }),
			{ ...values, form: 'participantRemove' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'deelnemer-weg'));
	},
	agreement: async (event) => {
		const values = textFields(await event.request.formData(), ['text']);
		const result = await backofficeAction(
			event,
			addAgreement(event.locals.ctx, { ...values, unverifiedId: event.params.overleg }),
			{ ...values, form: 'agreement' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${here(event, 'afspraak')}#afspraak-${result.value.id}`);
	},
	task: async (event) => {
		const values = textFields(await event.request.formData(), ['afspraak', 'title', 'owner', 'dueOn']);
		const result = await backofficeAction(
			event,
			agreementToTask(event.locals.ctx, {
				title: values.title,
				owner: values.owner,
				dueOn: values.dueOn,
				unverifiedMeetingId: event.params.overleg,
				unverifiedId: values.afspraak
			}),
			{ ...values, form: 'task' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'taak'));
	}
};
