import { redirect } from '@sveltejs/kit';
import { NOTIFICATION_KINDS } from '$lib/domain/notifications';
import {
	getMyMailPreferences,
	saveMyMailPreferences
} from '$lib/server/features/notifications/notifications.service';
import { orErrorPage, orFail, redirectToLogin } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

const PATH = '/profiel/meldingen';

export const load: PageServerLoad = async (event) => {
	if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: PATH });
	return {
		mine: await orErrorPage(getMyMailPreferences(event.locals.ctx), event),
		saved: flashOf(event.url).done === 'bewaard'
	};
};

export const actions: Actions = {
	save: async (event) => {
		if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: PATH });
		const form = await event.request.formData();
		// A kind the page did not offer (what one follows as a colleague, to citizens) is left out, unchanged.
		const values = textFields(
			form,
			NOTIFICATION_KINDS.filter((kind) => kind !== 'colleague' || form.has(kind))
		);
		const result = await orFail(saveMyMailPreferences(event.locals.ctx, values), event, values);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PATH, 'bewaard'));
	}
};
