import { redirect } from '@sveltejs/kit';
import {
	getTemplateDocument,
	removeDocument,
	saveDocument
} from '$lib/server/features/playbook/playbook.templates.service';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getTemplateDocument(event.locals.ctx, {
			unverifiedSlug: event.params.sjabloon,
			unverifiedDocumentKey: event.params.document
		})
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	save: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'kind', 'body']);
		const result = await backofficeAction(
			event,
			saveDocument(event.locals.ctx, {
				...values,
				unverifiedSlug: event.params.sjabloon,
				unverifiedDocumentKey: event.params.document
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			`/beheer/draaiboek/${event.params.sjabloon}/documenten/${event.params.document}?gelukt=bewaard`
		);
	},
	remove: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(
			event,
			removeDocument(event.locals.ctx, {
				...values,
				unverifiedSlug: event.params.sjabloon,
				unverifiedDocumentKey: event.params.document
			}),
			{ form: 'remove' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `/beheer/draaiboek/${event.params.sjabloon}?gelukt=documentVerwijderd#documenten`);
	}
};
