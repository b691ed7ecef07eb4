import { redirect } from '@sveltejs/kit';
import {
	listPlanBoard,
	removePlanView,
	savePlanView
} from '$lib/server/features/climate-plan/climate-plan.service';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { getPlanParticipation } from '$lib/server/features/climate-plan/climate-plan.teams';
import { PLAN_FILTER_NAMES } from './form-fields';
import type { Actions, PageServerLoad } from './$types';

const loadList = listLoad('list', PLAN_FILTER_NAMES, listPlanBoard);
export const load: PageServerLoad = async (event) => ({
	...(await loadList(event)),
	// How many departments take part (departmentsTakingPart), with its definition on the page.
	participation: await backofficeLoad(event, getPlanParticipation(event.locals.ctx, {}))
});

export const actions: Actions = {
	saveView: async (event) => {
		const values = textFields(await event.request.formData(), ['name', 'query']);
		const result = await backofficeAction(event, savePlanView(event.locals.ctx, values), {
			...values,
			form: 'saveView'
		});
		if (!result.ok) return result.failure;
		const query = new URLSearchParams(values.query.replace(/^\?/, ''));
		query.set('gelukt', 'weergave');
		redirect(303, `/${event.params.municipality}/beheer/klimaatplan?${query}`);
	},
	removeView: async (event) => {
		const { view } = textFields(await event.request.formData(), ['view']);
		const result = await backofficeAction(event, removePlanView(event.locals.ctx, { unverifiedId: view }), {
			form: 'removeView'
		});
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/klimaatplan?gelukt=weergave-weg`);
	}
};
