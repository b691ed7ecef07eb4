import { redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { completeOidcLogin } from '$lib/server/features/accounts/accounts.service';
import {
	clearLoginCookie,
	LOGIN_COOKIE,
	setSessionCookie
} from '$lib/server/features/accounts/accounts.cookies';
import { loginEnvironment } from '$lib/server/features/accounts/accounts.http';
import { refusal } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

/** The identity provider's redirect back to us. Success logs in and redirects; anything off shows a calm page. */
export const load: PageServerLoad = async (event) => {
	const env = loginEnvironment(event);
	const stateFromCookie = event.cookies.get(LOGIN_COOKIE);
	clearLoginCookie(event.cookies, event.url);
	if (!env.oidc)
		return {
			failure: translate(event.locals.locale, 'auth.oidcUnavailable', { label: 'Mijn Burgerprofiel' })
		};
	let outcome;
	try {
		outcome = await completeOidcLogin(event.locals.ctx, {
			oidc: env.oidc,
			currentUrl: event.url,
			stateFromCookie,
			userAgent: env.userAgent,
			settings: env.settings
		});
	} catch (err) {
		// Shown on this page, calmly, with a way to try again: not an error page.
		return { failure: refusal(event.locals.locale, err).message };
	}
	setSessionCookie(event.cookies, event.url, outcome.sessionToken, env.settings.maxDays);
	redirect(303, outcome.returnTo);
};
