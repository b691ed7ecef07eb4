import { redirect } from '@sveltejs/kit';
import { createTemplate, getPlaybookLibrary } from '$lib/server/features/playbook/playbook.templates.service';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	library: await backofficeLoad(event, getPlaybookLibrary(event.locals.ctx)),
	...flashOf(event.url)
});

export const actions: Actions = {
	create: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'regionId']);
		const result = await backofficeAction(event, createTemplate(event.locals.ctx, values), values);
		if (!result.ok) return result.failure;
		redirect(303, `/beheer/draaiboek/${result.value.slug}?gelukt=aangemaakt`);
	}
};
