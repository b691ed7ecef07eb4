// Glue between back-office routes and services: login redirects, error pages, form failures, form fields.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { isAppError } from '$lib/server/platform/errors';
import { orErrorPage, orFail } from '$lib/server/platform/http';

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

/** The named text fields of a form as strings; a missing field is an empty string, a file is ignored. */
export function textFields<K extends string>(form: FormData, names: readonly K[]): Record<K, string> {
	return Object.fromEntries(
		names.map((name) => {
			const value = form.get(name);
			return [name, typeof value === 'string' ? value : ''];
		})
	) as Record<K, string>;
}

/** Every string value of a repeated field (checkboxes), at most `max` of them. */
export function listField(source: FormData | URLSearchParams, name: string, max = 200): string[] {
	return source
		.getAll(name)
		.filter((v): v is string => typeof v === 'string')
		.slice(0, max + 1);
}
