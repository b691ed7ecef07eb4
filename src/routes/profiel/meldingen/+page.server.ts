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
		const values = textFields(await event.request.formData(), [...NOTIFICATION_KINDS]);
		const result = await orFail(saveMyMailPreferences(event.locals.ctx, values), event, values);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PATH, 'bewaard'));
	}
};
