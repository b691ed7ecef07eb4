// Fixed-window rate limits kept in the database, so every process and restart sees the same counts.
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { rateLimitHits } from '$lib/server/db/schema';
import type { MessageKey } from '$lib/i18n';
import { AppError } from './errors';

export interface Limit {
	/** What is counted, e.g. `login-link:ip:1.2.3.4`. */
	key: string;
	limit: number;
	windowSeconds: number;
}

export async function hitRateLimit(
	db: Db,
	limit: Limit
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
	const window = limit.windowSeconds;
	const [row] = await db
		.insert(rateLimitHits)
		.values({
			key: limit.key,
			windowStart: sql`to_timestamp(floor(extract(epoch from now()) / ${window}) * ${window})`,
			hits: 1
		})
		.onConflictDoUpdate({
			target: [rateLimitHits.key, rateLimitHits.windowStart],
			set: { hits: sql`${rateLimitHits.hits} + 1` }
		})
		.returning({
			hits: rateLimitHits.hits,
			retryAfter: sql<number>`ceil(extract(epoch from ${rateLimitHits.windowStart}) + ${window} - extract(epoch from now()))::int`
		});
	const hits = row?.hits ?? 1;
	return { allowed: hits <= limit.limit, retryAfterSeconds: Math.max(1, Number(row?.retryAfter ?? window)) };
}

/**
 * Counts a hit against every limit and refuses with rate_limited when any is exceeded (with the feature's
 * own message when given; the API turns retryAfterSeconds into a retry-after header).
 */
export async function enforceRateLimits(db: Db, limits: Limit[], message?: MessageKey): Promise<void> {
	for (const limit of limits) {
		const result = await hitRateLimit(db, limit);
		if (!result.allowed)
			throw new AppError('rate_limited', {
				message,
				details: { retryAfterSeconds: result.retryAfterSeconds }
			});
	}
}

export async function deleteOldRateLimitHits(db: Db): Promise<void> {
	await db.delete(rateLimitHits).where(sql`${rateLimitHits.windowStart} < now() - interval '2 days'`);
}
