import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { apiRoute } from './http';
import { AppError } from './errors';
import { silentLog } from '$lib/server/testing/context';

function event(): RequestEvent {
	return {
		url: new URL('http://localhost/api/v1/suggestions/1/vote'),
		locals: { locale: 'nl', requestId: 'test', ctx: { log: silentLog } }
	} as unknown as RequestEvent;
}

describe('apiRoute', () => {
	it('answers a rate limit with its own Dutch message, the numbers it names and retry-after', async () => {
		const handler = apiRoute(async () => {
			throw new AppError('rate_limited', {
				message: 'suggestionsContribute.errors.rateLimited',
				details: { retryAfterSeconds: 42 }
			});
		});
		const response = await handler(event());
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('42');
		const body = (await response.json()) as { title: string; code: string };
		expect(body.code).toBe('rate_limited');
		expect(body.title).toContain('Probeer het over een tijdje opnieuw');
	});

	it('fills in the numbers a refusal names, such as a vote limit', async () => {
		const handler = apiRoute(async () => {
			throw new AppError('conflict', { message: 'suggestions.errors.voteLimit', details: { limit: 3 } });
		});
		const response = await handler(event());
		expect(response.status).toBe(409);
		expect(response.headers.get('retry-after')).toBeNull();
		expect(((await response.json()) as { title: string }).title).toContain('Je steunt al 3 suggesties');
	});
});
