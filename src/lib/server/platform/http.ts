// The one way a route turns platform errors into what SvelteKit answers (an error page, a form failure or a
// problem document), sends a visitor to log in, and reads the municipality of a page under /{municipality}/.
import { error, fail, json, redirect, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { translate, type Locale, type Params } from '$lib/i18n';
import { AppError, errorMessage, errorParams, isAppError, type ErrorCode, type FieldErrors } from './errors';
import { withTenant, type TenantCtx } from './context';

/** What a person is told about a refusal: its status, the Dutch message and the messages per field. */
export interface Refusal {
	status: number;
	code: ErrorCode;
	message: string;
	fields: Record<string, string[]>;
}

/**
 * Per-field catalogue keys as the Dutch messages a form or problem document shows beside each field, with the
 * numbers the error's details carry (a capacity refused with the places already taken).
 */
function fieldMessages(locale: Locale, fields: FieldErrors, params: Params = {}): Record<string, string[]> {
	return Object.fromEntries(
		Object.entries(fields).map(([field, keys]) => [field, keys.map((k) => translate(locale, k, params))])
	);
}

/**
 * The one reading of a platform error for a person, which every helper below starts from: the status, the
 * message with the numbers it names (a limit, a wait) and the messages per field. Anything else is rethrown,
 * to reach handleError.
 */
export function refusal(locale: Locale, err: unknown): Refusal {
	if (!isAppError(err)) throw err;
	return {
		status: err.status,
		code: err.code,
		message: errorMessage(locale, err),
		fields: fieldMessages(locale, err.options.fields ?? {}, errorParams(err))
	};
}

/** The 404 page with the Dutch not-found message, for an address that names nothing. */
export function notFoundPage(event: Pick<RequestEvent, 'locals'>): never {
	error(404, {
		message: translate(event.locals.locale, 'errors.notFound'),
		requestId: event.locals.requestId
	});
}

/**
 * The context of a page or endpoint under /{municipality}/: the use case runs inside the municipality that
 * hooks.server.ts resolved from the URL; no such municipality is a 404.
 */
export function tenantContext(event: Pick<RequestEvent, 'locals'>): TenantCtx {
	const municipality = event.locals.municipality;
	if (!municipality) notFoundPage(event);
	return withTenant(event.locals.ctx, municipality.tenant);
}

/** The login page, coming back to `returnTo` afterwards; `requestId` names what waits there (typed values, a wish). */
export function loginUrl(returnTo: string, requestId?: string | null): string {
	const request = requestId ? `verzoek=${encodeURIComponent(requestId)}&` : '';
	return `/aanmelden?${request}terug=${encodeURIComponent(returnTo)}`;
}

/**
 * Sends a visitor (or a session that ran out) to log in and come back. By default they come back to this
 * address, or after a form post to the page rather than to the action's address.
 */
export function redirectToLogin(
	event: Pick<RequestEvent, 'request' | 'url'>,
	options: { returnTo?: string; requestId?: string | null } = {}
): never {
	const page = () =>
		event.request.method === 'GET' ? event.url.pathname + event.url.search : event.url.pathname;
	redirect(303, loginUrl(options.returnTo ?? page(), options.requestId));
}

/** Awaits a use case in a load function; a platform error becomes the matching error page. */
export async function orErrorPage<T>(work: Promise<T>, event: RequestEvent): Promise<T> {
	try {
		return await work;
	} catch (err) {
		const { status, message } = refusal(event.locals.locale, err);
		error(status as 400, { message, requestId: event.locals.requestId });
	}
}

/**
 * Awaits a use case in a form action; a platform error becomes fail() with the message, the per-field messages
 * and the typed values, plus `data` (e.g. which form on the page it was, where a page has several).
 */
export async function orFail<
	T,
	V extends Record<string, unknown>,
	D extends Record<string, unknown> = Record<never, never>
>(work: Promise<T>, event: RequestEvent, values: V, data: D = {} as D) {
	try {
		return { ok: true as const, value: await work };
	} catch (err) {
		const { status, message, fields } = refusal(event.locals.locale, err);
		return { ok: false as const, failure: fail(status, { ...data, message, fields, values }) };
	}
}

/** A visitor's refusal becomes the way to the login page; every other error goes on. */
function loginWhenUnauthenticated(event: RequestEvent) {
	return (err: unknown): never => {
		if (isAppError(err) && err.code === 'unauthenticated') redirectToLogin(event);
		throw err;
	};
}

/** Awaits a use case in a load: a visitor goes to the login page and comes back here; other refusals become error pages. */
export async function backofficeLoad<T>(event: RequestEvent, work: Promise<T>): Promise<T> {
	return orErrorPage(work.catch(loginWhenUnauthenticated(event)), event);
}

/** Awaits a use case in a form action: a session that ran out leads to the login page, refusals to fail(). */
export async function backofficeAction<T, V extends Record<string, unknown>>(
	event: RequestEvent,
	work: Promise<T>,
	values: V
) {
	return orFail(work.catch(loginWhenUnauthenticated(event)), event, values);
}

export function problem(
	event: RequestEvent,
	status: number,
	title: string,
	extra: Record<string, unknown> = {}
) {
	return json(
		{
			type: 'about:blank',
			title,
			status,
			instance: event.url.pathname,
			requestId: event.locals.requestId,
			...extra
		},
		{ status, headers: { 'content-type': 'application/problem+json; charset=utf-8' } }
	);
}

/**
 * The answer to a write that did not come from a page of the platform (see hooks.server.ts): a problem
 * document on the API, a short Dutch text elsewhere. Nothing was read or changed.
 */
export function refuseCrossOrigin(event: RequestEvent): Response {
	const message = translate(event.locals.locale, 'errors.crossOrigin');
	if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/'))
		return problem(event, 403, message, { code: 'forbidden' });
	return new Response(message, {
		status: 403,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
}

/** Wraps a JSON endpoint: platform errors and unexpected ones both leave as RFC 9457 problem documents. */
export function apiRoute(handler: RequestHandler): RequestHandler {
	return async (event) => {
		try {
			return await handler(event);
		} catch (err) {
			const locale = event.locals.locale;
			if (isAppError(err)) {
				const { status, code, message, fields } = refusal(locale, err);
				const response = problem(event, status, message, {
					code,
					...(err.options.fields ? { errors: fields } : {})
				});
				const retryAfter = err.options.details?.retryAfterSeconds;
				if (code === 'rate_limited' && typeof retryAfter === 'number')
					response.headers.set('retry-after', String(retryAfter));
				return response;
			}
			event.locals.ctx.log.error({ err, requestId: event.locals.requestId }, 'unexpected error in API');
			return problem(event, 500, translate(locale, 'errors.unexpected'), { code: 'unexpected' });
		}
	};
}

export { AppError };
