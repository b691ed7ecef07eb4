// Turns platform errors into what SvelteKit answers: an error page, a form failure or a problem document.
import { error, fail, json, redirect, type RequestEvent, type RequestHandler } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { AppError, errorMessage, isAppError } from './errors';

/** Awaits a use case in a load function; a platform error becomes the matching error page. */
export async function orErrorPage<T>(work: Promise<T>, event: RequestEvent): Promise<T> {
	try {
		return await work;
	} catch (err) {
		if (isAppError(err)) {
			error(err.status as 400, {
				message: errorMessage(event.locals.locale, err),
				requestId: event.locals.requestId
			});
		}
		throw err;
	}
}

/** Awaits a use case in a form action; a platform error becomes fail() with per-field messages and the typed values. */
export async function orFail<T>(work: Promise<T>, event: RequestEvent, values: Record<string, unknown>) {
	try {
		return { ok: true as const, value: await work };
	} catch (err) {
		if (!isAppError(err)) throw err;
		const locale = event.locals.locale;
		const fields = Object.fromEntries(
			Object.entries(err.options.fields ?? {}).map(([field, keys]) => [
				field,
				keys.map((k) => translate(locale, k))
			])
		);
		return {
			ok: false as const,
			failure: fail(err.status, { message: errorMessage(locale, err), fields, values })
		};
	}
}

function loginUrl(event: RequestEvent): string {
	// After a form post, come back to the page, not to the action's address.
	const back = event.request.method === 'GET' ? event.url.pathname + event.url.search : event.url.pathname;
	return `/aanmelden?terug=${encodeURIComponent(back)}`;
}

/** Awaits a use case in a load: a visitor goes to the login page and comes back here; other refusals become error pages. */
export async function backofficeLoad<T>(event: RequestEvent, work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (err) {
		if (isAppError(err) && err.code === 'unauthenticated') redirect(303, loginUrl(event));
		return orErrorPage(Promise.reject(err), event);
	}
}

/** Awaits a use case in a form action: a session that ran out leads to the login page, refusals to fail(). */
export async function backofficeAction<T>(
	event: RequestEvent,
	work: Promise<T>,
	values: Record<string, unknown>
) {
	const result = await orFail(
		work.catch((err: unknown) => {
			if (isAppError(err) && err.code === 'unauthenticated') redirect(303, loginUrl(event));
			throw err;
		}),
		event,
		values
	);
	return result;
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

/** Wraps a JSON endpoint: platform errors and unexpected ones both leave as RFC 9457 problem documents. */
export function apiRoute(handler: RequestHandler): RequestHandler {
	return async (event) => {
		try {
			return await handler(event);
		} catch (err) {
			const locale = event.locals.locale;
			if (isAppError(err)) {
				const fields = err.options.fields
					? Object.fromEntries(
							Object.entries(err.options.fields).map(([field, keys]) => [
								field,
								keys.map((k) => translate(locale, k))
							])
						)
					: undefined;
				const response = problem(event, err.status, errorMessage(locale, err), {
					code: err.code,
					...(fields ? { errors: fields } : {})
				});
				const retryAfter = err.options.details?.retryAfterSeconds;
				if (err.code === 'rate_limited' && typeof retryAfter === 'number')
					response.headers.set('retry-after', String(retryAfter));
				return response;
			}
			event.locals.ctx.log.error({ err, requestId: event.locals.requestId }, 'unexpected error in API');
			return problem(event, 500, translate(locale, 'errors.unexpected'), { code: 'unexpected' });
		}
	};
}

export { AppError };
