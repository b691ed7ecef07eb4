// How a calendar feed leaves the server: text/calendar in UTF-8, a validator so a calendar app that asks again
// gets 304 when nothing changed, and who may keep a copy.
import { calendarContentType } from '$lib/server/platform/ical';
import { feedResponse } from '$lib/server/platform/feed-response';
import type { CalendarFeed } from './events.calendar';

export function calendarResponse(
	request: Request,
	feed: CalendarFeed,
	options: { cacheControl: string; filename: string; noindex?: boolean }
): Response {
	return feedResponse(request, feed, {
		'content-type': calendarContentType(),
		'content-disposition': `inline; filename="${options.filename}"`,
		'cache-control': options.cacheControl,
		...(options.noindex ? { 'x-robots-tag': 'noindex' } : {})
	});
}
