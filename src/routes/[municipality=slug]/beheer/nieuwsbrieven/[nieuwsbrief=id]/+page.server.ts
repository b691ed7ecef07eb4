import { redirect } from '@sveltejs/kit';
import {
	getNewsletterPage,
	previewNewsletter,
	sendNewsletter,
	sendTestNewsletter,
	updateNewsletterDraft
} from '$lib/server/features/newsletters/newsletters.service';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { newsletterForm } from '../form-fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getNewsletterPage(event.locals.ctx, { unverifiedId: event.params.nieuwsbrief })
	),
	...flashOf(event.url)
});

const here = (event: { params: { municipality: string; nieuwsbrief: string } }, done: string) =>
	`/${event.params.municipality}/beheer/nieuwsbrieven/${event.params.nieuwsbrief}?gelukt=${done}`;

export const actions: Actions = {
	save: async (event) => {
		const { input, values } = newsletterForm(await event.request.formData());
		const result = await backofficeAction(
			event,
			updateNewsletterDraft(event.locals.ctx, { ...input, unverifiedId: event.params.nieuwsbrief }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'bewaard'));
	},
	preview: async (event) => {
		const { input, values } = newsletterForm(await event.request.formData());
		const result = await backofficeAction(event, previewNewsletter(event.locals.ctx, input), values);
		if (!result.ok) return result.failure;
		return { values, preview: result.value };
	},
	test: async (event) => {
		const result = await backofficeAction(
			event,
			sendTestNewsletter(event.locals.ctx, {
				unverifiedId: event.params.nieuwsbrief,
				origin: event.url.origin
			}),
			{ form: 'test' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'test'));
	},
	send: async (event) => {
		const fields = textFields(await event.request.formData(), ['when', 'at']);
		const result = await backofficeAction(
			event,
			sendNewsletter(event.locals.ctx, {
				...fields,
				unverifiedId: event.params.nieuwsbrief,
				origin: event.url.origin
			}),
			{ form: 'send', ...fields }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, result.value.now ? 'verstuurd' : 'ingepland'));
	}
};
