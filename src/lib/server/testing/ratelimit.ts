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

/**
 * Gathers every counted window of the keys that start with `prefix` into the current window of
 * `windowSeconds`, as if all their hits had come in it: a test that fills a fixed window no longer depends on
 * the clock not crossing a window's end while it runs.
 */
export async function gatherRateLimitHits(db: Db, prefix: string, windowSeconds: number): Promise<void> {
	await db.transaction(async (tx) => {
		const current = sql`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
		const rows = await tx
			.delete(rateLimitHits)
			.where(sql`starts_with(${rateLimitHits.key}, ${prefix})`)
			.returning({ key: rateLimitHits.key, hits: rateLimitHits.hits });
		const totals = new Map<string, number>();
		for (const row of rows) totals.set(row.key, (totals.get(row.key) ?? 0) + row.hits);
		for (const [key, hits] of totals)
			await tx.insert(rateLimitHits).values({ key, windowStart: current, hits });
	});
}
