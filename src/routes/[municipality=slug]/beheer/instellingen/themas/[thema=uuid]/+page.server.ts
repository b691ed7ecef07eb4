import { redirect } from '@sveltejs/kit';
import { changeTheme, deleteTheme, getTheme } from '$lib/server/features/settings/settings.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = async (event) => ({
	theme: await backofficeLoad(event, getTheme(event.locals.ctx, { unverifiedThemeId: event.params.thema }))
});

export const actions: Actions = {
	save: async (event) => {
		const values = textFields(await event.request.formData(), ['name', 'description', 'climate', 'lekpWerf']);
		const result = await backofficeAction(
			event,
			changeTheme(event.locals.ctx, { unverifiedThemeId: event.params.thema, ...values }),
			{ ...values, form: 'save' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/instellingen/themas?gelukt=gewijzigd`);
	},
	delete: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(
			event,
			deleteTheme(event.locals.ctx, { unverifiedThemeId: event.params.thema, confirm: values.confirm }),
			{ form: 'delete' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/instellingen/themas?gelukt=verwijderd`);
	}
};
