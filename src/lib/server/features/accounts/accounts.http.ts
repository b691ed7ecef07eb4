// What the login routes share: the callback address, the first-channel facts of a request, the session settings.
import type { RequestEvent } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/runtime';
import { firstChannel } from './accounts.service';
import { readChannelCookie } from './accounts.cookies';

export const CALLBACK_PATH = '/aanmelden/terug';
export const LOGGED_OUT_PATH = '/afgemeld';

export function loginEnvironment(event: RequestEvent) {
	const app = getApp();
	return {
		oidc: app.oidc,
		settings: app.sessionSettings,
		redirectUri: `${event.url.origin}${CALLBACK_PATH}`,
		// The channel remembered from the visitor's first landing, else whatever this request shows.
		channel:
			readChannelCookie(event.cookies) ??
			firstChannel({
				utmSource: event.url.searchParams.get('utm_source'),
				referrer: event.request.headers.get('referer'),
				ownOrigin: event.url.origin
			}),
		userAgent: event.request.headers.get('user-agent')
	};
}

/** The name of the login provider for the login button, or null when only mailed links work. */
export function oidcLabel(): string | null {
	return getApp().oidc?.label ?? null;
}
