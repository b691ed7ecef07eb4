// Fixed-window rate limits kept in the database, so every process and restart sees the same counts.
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { rateLimitHits } from '$lib/server/db/schema';
import type { MessageKey } from '$lib/i18n';
import { executeRows, jsonParam } from '$lib/server/db/rows';
import { AppError } from './errors';

export interface Limit {
	/** What is counted, e.g. `login-link:ip:1.2.3.4`. */
	key: string;
	limit: number;
	windowSeconds: number;
}

export interface RateLimitOutcome {
	allowed: boolean;
	retryAfterSeconds: number;
}

/**
 * Counts one hit for each limit given, in one statement, and says for each whether it is still within its
 * limit. The same key given several times counts several hits, in order: with a limit of 2 and three hits
 * of one key, the third is refused. A key is counted in one window (the first one given for it). Keys are
 * written in a fixed order, so concurrent callers never deadlock on each other's counters.
 */
export async function hitRateLimits(db: Db, limits: readonly Limit[]): Promise<RateLimitOutcome[]> {
	if (limits.length === 0) return [];
	const groups = new Map<string, { key: string; w: number; n: number }>();
	for (const limit of limits) {
		const group = groups.get(limit.key);
		if (group) group.n += 1;
		else groups.set(limit.key, { key: limit.key, w: limit.windowSeconds, n: 1 });
	}
	const records = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	const rows = await executeRows<{ key: string; hits: number; ends: number }>(
		db,
		sql`
		INSERT INTO ${rateLimitHits} (key, window_start, hits)
		SELECT d.key, to_timestamp(floor(extract(epoch from now()) / d.w) * d.w), d.n
		FROM jsonb_to_recordset(${jsonParam(records)}::jsonb) AS d(key text, w int, n int)
		ORDER BY d.key
		ON CONFLICT (key, window_start) DO UPDATE SET hits = ${rateLimitHits}.hits + excluded.hits
		RETURNING key, hits, (extract(epoch from window_start) - extract(epoch from now()))::float8 AS ends`
	);
	// Every key comes back (an upsert returns its row): the hits before this call are its total minus ours.
	const after = new Map(rows.map((row) => [row.key, row]));
	const seen = new Map<string, number>();
	return limits.map((limit) => {
		const group = groups.get(limit.key)!;
		const row = after.get(limit.key)!;
		const nth = (seen.get(limit.key) ?? 0) + 1;
		seen.set(limit.key, nth);
		return {
			allowed: row.hits - group.n + nth <= limit.limit,
			retryAfterSeconds: Math.max(1, Math.ceil(row.ends + group.w))
		};
	});
}

/**
 * Counts a hit against every limit and refuses with rate_limited when any is exceeded (with the feature's
 * own message when given, also beside `field` when the form shows it there; the API turns retryAfterSeconds
 * into a retry-after header).
 */
export async function enforceRateLimits(
	db: Db,
	limits: Limit[],
	message?: MessageKey,
	field?: string
): Promise<void> {
	const refused = (await hitRateLimits(db, limits)).find((outcome) => !outcome.allowed);
	if (refused) throw rateLimited(refused, message, field);
}

/** The refusal for a limit that was exceeded, with the feature's own message when given (beside `field`). */
export function rateLimited(outcome: RateLimitOutcome, message?: MessageKey, field?: string): AppError {
	return new AppError('rate_limited', {
		message,
		fields: message && field ? { [field]: [message] } : undefined,
		details: { retryAfterSeconds: outcome.retryAfterSeconds }
	});
}

export async function deleteOldRateLimitHits(db: Db): Promise<void> {
	await db.delete(rateLimitHits).where(sql`${rateLimitHits.windowStart} < now() - interval '2 days'`);
}
