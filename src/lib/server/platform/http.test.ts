import { describe, expect, it } from 'vitest';
import { isActionFailure, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import {
	apiRoute,
	backofficeAction,
	backofficeLoad,
	loginUrl,
	orErrorPage,
	orFail,
	redirectToLogin,
	refusal,
	tenantContext
} from './http';
import { AppError } from './errors';
import { silentLog } from '$lib/server/testing/context';

function event(
	path = '/api/v1/suggestions/1/vote',
	options: { method?: string; municipality?: { tenant: { id: string; slug: string } } | null } = {}
): RequestEvent {
	return {
		url: new URL(`http://localhost${path}`),
		request: new Request(`http://localhost${path}`, { method: options.method ?? 'GET' }),
		locals: {
			locale: 'nl',
			requestId: 'test',
			ctx: { log: silentLog, locale: 'nl' },
			municipality: options.municipality ?? null
		}
	} as unknown as RequestEvent;
}

/** What a function throws (SvelteKit's redirect() and error() throw), or undefined. */
async function thrown(work: () => unknown): Promise<unknown> {
	try {
		await work();
	} catch (err) {
		return err;
	}
	return undefined;
}

const invalidForm = () =>
	new AppError('validation', {
		fields: {
			title: ['suggestionsContribute.errors.invalid'],
			body: ['suggestionsContribute.errors.commentRequired', 'suggestionsContribute.errors.invalid']
		}
	});

const DUTCH_FIELDS = {
	title: ['Dit veld is niet juist ingevuld.'],
	body: ['Schrijf een reactie.', 'Dit veld is niet juist ingevuld.']
};

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

	it('sends the Dutch messages per field as errors, and no errors member when the refusal names no field', async () => {
		const invalid = await apiRoute(async () => {
			throw invalidForm();
		})(event());
		expect(invalid.status).toBe(422);
		expect(((await invalid.json()) as { errors: unknown }).errors).toEqual(DUTCH_FIELDS);
		const missing = await apiRoute(async () => {
			throw new AppError('not_found');
		})(event());
		expect(await missing.json()).not.toHaveProperty('errors');
	});

	it('answers an unexpected error with a calm problem document, not its details', async () => {
		const response = await apiRoute(async () => {
			throw new Error('connection refused to 10.0.0.3');
		})(event());
		expect(response.status).toBe(500);
		const body = await response.text();
		expect(body).toContain('"code":"unexpected"');
		expect(body).not.toContain('10.0.0.3');
	});
});

describe('the field messages of a refusal, written once', () => {
	it('turns each field’s catalogue keys into Dutch messages, with the status and the general message', () => {
		expect(refusal('nl', invalidForm())).toEqual({
			status: 422,
			code: 'validation',
			message: 'Niet alle velden zijn juist ingevuld',
			fields: DUTCH_FIELDS
		});
		expect(refusal('nl', new AppError('forbidden')).fields).toEqual({});
	});

	it('rethrows what is not a platform error, so handleError logs it', () => {
		const bug = new TypeError('x is undefined');
		expect(() => refusal('nl', bug)).toThrow(bug);
	});

	it('gives a form action, a back-office action and the API the same messages per field', async () => {
		const form = await orFail(Promise.reject(invalidForm()), event('/p', { method: 'POST' }), {
			title: 'typed'
		});
		const backoffice = await backofficeAction(
			event('/p', { method: 'POST' }),
			Promise.reject(invalidForm()),
			{
				title: 'typed'
			}
		);
		const api = await apiRoute(async () => {
			throw invalidForm();
		})(event());
		expect(form.ok).toBe(false);
		expect(backoffice.ok).toBe(false);
		if (form.ok || backoffice.ok) return;
		expect(form.failure.status).toBe(422);
		expect(form.failure.data).toEqual({
			message: 'Niet alle velden zijn juist ingevuld',
			fields: DUTCH_FIELDS,
			values: { title: 'typed' }
		});
		expect(backoffice.failure.data).toEqual(form.failure.data);
		expect(((await api.json()) as { errors: unknown }).errors).toEqual(DUTCH_FIELDS);
	});

	it('adds what a page with several forms needs to the failure, such as which form it was', async () => {
		const result = await orFail(
			Promise.reject(
				new AppError('conflict', { message: 'suggestions.errors.voteLimit', details: { limit: 3 } })
			),
			event('/p', { method: 'POST' }),
			{ terug: '/geel' },
			{ form: 'vote' }
		);
		if (result.ok) throw new Error('expected a failure');
		expect(isActionFailure(result.failure)).toBe(true);
		expect(result.failure.status).toBe(409);
		expect(result.failure.data.form).toBe('vote');
		expect(result.failure.data.values).toEqual({ terug: '/geel' });
		expect(result.failure.data.message).toContain('Je steunt al 3 suggesties');
	});

	it('turns a refusal in a load into the error page with its status and message', async () => {
		const err = await thrown(() => orErrorPage(Promise.reject(new AppError('forbidden')), event('/p')));
		expect(isHttpError(err, 403)).toBe(true);
		expect(err).toMatchObject({ body: { message: 'Je hebt hiervoor geen toegang', requestId: 'test' } });
		const bug = new Error('bug');
		expect(await thrown(() => orErrorPage(Promise.reject(bug), event('/p')))).toBe(bug);
	});
});

describe('the login redirect', () => {
	it('names where to come back to, and the request id of what waits there', () => {
		expect(loginUrl('/profiel')).toBe('/aanmelden?terug=%2Fprofiel');
		expect(loginUrl('/geel/suggesties/12-bankje', 'abc')).toBe(
			'/aanmelden?verzoek=abc&terug=%2Fgeel%2Fsuggesties%2F12-bankje'
		);
		expect(loginUrl('/geel/kansen/4?pagina=2&q=bank')).toBe(
			'/aanmelden?terug=%2Fgeel%2Fkansen%2F4%3Fpagina%3D2%26q%3Dbank'
		);
	});

	it('comes back to the page with its query after a GET, to the page (not the action) after a form post', async () => {
		const get = await thrown(() => redirectToLogin(event('/geel/beheer/acties?pagina=2')));
		expect(isRedirect(get)).toBe(true);
		expect(get).toMatchObject({
			status: 303,
			location: '/aanmelden?terug=%2Fgeel%2Fbeheer%2Facties%3Fpagina%3D2'
		});
		const post = await thrown(() =>
			redirectToLogin(event('/geel/suggesties/12-bankje?/vote', { method: 'POST' }), { requestId: 'draft1' })
		);
		expect(post).toMatchObject({
			status: 303,
			location: '/aanmelden?verzoek=draft1&terug=%2Fgeel%2Fsuggesties%2F12-bankje'
		});
		const fixed = await thrown(() => redirectToLogin(event('/profiel?x=1'), { returnTo: '/profiel' }));
		expect(fixed).toMatchObject({ location: '/aanmelden?terug=%2Fprofiel' });
	});

	it('sends a visitor in the back office to log in; other refusals stay refusals', async () => {
		const unauthenticated = () => Promise.reject(new AppError('unauthenticated'));
		const load = await thrown(() => backofficeLoad(event('/geel/beheer?tab=1'), unauthenticated()));
		expect(load).toMatchObject({ status: 303, location: '/aanmelden?terug=%2Fgeel%2Fbeheer%3Ftab%3D1' });
		const action = await thrown(() =>
			backofficeAction(event('/geel/beheer?/save', { method: 'POST' }), unauthenticated(), {})
		);
		expect(action).toMatchObject({ status: 303, location: '/aanmelden?terug=%2Fgeel%2Fbeheer' });
		const forbidden = await thrown(() =>
			backofficeLoad(event('/geel/beheer'), Promise.reject(new AppError('forbidden')))
		);
		expect(isHttpError(forbidden, 403)).toBe(true);
	});
});

describe('tenantContext', () => {
	it('runs a use case inside the municipality of the URL', () => {
		const ctx = tenantContext(event('/geel', { municipality: { tenant: { id: 'm1', slug: 'geel' } } }));
		expect(ctx.tenant).toEqual({ id: 'm1', slug: 'geel' });
		expect(ctx.locale).toBe('nl');
	});

	it('is the Dutch not-found page when the URL names no municipality', async () => {
		const err = await thrown(() => tenantContext(event('/nergens')));
		expect(isHttpError(err, 404)).toBe(true);
		expect(err).toMatchObject({ body: { message: 'Pagina niet gevonden', requestId: 'test' } });
	});
});
