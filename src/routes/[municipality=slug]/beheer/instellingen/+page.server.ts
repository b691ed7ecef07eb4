import { redirect } from '@sveltejs/kit';
import {
	getBrandingSettings,
	removeBoundary,
	removeLogo,
	updateBranding,
	uploadBoundary,
	uploadLogo
} from '$lib/server/features/settings/settings.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = async (event) => ({
	settings: await backofficeLoad(event, getBrandingSettings(event.locals.ctx)),
	...flashOf(event.url)
});

export const actions: Actions = {
	branding: async (event) => {
		const values = textFields(await event.request.formData(), [
			'primaryColor',
			'accentColor',
			'websiteUrl',
			'intro'
		]);
		const result = await backofficeAction(event, updateBranding(event.locals.ctx, values), {
			...values,
			form: 'branding'
		});
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=huisstijl`);
	},
	logo: async (event) => {
		const file = (await event.request.formData()).get('logo');
		const result = await backofficeAction(
			event,
			uploadLogo(event.locals.ctx, { file: file instanceof File && file.size > 0 ? file : null }),
			{ form: 'logo' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=logo`);
	},
	removeLogo: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(event, removeLogo(event.locals.ctx, values), {
			form: 'removeLogo'
		});
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=logoVerwijderd`);
	},
	boundary: async (event) => {
		const file = (await event.request.formData()).get('boundary');
		const result = await backofficeAction(
			event,
			uploadBoundary(event.locals.ctx, { file: file instanceof File && file.size > 0 ? file : null }),
			{ form: 'boundary' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=grens`);
	},
	removeBoundary: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(event, removeBoundary(event.locals.ctx, values), {
			form: 'removeBoundary'
		});
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=grensVerwijderd`);
	}
};
