import { fail } from '@sveltejs/kit';
import type { Cookies } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import {
	inspectEmailVerification,
	VERIFY_MESSAGES,
	verifyEmail
} from '$lib/server/features/profile/profile.service';
import { VERIFY_PATH } from '$lib/server/features/profile/profile.http';
import { loginUrl, orErrorPage, orFail } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

// The link only works for the account that asked for it. A person who opens it logged out logs in first;
// meanwhile the token waits in a cookie of this browser, never in the database.
const TOKEN_COOKIE = 'meedoen_verify';

function cookieOptions(url: URL) {
	return { path: VERIFY_PATH, httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' };
}

function tokenOf(url: URL, cookies: Cookies): string {
	return (url.searchParams.get('token') ?? cookies.get(TOKEN_COOKIE) ?? '').slice(0, 200);
}

// Opening the link only shows a button: mail scanners open links, and must not use up a single-use token.
export const load: PageServerLoad = async (event) => {
	const token = tokenOf(event.url, event.cookies);
	if (!event.locals.ctx.actor) {
		if (token) event.cookies.set(TOKEN_COOKIE, token, { ...cookieOptions(event.url), maxAge: 60 * 60 });
		return { loginHref: loginUrl(VERIFY_PATH), token: '', email: null, failure: null };
	}
	const inspected = await orErrorPage(
		inspectEmailVerification(event.locals.ctx, { unverifiedToken: token }),
		event
	);
	if (inspected.state === 'valid') return { loginHref: null, token, email: inspected.email, failure: null };
	return {
		loginHref: null,
		token: '',
		email: null,
		failure: translate(event.locals.locale, VERIFY_MESSAGES[inspected.state])
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const token = String(form.get('token') ?? '').slice(0, 200);
		const result = await orFail(verifyEmail(event.locals.ctx, { unverifiedToken: token }), event, {});
		if (!result.ok) return fail(result.failure.status, { failure: result.failure.data.message });
		event.cookies.delete(TOKEN_COOKIE, cookieOptions(event.url));
		return { verified: result.value.email };
	}
};
