import { redirect } from '@sveltejs/kit';
import {
	addIndicator,
	addMilestone,
	getPlanActionPage,
	linkPublicAction,
	postPlanUpdate,
	setIndicatorCurrent
} from '$lib/server/features/climate-plan/climate-plan.service';
import { flashOf } from '$lib/server/platform/flash';
import { listField, textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getPlanActionPage(event.locals.ctx, { unverifiedId: event.params.planactie })
	),
	...flashOf(event.url)
});

const here = (event: RequestEvent, done: string) =>
	`/${event.params.municipality}/beheer/klimaatplan/${event.params.planactie}?gelukt=${done}`;

export const actions: Actions = {
	update: async (event) => {
		const values = textFields(await event.request.formData(), [
			'done',
			'blockers',
			'adjustment',
			'adjustmentReason',
			'status'
		]);
		const result = await backofficeAction(
			event,
			postPlanUpdate(event.locals.ctx, { ...values, unverifiedId: event.params.planactie }),
			{ ...values, form: 'update' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'update'));
	},
	indicator: async (event) => {
		const values = textFields(await event.request.formData(), ['name', 'unit', 'target', 'current']);
		const result = await backofficeAction(
			event,
			addIndicator(event.locals.ctx, { ...values, unverifiedId: event.params.planactie }),
			{ ...values, form: 'indicator' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'indicator'));
	},
	indicatorCurrent: async (event) => {
		const values = textFields(await event.request.formData(), ['indicator', 'current']);
		const result = await backofficeAction(
			event,
			setIndicatorCurrent(event.locals.ctx, { ...values, unverifiedId: event.params.planactie }),
			{ ...values, form: `indicator-${values.indicator}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'indicator'));
	},
	milestone: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'dueOn', 'doneOn']);
		const result = await backofficeAction(
			event,
			addMilestone(event.locals.ctx, { ...values, unverifiedId: event.params.planactie }),
			{ ...values, form: 'milestone' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'mijlpaal'));
	},
	link: async (event) => {
		const form = await event.request.formData();
		const values = { action: textFields(form, ['action']).action, parts: listField(form, 'parts', 20) };
		const result = await backofficeAction(
			event,
			linkPublicAction(event.locals.ctx, { ...values, unverifiedId: event.params.planactie }),
			{ ...values, form: 'link' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'koppeling'));
	}
};
