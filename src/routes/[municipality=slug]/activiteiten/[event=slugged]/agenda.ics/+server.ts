import { eventCalendarFile } from '$lib/server/features/events/events.calendar';
import { calendarContentType } from '$lib/server/platform/ical';
import { AppError, apiRoute, tenantContext } from '$lib/server/platform/http';
import { parseSluggedId } from '$lib/domain/ids';

// "Zet in mijn agenda": the event as an .ics file a calendar app opens (a download, not a subscription).
export const GET = apiRoute(async (event) => {
	const parsed = parseSluggedId(event.params.event);
	if (!parsed || !event.locals.municipality) throw new AppError('not_found');
	const file = await eventCalendarFile(tenantContext(event), { id: parsed.id, origin: event.url.origin });
	return new Response(file.body, {
		headers: {
			'content-type': calendarContentType('PUBLISH'),
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'public, max-age=60'
		}
	});
});
