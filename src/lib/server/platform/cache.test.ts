import { afterEach, describe, expect, it, vi } from 'vitest';
import { READ_CACHE_TTL_MS, createCache } from './cache';

describe('read cache', () => {
	it('loads once per key until it expires or is cleared', async () => {
		const cache = createCache({ ttlMs: 60_000, maxEntries: 10 });
		let loads = 0;
		const load = async () => ++loads;
		expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
		expect(await cache.get('b', load)).toBe(2);
		cache.clear();
		expect(await cache.get('a', load)).toBe(3);
	});

	it('does not keep a failed load', async () => {
		const cache = createCache({ ttlMs: 60_000, maxEntries: 10 });
		await expect(cache.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
		expect(await cache.get('x', async () => 'up')).toBe('up');
	});

	it('does not keep a value loaded before a clear that happened while it loaded', async () => {
		const cache = createCache({ ttlMs: 60_000, maxEntries: 10 });
		let release: (v: string) => void = () => {};
		const slow = cache.get('k', () => new Promise<string>((r) => (release = r)));
		cache.clear();
		release('old');
		expect(await slow).toBe('old');
		await Promise.resolve();
		expect(await cache.get('k', async () => 'new')).toBe('new');
	});

	it('expires entries after the TTL', async () => {
		const cache = createCache({ ttlMs: 1, maxEntries: 10 });
		let loads = 0;
		await cache.get('a', async () => ++loads);
		await new Promise((r) => setTimeout(r, 5));
		expect(await cache.get('a', async () => ++loads)).toBe(2);
	});

	describe('as the running server keeps it', () => {
		afterEach(() => {
			vi.useRealTimers();
		});

		it('serves a read for at most 10 seconds (the README promise)', async () => {
			expect(READ_CACHE_TTL_MS).toBe(10_000);
			vi.useFakeTimers({ toFake: ['Date'] });
			vi.setSystemTime(new Date('2026-12-05T12:00:00Z'));
			const cache = createCache({ ttlMs: READ_CACHE_TTL_MS, maxEntries: 10 });
			let loads = 0;
			const load = async () => ++loads;
			expect(await cache.get('ranking', load)).toBe(1);
			vi.setSystemTime(new Date('2026-12-05T12:00:09.999Z'));
			expect(await cache.get('ranking', load)).toBe(1);
			vi.setSystemTime(new Date('2026-12-05T12:00:10.001Z'));
			expect(await cache.get('ranking', load)).toBe(2);
		});
	});
});
