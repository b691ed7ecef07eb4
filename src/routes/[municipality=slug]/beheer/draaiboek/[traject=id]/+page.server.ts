import { redirect, type RequestEvent } from '@sveltejs/kit';
import {
	getTrajectoryForBackoffice,
	planSessionAsEvent,
	setPhaseDates,
	setTrajectoryStatus,
	tickStep
} from '$lib/server/features/playbook/playbook.trajectories.service';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getTrajectoryForBackoffice(event.locals.ctx, { unverifiedTrajectoryId: event.params.traject })
	),
	...flashOf(event.url)
});

type Event = RequestEvent<{ municipality: string; traject: string }>;
const here = (event: Event, done: string, anchor = '') =>
	`/${event.params.municipality}/beheer/draaiboek/${event.params.traject}?gelukt=${done}${anchor}`;

async function tick(event: Event, done: boolean) {
	const values = textFields(await event.request.formData(), ['step']);
	const result = await backofficeAction(
		event,
		tickStep(event.locals.ctx, {
			unverifiedTrajectoryId: event.params.traject,
			unverifiedStepId: values.step,
			done
		}),
		{ ...values, form: 'tick' }
	);
	if (!result.ok) return result.failure;
	redirect(303, here(event, done ? 'afgevinkt' : 'heropend', `#stap-${values.step}`));
}

export const actions: Actions = {
	done: (event) => tick(event, true),
	reopen: (event) => tick(event, false),
	dates: async (event) => {
		const values = textFields(await event.request.formData(), ['phase', 'startsOn', 'endsOn']);
		const result = await backofficeAction(
			event,
			setPhaseDates(event.locals.ctx, {
				unverifiedTrajectoryId: event.params.traject,
				unverifiedPhaseId: values.phase,
				startsOn: values.startsOn,
				endsOn: values.endsOn
			}),
			{ ...values, form: `phase-${values.phase}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'data', `#fase-${values.phase}`));
	},
	event: async (event) => {
		const values = textFields(await event.request.formData(), ['step']);
		const result = await backofficeAction(
			event,
			planSessionAsEvent(event.locals.ctx, {
				unverifiedTrajectoryId: event.params.traject,
				unverifiedStepId: values.step
			}),
			{ ...values, form: 'event' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'activiteit', `#stap-${values.step}`));
	},
	finish: async (event) => {
		const result = await backofficeAction(
			event,
			setTrajectoryStatus(event.locals.ctx, { unverifiedTrajectoryId: event.params.traject, finished: true }),
			{ form: 'status' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'afgerond'));
	},
	resume: async (event) => {
		const result = await backofficeAction(
			event,
			setTrajectoryStatus(event.locals.ctx, {
				unverifiedTrajectoryId: event.params.traject,
				finished: false
			}),
			{ form: 'status' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'hervat'));
	}
};
