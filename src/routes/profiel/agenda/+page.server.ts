import { redirect } from '@sveltejs/kit';
import { personalCalendarPath, renewPersonalCalendar } from '$lib/server/features/events/events.calendar';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { orErrorPage, redirectToLogin } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

const CALENDAR_PATH = '/profiel/agenda';

export const load: PageServerLoad = async (event) => {
	if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: CALENDAR_PATH });
	const path = await orErrorPage(personalCalendarPath(event.locals.ctx), event);
	return {
		// The secret address of the person's own calendar feed (https; calendar apps also take webcal:).
		calendarUrl: new URL(path, event.url.origin).href,
		renewed: flashOf(event.url).done === 'vernieuwd'
	};
};

export const actions: Actions = {
	renew: async (event) => {
		if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: CALENDAR_PATH });
		await renewPersonalCalendar(event.locals.ctx);
		redirect(303, withFlash(CALENDAR_PATH, 'vernieuwd'));
	}
};
