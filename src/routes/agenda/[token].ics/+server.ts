import { personalCalendar } from '$lib/server/features/events/events.calendar';
import { calendarResponse } from '$lib/server/features/events/events.calendar-http';
import { orErrorPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/**
 * A person's own events behind their secret link (shown on the profile): no login, the token is the key.
 * Personal data, so only the calendar app's own cache may keep it, and search engines are told to stay out.
 */
export const GET: RequestHandler = async (event) => {
	const feed = await orErrorPage(
		personalCalendar(event.locals.ctx, { unverifiedToken: event.params.token, origin: event.url.origin }),
		event
	);
	return calendarResponse(event.request, feed, {
		cacheControl: 'private, max-age=300',
		filename: 'mijn-activiteiten.ics',
		noindex: true
	});
};
