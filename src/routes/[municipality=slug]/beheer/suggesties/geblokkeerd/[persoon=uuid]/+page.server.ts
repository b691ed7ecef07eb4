import { redirect } from '@sveltejs/kit';
import { getBlockedPerson, unblockPerson } from '$lib/server/features/suggestions/suggestions.blocks.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import { withFlash } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = async (event) => ({
	person: await backofficeLoad(
		event,
		getBlockedPerson(event.locals.ctx, { unverifiedUserId: event.params.persoon })
	)
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(
			event,
			unblockPerson(event.locals.ctx, { ...values, unverifiedUserId: event.params.persoon }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(`/${event.params.municipality}/beheer/suggesties/geblokkeerd`, 'gedeblokkeerd'));
	}
};
