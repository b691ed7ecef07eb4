import { redirect } from '@sveltejs/kit';
import { createEvent, getNewEventForm } from '$lib/server/features/events/events.admin.service';
import { eventForm } from '../form-fields';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';

// `?kopie=12` fills the form with event 12's values: duplicating saves nothing until the form is sent.
export const load: PageServerLoad = async (event) => ({
	form: await backofficeLoad(
		event,
		getNewEventForm(event.locals.ctx, {
			unverifiedDuplicateOf: event.url.searchParams.get('kopie') ?? undefined
		})
	)
});

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const { input, values } = eventForm(data);
		const duplicateOf = data.get('duplicateOf');
		const result = await backofficeAction(
			event,
			createEvent(event.locals.ctx, {
				...input,
				unverifiedDuplicateOf: typeof duplicateOf === 'string' ? duplicateOf : undefined
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/activiteiten/${result.value.id}?gelukt=aangemaakt`);
	}
};
