import { describe, expect, it, vi } from 'vitest';
import { createPageCache, isShareableRequest, pageCacheKey, pageResponse } from './page-cache';

const get = (path: string, headers: Record<string, string> = {}) =>
	new Request(`http://x.test${path}`, { headers });

describe('page cache', () => {
	it('shares only plain GETs of public pages by visitors without a session', () => {
		const url = (p: string) => new URL(`http://x.test${p}`);
		expect(isShareableRequest(get('/geel'), url('/geel'), false)).toBe(true);
		expect(isShareableRequest(get('/geel'), url('/geel'), true)).toBe(false);
		expect(
			isShareableRequest(new Request('http://x.test/geel', { method: 'POST' }), url('/geel'), false)
		).toBe(false);
		for (const path of [
			'/profiel',
			'/aanmelden',
			'/aanmelden/terug',
			'/beheer',
			'/geel/beheer/medewerkers',
			'/healthz',
			'/media/x'
		]) {
			expect(isShareableRequest(get(path), url(path), false), path).toBe(false);
		}
	});

	it('never shares an unsubscribe page: whose link it is and what it turns off is one person’s', () => {
		const path = `/uitschrijven/${'0'.repeat(32)}1${'A'.repeat(22)}`;
		expect(isShareableRequest(get(path), new URL(`http://x.test${path}`), false)).toBe(false);
		expect(isShareableRequest(get('/uitschrijven'), new URL('http://x.test/uitschrijven'), false)).toBe(
			false
		);
		// A municipality whose slug merely starts alike is still shared.
		expect(isShareableRequest(get('/uitschrijvenx'), new URL('http://x.test/uitschrijvenx'), false)).toBe(
			true
		);
	});

	it('keeps a 200 page and serves the same bytes and headers', async () => {
		const cache = createPageCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 1_000_000 });
		const key = pageCacheKey(new URL('http://x.test/geel?x=1'), 'nl');
		const sent = await cache.store(
			key,
			new Response('<h1>Geel</h1>', {
				headers: { 'content-type': 'text/html', 'content-security-policy': "script-src 'self'" }
			})
		);
		expect(await sent.text()).toBe('<h1>Geel</h1>');
		const page = cache.get(key)!;
		const again = pageResponse(page);
		expect(await again.text()).toBe('<h1>Geel</h1>');
		expect(again.headers.get('content-security-policy')).toBe("script-src 'self'");
	});

	it('never keeps errors, responses that set cookies, private responses or other content types', async () => {
		const cache = createPageCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 1_000_000 });
		const html = { 'content-type': 'text/html' };
		await cache.store('a', new Response('x', { status: 404, headers: html }));
		await cache.store('b', new Response('x', { headers: { ...html, 'set-cookie': 's=1' } }));
		await cache.store('c', new Response('x', { headers: { ...html, 'cache-control': 'private' } }));
		await cache.store('d', new Response('x', { headers: { 'content-type': 'image/png' } }));
		for (const key of ['a', 'b', 'c', 'd']) expect(cache.get(key)).toBeUndefined();
	});

	it('forgets everything on clear and after the TTL', async () => {
		const cache = createPageCache({ ttlMs: 1, maxEntries: 10, maxBytes: 1_000_000 });
		await cache.store('a', new Response('x', { headers: { 'content-type': 'text/html' } }));
		await new Promise((r) => setTimeout(r, 5));
		expect(cache.get('a')).toBeUndefined();
		const lasting = createPageCache({ ttlMs: 60_000, maxEntries: 10, maxBytes: 1_000_000 });
		await lasting.store('a', new Response('x', { headers: { 'content-type': 'text/html' } }));
		lasting.clear();
		expect(lasting.get('a')).toBeUndefined();
	});

	it('lets one request render an expired page while the others get it as it was, then forgets it', async () => {
		// The page's clock is set, not slept on: a sleep of 30 ms that a loaded machine stretches past the stale
		// window (80 ms) would find the old copy gone for everyone.
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			vi.setSystemTime(new Date('2026-12-05T12:00:00.000Z'));
			const cache = createPageCache({ ttlMs: 20, staleMs: 60, maxEntries: 10, maxBytes: 1_000_000 });
			const html = { 'content-type': 'text/html' };
			await cache.store('a', new Response('old', { headers: html }));
			vi.setSystemTime(new Date('2026-12-05T12:00:00.030Z'));
			expect(cache.get('a')).toBeUndefined(); // this one renders
			expect(new TextDecoder().decode(cache.get('a')!.body)).toBe('old'); // the others wait for nothing
			await cache.store('a', new Response('new', { headers: html }));
			expect(new TextDecoder().decode(cache.get('a')!.body)).toBe('new');
			// A write still clears at once: nothing stale is served after it.
			cache.clear();
			expect(cache.get('a')).toBeUndefined();
			// Past the stale window the old copy is gone for everyone.
			await cache.store('b', new Response('b', { headers: html }));
			vi.setSystemTime(new Date('2026-12-05T12:00:00.200Z'));
			expect(cache.get('b')).toBeUndefined();
			expect(cache.get('b')).toBeUndefined();
		} finally {
			vi.useRealTimers();
		}
	});
});
