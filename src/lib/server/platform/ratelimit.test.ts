// Rate limits: counted in the database, several at once in one statement, in order within one call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { enforceRateLimits, hitRateLimits } from './ratelimit';
import { isAppError } from './errors';

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database?.destroy();
});

const key = () => `test:${randomUUID()}`;

describe('hitRateLimits', () => {
	it('counts the same key given several times in order, and goes on counting across calls', async () => {
		const k = key();
		const limit = { key: k, limit: 2, windowSeconds: 60 };
		const first = await hitRateLimits(database.db, [limit, limit, limit]);
		expect(first.map((o) => o.allowed)).toEqual([true, true, false]);
		const [next] = await hitRateLimits(database.db, [limit]);
		expect(next?.allowed).toBe(false);
		expect(next?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
		expect(next?.retryAfterSeconds).toBeLessThanOrEqual(60);
	});

	it('keeps different keys apart and answers each limit in the order given', async () => {
		const a = key();
		const b = key();
		const outcomes = await hitRateLimits(database.db, [
			{ key: b, limit: 1, windowSeconds: 60 },
			{ key: a, limit: 5, windowSeconds: 3600 },
			{ key: b, limit: 1, windowSeconds: 60 }
		]);
		expect(outcomes.map((o) => o.allowed)).toEqual([true, true, false]);
		expect(await hitRateLimits(database.db, [])).toEqual([]);
	});

	it('counts concurrent callers exactly', async () => {
		const limit = { key: key(), limit: 10, windowSeconds: 60 };
		const all = await Promise.all(Array.from({ length: 15 }, () => hitRateLimits(database.db, [limit])));
		expect(all.filter(([o]) => o?.allowed)).toHaveLength(10);
	});
});

describe('enforceRateLimits', () => {
	it('refuses with rate_limited, the message given and when to try again', async () => {
		const limits = [
			{ key: key(), limit: 100, windowSeconds: 60 },
			{ key: key(), limit: 1, windowSeconds: 600 }
		];
		await enforceRateLimits(database.db, limits);
		const error = await enforceRateLimits(
			database.db,
			limits,
			'suggestionsContribute.errors.rateLimited'
		).then(
			() => null,
			(e: unknown) => e
		);
		expect(isAppError(error) && error.code).toBe('rate_limited');
		if (!isAppError(error)) throw new Error('expected a refusal');
		expect(error.messageKey).toBe('suggestionsContribute.errors.rateLimited');
		expect(error.options.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
		expect(error.options.fields).toBeUndefined();
	});

	it('puts the message beside the form field it is about, when one is named', async () => {
		const limits = [{ key: key(), limit: 1, windowSeconds: 600 }];
		await enforceRateLimits(database.db, limits, 'auth.rateLimited', 'email');
		const error = await enforceRateLimits(database.db, limits, 'auth.rateLimited', 'email').then(
			() => null,
			(e: unknown) => e
		);
		if (!isAppError(error)) throw new Error('expected a refusal');
		expect(error.code).toBe('rate_limited');
		expect(error.options.fields).toEqual({ email: ['auth.rateLimited'] });
	});
});
