import { redirect } from '@sveltejs/kit';
import { logout } from '$lib/server/features/accounts/accounts.service';
import { clearSessionCookie } from '$lib/server/features/accounts/accounts.cookies';
import { LOGGED_OUT_PATH } from '$lib/server/features/accounts/accounts.http';
import { getApp } from '$lib/server/platform/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.session) redirect(303, LOGGED_OUT_PATH);
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const session = event.locals.session;
		clearSessionCookie(event.cookies, event.url);
		if (!session) redirect(303, LOGGED_OUT_PATH);
		await logout(event.locals.ctx, { sessionId: session.sessionId });
		const oidc = getApp().oidc;
		// A session that came from the identity provider also ends there, then returns to us.
		if (oidc && session.idToken) {
			try {
				const url = await oidc.endSessionUrl({
					idTokenHint: session.idToken,
					postLogoutRedirectUri: `${event.url.origin}${LOGGED_OUT_PATH}`
				});
				if (url) redirect(303, url.href);
			} catch (err) {
				if (err && typeof err === 'object' && 'status' in err && 'location' in err) throw err;
				event.locals.ctx.log.warn({ err }, 'could not reach the identity provider to log out there');
			}
		}
		redirect(303, LOGGED_OUT_PATH);
	}
};
