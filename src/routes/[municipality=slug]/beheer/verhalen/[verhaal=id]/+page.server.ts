import { redirect } from '@sveltejs/kit';
import {
	editStory,
	getStoryForBackoffice,
	publishStory,
	rejectStory
} from '$lib/server/features/stories/stories.admin.service';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getStoryForBackoffice(event.locals.ctx, { unverifiedId: event.params.verhaal })
	),
	...flashOf(event.url)
});

const here = (event: { params: { municipality: string; verhaal: string } }, done: string) =>
	`/${event.params.municipality}/beheer/verhalen/${event.params.verhaal}?gelukt=${done}`;

export const actions: Actions = {
	save: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'body', 'initiative', 'photoAlt']);
		const result = await backofficeAction(
			event,
			editStory(event.locals.ctx, { ...values, unverifiedId: event.params.verhaal }),
			{ ...values, form: 'save' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, result.value.changed ? 'bewaard' : 'niets'));
	},
	publish: async (event) => {
		const values = textFields(await event.request.formData(), ['placement', 'action']);
		const result = await backofficeAction(
			event,
			publishStory(event.locals.ctx, { ...values, unverifiedId: event.params.verhaal }),
			{ ...values, form: 'publish' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, result.value.placement === 'action' ? 'nieuws' : 'gepubliceerd'));
	},
	reject: async (event) => {
		const values = textFields(await event.request.formData(), ['reason']);
		const result = await backofficeAction(
			event,
			rejectStory(event.locals.ctx, { ...values, unverifiedId: event.params.verhaal }),
			{ ...values, form: 'reject' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, result.value.changed ? 'afgewezen' : 'niets'));
	}
};
