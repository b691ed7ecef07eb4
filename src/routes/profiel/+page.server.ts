import { fail, redirect } from '@sveltejs/kit';
import { keepDraftForLogin, logoutEverywhere } from '$lib/server/features/accounts/accounts.service';
import { clearSessionCookie } from '$lib/server/features/accounts/accounts.cookies';
import { LOGGED_OUT_PATH } from '$lib/server/features/accounts/accounts.http';
import {
	getProfile,
	requestEmailVerification,
	updateProfile
} from '$lib/server/features/profile/profile.service';
import { parseProfileForm, readProfileForm } from '$lib/server/features/profile/profile.schemas';
import type { Ctx } from '$lib/server/platform/context';
import { orErrorPage, orFail, redirectToLogin } from '$lib/server/platform/http';
import { PROFILE_PATH } from '$lib/server/features/profile/profile.http';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: PROFILE_PATH });
	const unverifiedDraftId = event.url.searchParams.get('concept');
	const done = flashOf(event.url).done ?? '';
	return {
		profile: await orErrorPage(getProfile(event.locals.ctx, { unverifiedDraftId }), event),
		// The message after a save (bewaard, with -bevestig when a confirmation link went out and -gemeente when
		// the home municipality changed) or after sending the link again.
		flash: {
			saved: /^bewaard(-|$)/.test(done),
			verificationSent: /^bewaard-bevestig(-|$)/.test(done),
			homeChanged: /^bewaard(-bevestig)?-gemeente$/.test(done),
			resent: done === 'link-verstuurd'
		}
	};
};

/** Parsing and saving in one promise, so a refusal of either comes back beside its field. */
async function save(ctx: Ctx, values: Record<string, string>, origin: string) {
	return updateProfile(ctx, { profile: parseProfileForm(values), origin });
}

export const actions: Actions = {
	save: async (event) => {
		const values = readProfileForm(await event.request.formData());
		const ctx = event.locals.ctx;
		if (!ctx.actor) {
			// The session ran out while the person was typing: keep what they typed across the login.
			const requestId = await keepDraftForLogin(ctx, { returnTo: PROFILE_PATH, values });
			redirectToLogin(event, { returnTo: PROFILE_PATH, requestId });
		}
		const result = await orFail(save(ctx, values, event.url.origin), event, values);
		if (!result.ok) return result.failure;
		// Post/redirect/get: a reload shows the message and posts nothing. What the message names (the address
		// to confirm, the new home municipality) the page reads from the saved profile.
		const { verificationSentTo, newHome } = result.value;
		redirect(
			303,
			withFlash(PROFILE_PATH, `bewaard${verificationSentTo ? '-bevestig' : ''}${newHome ? '-gemeente' : ''}`)
		);
	},
	resend: async (event) => {
		if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: PROFILE_PATH });
		const result = await orFail(
			requestEmailVerification(event.locals.ctx, { origin: event.url.origin }),
			event,
			{}
		);
		if (!result.ok) return fail(result.failure.status, { resendError: result.failure.data.message });
		redirect(303, withFlash(PROFILE_PATH, 'link-verstuurd'));
	},
	logoutEverywhere: async (event) => {
		if (event.locals.ctx.actor) await logoutEverywhere(event.locals.ctx);
		clearSessionCookie(event.cookies, event.url);
		redirect(303, LOGGED_OUT_PATH);
	}
};
