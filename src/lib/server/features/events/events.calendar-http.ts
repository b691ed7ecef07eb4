// How a calendar feed leaves the server: text/calendar in UTF-8, a validator so a calendar app that asks again
// gets 304 when nothing changed, and who may keep a copy.
import { calendarContentType } from '$lib/server/platform/ical';
import type { CalendarFeed } from './events.calendar';

export function calendarResponse(
	request: Request,
	feed: CalendarFeed,
	options: { cacheControl: string; filename: string; noindex?: boolean }
): Response {
	const headers: Record<string, string> = {
		'content-type': calendarContentType(),
		'content-disposition': `inline; filename="${options.filename}"`,
		'cache-control': options.cacheControl,
		etag: feed.etag
	};
	if (options.noindex) headers['x-robots-tag'] = 'noindex';
	const seen = request.headers.get('if-none-match');
	if (seen && seen.split(/\s*,\s*/).includes(feed.etag)) return new Response(null, { status: 304, headers });
	return new Response(feed.body, { headers });
}
