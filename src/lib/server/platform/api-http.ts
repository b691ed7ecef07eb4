// How a read of the public API leaves the server: JSON with a validator (ETag of its bytes, Last-Modified
// where the item knows when it changed) and 304 for a request that already holds it; CORS for reads from any
// origin; and the per-address read limit (larger for the platform's own pages) with its RateLimit headers. Writes get none of the CORS headers.
import { etagOf } from './feed-response';

/** Request headers a page on another site may send with a read (the preflight allows exactly these). */
export const API_CORS_REQUEST_HEADERS = [
	'accept',
	'accept-language',
	'if-none-match',
	'if-modified-since',
	'x-request-id'
];

/** Response headers a script on another site may read besides the simple ones. */
export const API_CORS_EXPOSED_HEADERS = [
	'etag',
	'last-modified',
	'ratelimit-limit',
	'ratelimit-remaining',
	'ratelimit-reset',
	'ratelimit-policy',
	'retry-after',
	'location',
	'x-request-id'
];

export const API_READ_WINDOW_SECONDS = 60;

/** Whether a path belongs to the API (the only place these CORS and limit rules apply). */
export function isApiPath(pathname: string): boolean {
	return pathname === '/api' || pathname.startsWith('/api/');
}

/** HTTP dates have whole seconds: a change time rounded down, as Last-Modified and If-Modified-Since compare. */
function toSeconds(time: Date): number {
	return Math.floor(time.getTime() / 1000);
}

/**
 * Whether the request already holds this version (RFC 9110 13.1): If-None-Match decides when present (any of
 * its tags, or `*`, weak comparison); only without it does If-Modified-Since count, against Last-Modified.
 */
export function isNotModified(
	request: Request,
	validators: { etag: string | null; lastModified: Date | null }
): boolean {
	if (request.method !== 'GET' && request.method !== 'HEAD') return false;
	const ifNoneMatch = request.headers.get('if-none-match');
	if (ifNoneMatch !== null) {
		if (!validators.etag) return false;
		const own = validators.etag.replace(/^W\//, '');
		return ifNoneMatch
			.split(',')
			.map((tag) => tag.trim())
			.some((tag) => tag === '*' || tag.replace(/^W\//, '') === own);
	}
	const ifModifiedSince = request.headers.get('if-modified-since');
	if (ifModifiedSince !== null && validators.lastModified) {
		const since = Date.parse(ifModifiedSince);
		if (Number.isNaN(since)) return false;
		return toSeconds(validators.lastModified) <= Math.floor(since / 1000);
	}
	return false;
}

/** The headers a 304 repeats from the 200 it stands for. */
const KEPT_ON_304 = ['etag', 'last-modified', 'cache-control', 'vary', 'content-location', 'expires'];

/** 304 without a body for a response the request already holds; the response itself otherwise. */
export function conditionalResponse(request: Request, response: Response): Response {
	if (response.status !== 200) return response;
	const lastModified = response.headers.get('last-modified');
	const validators = {
		etag: response.headers.get('etag'),
		lastModified: lastModified ? new Date(lastModified) : null
	};
	if (!isNotModified(request, validators)) return response;
	const headers = new Headers();
	for (const name of KEPT_ON_304) {
		const value = response.headers.get(name);
		if (value !== null) headers.set(name, value);
	}
	return new Response(null, { status: 304, headers });
}

/**
 * A read's JSON: a strong ETag of its bytes and, when given, Last-Modified (the item's own change time); 304
 * when the request holds this version already.
 */
export function apiJson(
	request: Request,
	body: unknown,
	options: { cacheControl: string; lastModified?: Date | null; contentType?: string }
): Response {
	const text = JSON.stringify(body);
	const headers = new Headers({
		'content-type': options.contentType ?? 'application/json',
		'cache-control': options.cacheControl,
		etag: etagOf(text)
	});
	if (options.lastModified) headers.set('last-modified', options.lastModified.toUTCString());
	return conditionalResponse(request, new Response(text, { headers }));
}

/** The answer to a preflight for anything under /api: reads from any origin, no credentials, no writes. */
export function apiPreflight(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			'access-control-allow-origin': '*',
			'access-control-allow-methods': 'GET, HEAD, OPTIONS',
			'access-control-allow-headers': API_CORS_REQUEST_HEADERS.join(', '),
			'access-control-max-age': '86400',
			allow: 'GET, HEAD, OPTIONS',
			'cache-control': 'public, max-age=86400'
		}
	});
}

/** CORS on a read's answer (whatever its status): any origin may read it, without cookies. */
export function withReadCors(headers: Headers): void {
	headers.set('access-control-allow-origin', '*');
	headers.set('access-control-expose-headers', API_CORS_EXPOSED_HEADERS.join(', '));
}

export interface ReadLimitOutcome {
	allowed: boolean;
	limit: number;
	remaining: number;
	/** Seconds until the window ends and the count starts again. */
	resetSeconds: number;
}

export interface ReadLimiter {
	/** Counts one read of `key` (the client's address) and says whether it is within the limit. */
	hit(key: string, now?: number): ReadLimitOutcome;
	readonly limit: number;
}

/**
 * Reads of the API per client address in fixed windows of a minute, counted in this process's memory (a
 * database write on every read would cost more than the read; with several processes each counts its own).
 * Only the current window's counts are kept, so the map never holds more than a minute's addresses.
 */
export function createReadLimiter(limit: number, windowSeconds = API_READ_WINDOW_SECONDS): ReadLimiter {
	let windowStart = 0;
	let counts = new Map<string, number>();
	return {
		limit,
		hit(key, now = Date.now()) {
			const start = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
			if (start !== windowStart) {
				windowStart = start;
				counts = new Map();
			}
			const used = (counts.get(key) ?? 0) + 1;
			counts.set(key, used);
			return {
				allowed: used <= limit,
				limit,
				remaining: Math.max(0, limit - used),
				resetSeconds: Math.max(1, Math.ceil(start + windowSeconds - now / 1000))
			};
		}
	};
}

/**
 * How many times the external read limit the platform's own pages get: the opportunity page's map asks the API for
 * its clusters on every pan and zoom, and a citizen browsing it must never be throttled like an integrator.
 */
export const API_OWN_PAGES_READ_FACTOR = 10;

/**
 * A read the browser says comes from a page of the platform itself (`Sec-Fetch-Site: same-origin`). Counted by a
 * limiter of its own with API_OWN_PAGES_READ_FACTOR times the reads. A client outside a browser can send the
 * header too: it then gets that larger allowance, still a limit, never none.
 */
export function isOwnPageRead(request: Request): boolean {
	return request.headers.get('sec-fetch-site') === 'same-origin';
}

/** The RateLimit headers (draft-ietf-httpapi-ratelimit-headers) of a read, and Retry-After when refused. */
export function setReadLimitHeaders(headers: Headers, outcome: ReadLimitOutcome): void {
	headers.set('ratelimit-limit', String(outcome.limit));
	headers.set('ratelimit-remaining', String(outcome.remaining));
	headers.set('ratelimit-reset', String(outcome.resetSeconds));
	headers.set('ratelimit-policy', `${outcome.limit};w=${API_READ_WINDOW_SECONDS}`);
	if (!outcome.allowed) headers.set('retry-after', String(outcome.resetSeconds));
}
