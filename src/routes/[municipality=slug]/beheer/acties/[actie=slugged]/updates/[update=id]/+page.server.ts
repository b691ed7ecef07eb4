import { redirect } from '@sveltejs/kit';
import { changeUpdate, getUpdateForBackoffice } from '$lib/server/features/actions/actions.updates.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = async (event) => ({
	item: await backofficeLoad(
		event,
		getUpdateForBackoffice(event.locals.ctx, {
			unverifiedActionId: event.params.actie,
			unverifiedUpdateId: event.params.update
		})
	)
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'body']);
		const result = await backofficeAction(
			event,
			changeUpdate(event.locals.ctx, {
				...values,
				unverifiedActionId: event.params.actie,
				unverifiedUpdateId: event.params.update
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			`/${event.params.municipality}/beheer/acties/${event.params.actie}?gelukt=updateBewaard#updates`
		);
	}
};
