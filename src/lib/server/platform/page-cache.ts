// Whole responses for visitors without a session, kept for a few seconds: most traffic is people reading,
// and a page is the same for all of them. Any write clears it, in every process (hooks.server.ts,
// invalidation.ts); so does the TTL. When a
// page has just expired, one request renders it again while the others still get the expired copy for at
// most `staleMs` more, so a popular page is never rendered by every waiting visitor at once.

export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: ArrayBuffer;
}

export interface PageCache {
	get(key: string): CachedPage | undefined;
	/**
	 * Stores a response if it may be shared, and returns a response to send (the body can be read once). With
	 * `since` (generation() when the request started), a page rendered across a clear() is sent but not kept:
	 * it may show what was there before the write that cleared the cache.
	 */
	store(key: string, response: Response, since?: number): Promise<Response>;
	clear(): void;
	/** Counts the clear()s so far. */
	generation(): number;
}

/**
 * Paths that are personal, stateful or not pages at all: never shared between visitors. (An unsubscribe
 * link's page names its person's kind of mail and carries its form: one person's, like the agenda.)
 */
const PRIVATE =
	/^\/(aanmelden|afmelden|afgemeld|profiel|agenda|uitschrijven|beheer|healthz|media)(\/|$)|^\/[^/]+\/beheer(\/|$)/;

/** Whether a request may be answered from, or stored in, the page cache. */
export function isShareableRequest(request: Request, url: URL, hasSessionCookie: boolean): boolean {
	if (request.method !== 'GET' || hasSessionCookie) return false;
	if (PRIVATE.test(url.pathname)) return false;
	// Browser-side navigation and ordinary page loads only; no conditional or ranged requests.
	return !request.headers.has('range') && !request.headers.has('authorization');
}

export function pageCacheKey(url: URL, locale: string): string {
	return `${locale} ${url.pathname}${url.search}`;
}

export function createPageCache(options: {
	ttlMs: number;
	maxEntries: number;
	maxBytes: number;
	/** How long an expired page may still be served while one request renders it again (default: none). */
	staleMs?: number;
}): PageCache {
	const entries = new Map<string, { expires: number; page: CachedPage; refreshing: boolean }>();
	const staleMs = options.staleMs ?? 0;
	let generation = 0;
	return {
		get(key) {
			const hit = entries.get(key);
			if (!hit) return undefined;
			const now = Date.now();
			if (now < hit.expires) return hit.page;
			if (now >= hit.expires + staleMs) {
				entries.delete(key);
				return undefined;
			}
			// Expired: the first to ask renders it again (undefined), the others get it as it was.
			if (hit.refreshing) return hit.page;
			hit.refreshing = true;
			return undefined;
		},
		async store(key, response, since) {
			const type = response.headers.get('content-type') ?? '';
			const shareable =
				response.status === 200 &&
				!response.headers.has('set-cookie') &&
				!/no-store|private/.test(response.headers.get('cache-control') ?? '') &&
				/^(text\/html|application\/json)/.test(type);
			if (!shareable || !response.body) return response;
			const body = await response.arrayBuffer();
			const headers = [...response.headers.entries()];
			if (body.byteLength <= options.maxBytes && (since === undefined || since === generation)) {
				if (entries.size >= options.maxEntries) entries.clear();
				entries.set(key, {
					expires: Date.now() + options.ttlMs,
					page: { status: response.status, headers, body },
					refreshing: false
				});
			}
			return new Response(body, { status: response.status, headers });
		},
		clear() {
			generation += 1;
			entries.clear();
		},
		generation: () => generation
	};
}

export function pageResponse(page: CachedPage): Response {
	return new Response(page.body, { status: page.status, headers: page.headers });
}
