import { redirect } from '@sveltejs/kit';
import { changeEvent, getEventForBackoffice } from '$lib/server/features/events/events.admin.service';
import { eventForm } from '../form-fields';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getEventForBackoffice(event.locals.ctx, { unverifiedEventId: event.params.activiteit })
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	default: async (event) => {
		const { input, values } = eventForm(await event.request.formData());
		const result = await backofficeAction(
			event,
			changeEvent(event.locals.ctx, {
				...input,
				unverifiedEventId: event.params.activiteit,
				origin: event.url.origin
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=${result.value.changed ? 'bewaard' : 'ongewijzigd'}`);
	}
};
