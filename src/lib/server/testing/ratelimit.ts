// Driving the windows of rate limits in tests, instead of waiting for them to pass.
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { rateLimitHits } from '$lib/server/db/schema';

/**
 * Moves the counted windows of every key that starts with `prefix` back by `windowSeconds`, as if that much
 * time had passed: the next hit of such a key falls in a window of its own, as it would an hour later.
 */
export async function passRateLimitWindow(db: Db, prefix: string, windowSeconds: number): Promise<void> {
	await db
		.update(rateLimitHits)
		.set({ windowStart: sql`${rateLimitHits.windowStart} - make_interval(secs => ${windowSeconds})` })
		.where(sql`starts_with(${rateLimitHits.key}, ${prefix})`);
}
