// A small read-through cache for public data that changes rarely (municipalities, themes, the region).
// Every successful write through the site clears it (hooks.server.ts), in every process on the same PostgreSQL
// database (invalidation.ts); the TTL bounds what a write behind the site's back (a job, psql) leaves.

/** How long a running server keeps a shared read (the README promises 10 seconds at most). */
export const READ_CACHE_TTL_MS = 10_000;

export interface Cache {
	get<T>(key: string, load: () => Promise<T>): Promise<T>;
	clear(): void;
}

export function createCache(options: { ttlMs: number; maxEntries: number }): Cache {
	const entries = new Map<string, { expires: number; value: Promise<unknown> }>();
	let generation = 0;
	return {
		get<T>(key: string, load: () => Promise<T>): Promise<T> {
			const now = Date.now();
			const hit = entries.get(key);
			if (hit && hit.expires > now) return hit.value as Promise<T>;
			if (entries.size >= options.maxEntries) entries.clear();
			const started = generation;
			// One load per key at a time; a failed load is not kept, and a load that a clear() overtook is not kept either.
			const value = load().catch((err) => {
				if (entries.get(key)?.value === value) entries.delete(key);
				throw err;
			});
			entries.set(key, { expires: now + options.ttlMs, value });
			value.then(
				() => {
					if (generation !== started && entries.get(key)?.value === value) entries.delete(key);
				},
				() => {}
			);
			return value;
		},
		clear() {
			generation += 1;
			entries.clear();
		}
	};
}

/** Uses the context's cache when there is one (a running server); tests without one read straight through. */
export function cached<T>(cache: Cache | undefined, key: string, load: () => Promise<T>): Promise<T> {
	return cache ? cache.get(key, load) : load();
}
