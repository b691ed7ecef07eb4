import { redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { consumeLoginLink, inspectLoginLink } from '$lib/server/features/accounts/accounts.service';
import { setSessionCookie } from '$lib/server/features/accounts/accounts.cookies';
import { loginEnvironment } from '$lib/server/features/accounts/accounts.http';
import { orFail } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows a button: mail scanners open links, and must not use up a single-use token.
export const load: PageServerLoad = async ({ url, locals }) => {
	const token = url.searchParams.get('token') ?? '';
	const state = await inspectLoginLink(locals.ctx, { unverifiedToken: token });
	const t = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
	if (state === 'valid') return { token, failure: null };
	locals.ctx.log.warn({ state }, 'login link opened but not usable');
	return { token: '', failure: state === 'used' ? t('auth.linkUsed') : t('auth.linkExpired') };
};

export const actions: Actions = {
	default: async (event) => {
		const env = loginEnvironment(event);
		const form = await event.request.formData();
		const result = await orFail(
			consumeLoginLink(event.locals.ctx, {
				unverifiedToken: String(form.get('token') ?? '').slice(0, 200),
				userAgent: env.userAgent,
				settings: env.settings
			}),
			event,
			{}
		);
		if (!result.ok) return result.failure;
		const outcome = result.value;
		setSessionCookie(event.cookies, event.url, outcome.sessionToken, env.settings.maxDays);
		redirect(303, outcome.returnTo);
	}
};
