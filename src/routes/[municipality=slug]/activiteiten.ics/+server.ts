import { municipalityCalendar } from '$lib/server/features/events/events.calendar';
import { calendarResponse } from '$lib/server/features/events/events.calendar-http';
import { tenantContext } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** The municipality's events as a calendar to subscribe to: public, so shared caches may keep it 15 minutes. */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantContext(event);
	const feed = await municipalityCalendar(ctx, {
		origin: event.url.origin,
		municipalityName: event.locals.municipality!.municipality.name
	});
	return calendarResponse(event.request, feed, {
		cacheControl: 'public, max-age=900',
		filename: `activiteiten-${ctx.tenant.slug}.ics`
	});
};
