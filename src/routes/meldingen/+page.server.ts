import { redirect } from '@sveltejs/kit';
import {
	listMyNotifications,
	markAllMyNotificationsRead
} from '$lib/server/features/notifications/notifications.inbox.service';
import { orErrorPage, redirectToLogin } from '$lib/server/platform/http';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

const PATH = '/meldingen';

export const load: PageServerLoad = async (event) => {
	if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: PATH });
	const page = await orErrorPage(
		listMyNotifications(event.locals.ctx, { unverifiedBefore: event.url.searchParams.get('voor') }),
		event
	);
	return { page, allRead: flashOf(event.url).done === 'gelezen' };
};

export const actions: Actions = {
	// "Alles gelezen": every notification of the person, also those on later pages.
	readAll: async (event) => {
		if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: PATH });
		await markAllMyNotificationsRead(event.locals.ctx);
		redirect(303, withFlash(PATH, 'gelezen'));
	}
};
