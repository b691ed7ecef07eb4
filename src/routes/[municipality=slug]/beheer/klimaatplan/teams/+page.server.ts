import { redirect } from '@sveltejs/kit';
import { createTeam, getTeamsPage } from '$lib/server/features/climate-plan/climate-plan.teams';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(event, getTeamsPage(event.locals.ctx, {})),
	...flashOf(event.url)
});

export const actions: Actions = {
	create: async (event) => {
		const values = textFields(await event.request.formData(), ['name', 'theme', 'lead']);
		const result = await backofficeAction(event, createTeam(event.locals.ctx, values), values);
		if (!result.ok) return result.failure;
		redirect(
			303,
			`/${event.params.municipality}/beheer/klimaatplan/teams/${result.value.id}?gelukt=opgericht`
		);
	}
};
