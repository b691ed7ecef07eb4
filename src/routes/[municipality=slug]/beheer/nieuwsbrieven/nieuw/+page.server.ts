import { redirect } from '@sveltejs/kit';
import {
	createNewsletter,
	getNewNewsletterForm,
	previewNewsletter
} from '$lib/server/features/newsletters/newsletters.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { newsletterForm } from '../form-fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	form: await backofficeLoad(event, getNewNewsletterForm(event.locals.ctx, undefined))
});

export const actions: Actions = {
	save: async (event) => {
		const { input, values } = newsletterForm(await event.request.formData());
		const result = await backofficeAction(event, createNewsletter(event.locals.ctx, input), values);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/nieuwsbrieven/${result.value.id}?gelukt=aangemaakt`);
	},
	// What is typed, shown in the municipality's look with its count; nothing is saved.
	preview: async (event) => {
		const { input, values } = newsletterForm(await event.request.formData());
		const result = await backofficeAction(event, previewNewsletter(event.locals.ctx, input), values);
		if (!result.ok) return result.failure;
		return { values, preview: result.value };
	}
};
