import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n';
import {
	beginOidcLogin,
	MAIL_LINK_MINUTES,
	requestLoginLink,
	safeReturnPath
} from '$lib/server/features/accounts/accounts.service';
import {
	readLinkSentCookie,
	setLinkSentCookie,
	setLoginCookie
} from '$lib/server/features/accounts/accounts.cookies';
import { loginEnvironment, oidcLabel } from '$lib/server/features/accounts/accounts.http';
import { orFail } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

/** Where a request for a link goes when it is sent: a page of its own, so a reload sends nothing again. */
const SENT = '/aanmelden?verstuurd';

export const load: PageServerLoad = ({ url, locals, cookies }) => {
	return {
		// After a link was sent: the confirmation, with the address when this browser asked for it.
		sent: url.searchParams.has('verstuurd') ? { email: readLinkSentCookie(cookies) } : null,
		oidcLabel: oidcLabel(),
		returnTo: safeReturnPath(url.searchParams.get('terug')),
		requestId: url.searchParams.get('verzoek')?.slice(0, 100) ?? '',
		alreadyLoggedIn: Boolean(locals.ctx.actor),
		minutes: MAIL_LINK_MINUTES
	};
};

const linkForm = z.object({
	email: z.string().trim().max(254).email(),
	returnTo: z.string().max(500).optional(),
	requestId: z.string().max(100).optional()
});

export const actions: Actions = {
	oidc: async (event) => {
		const env = loginEnvironment(event);
		const form = await event.request.formData();
		if (!env.oidc)
			return fail(503, {
				oidcError: translate(event.locals.locale, 'auth.oidcUnavailable', { label: 'Mijn Burgerprofiel' })
			});
		const { state, url } = await beginOidcLogin(event.locals.ctx, {
			oidc: env.oidc,
			redirectUri: env.redirectUri,
			returnTo: String(form.get('returnTo') ?? '/'),
			unverifiedRequestId: form.get('requestId')?.toString() || null,
			channel: env.channel
		});
		setLoginCookie(event.cookies, event.url, state);
		redirect(303, url.href);
	},
	link: async (event) => {
		const env = loginEnvironment(event);
		const form = await event.request.formData();
		const raw = {
			email: String(form.get('email') ?? '').slice(0, 1000),
			returnTo: String(form.get('returnTo') ?? '/'),
			requestId: String(form.get('requestId') ?? '')
		};
		const parsed = linkForm.safeParse(raw);
		const values = { email: raw.email };
		if (!parsed.success) {
			const message = translate(event.locals.locale, 'auth.invalidEmail');
			return fail(422, { message, fields: { email: [message] }, values });
		}
		const result = await orFail(
			requestLoginLink(event.locals.ctx, {
				email: parsed.data.email,
				ip: event.getClientAddress(),
				origin: event.url.origin,
				returnTo: parsed.data.returnTo ?? '/',
				unverifiedRequestId: parsed.data.requestId || null,
				channel: env.channel
			}),
			event,
			values
		);
		if (!result.ok) return result.failure;
		setLinkSentCookie(event.cookies, event.url, parsed.data.email, MAIL_LINK_MINUTES);
		redirect(303, SENT);
	}
};
