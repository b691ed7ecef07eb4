import { redirect } from '@sveltejs/kit';
import {
	addTheme,
	listThemes,
	moveTheme,
	setThemeActive
} from '$lib/server/features/settings/settings.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = async (event) => ({
	themes: (await backofficeLoad(event, listThemes(event.locals.ctx))).themes,
	...flashOf(event.url)
});

export const actions: Actions = {
	add: async (event) => {
		const values = textFields(await event.request.formData(), ['name', 'description', 'climate', 'lekpWerf']);
		const result = await backofficeAction(event, addTheme(event.locals.ctx, values), {
			...values,
			form: 'add'
		});
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=toegevoegd`);
	},
	move: async (event) => {
		const values = textFields(await event.request.formData(), ['themeId', 'direction']);
		const result = await backofficeAction(
			event,
			moveTheme(event.locals.ctx, { unverifiedThemeId: values.themeId, direction: values.direction }),
			{ form: 'move' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=verplaatst#thema-${values.themeId}`);
	},
	active: async (event) => {
		const values = textFields(await event.request.formData(), ['themeId', 'active']);
		const result = await backofficeAction(
			event,
			setThemeActive(event.locals.ctx, { unverifiedThemeId: values.themeId, active: values.active }),
			{ form: 'active' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=${values.active === 'true' ? 'aangezet' : 'uitgezet'}`);
	}
};
