// How a feed (an iCalendar or Atom document) leaves the server: a strong validator of its bytes, so a reader that
// asks again with If-None-Match gets 304 when nothing changed, and the headers the caller chose.
import { createHash } from 'node:crypto';

/** A strong ETag of a document: 27 characters of its SHA-256 (about 160 bits). */
export function etagOf(body: string): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** The document, or 304 without it when the request already holds this version (If-None-Match). */
export function feedResponse(
	request: Request,
	feed: { body: string; etag: string },
	headers: Record<string, string>
): Response {
	const all = { ...headers, etag: feed.etag };
	const seen = request.headers.get('if-none-match');
	if (seen && seen.split(/\s*,\s*/).includes(feed.etag))
		return new Response(null, { status: 304, headers: all });
	return new Response(feed.body, { headers: all });
}
