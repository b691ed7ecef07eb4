import { redirect } from '@sveltejs/kit';
import {
	checkInRegistrations,
	listRegistrationsForBackoffice
} from '$lib/server/features/events/events.admin.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction } from '$lib/server/platform/http';
import { listParams } from '$lib/server/platform/backoffice-pages';
import { backofficeLoad } from '$lib/server/platform/http';
import { listField } from '$lib/server/platform/forms';
import { CHECK_IN_MAX } from '$lib/server/features/events/events.admin.schemas';

export const load: PageServerLoad = async (event) => {
	const list = listParams(event.url, { q: 'zoek', status: 'status' });
	return {
		registrations: await backofficeLoad(
			event,
			listRegistrationsForBackoffice(event.locals.ctx, {
				...list.filters,
				unverifiedEventId: event.params.activiteit
			})
		),
		...list.view
	};
};

export const actions: Actions = {
	// The check-in form: one checkbox per row, sent together; comes back to the same filters.
	checkIn: async (event) => {
		const form = await event.request.formData();
		const shown = listField(form, 'shown', CHECK_IN_MAX);
		const present = listField(form, 'present', CHECK_IN_MAX);
		const result = await backofficeAction(
			event,
			checkInRegistrations(event.locals.ctx, {
				shown,
				present,
				unverifiedEventId: event.params.activiteit
			}),
			{ present }
		);
		if (!result.ok) return result.failure;
		const back = new URLSearchParams(event.url.search);
		back.delete('/checkIn');
		back.set('gelukt', 'aanwezig');
		redirect(303, `${event.url.pathname}?${back}`);
	}
};
