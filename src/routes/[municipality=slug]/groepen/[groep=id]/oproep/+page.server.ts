import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { getCallPage, keepSignUpDraft, signUp } from '$lib/server/features/groups/groups.service';
import { loginUrl, orErrorPage, orFail, redirectToLogin, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantContext(event);
	const page = await orErrorPage(
		getCallPage(ctx, {
			unverifiedId: event.params.groep,
			// After a login that began here: ?concept= holds the motivation the person typed, for them only.
			unverifiedDraftId: event.url.searchParams.get('concept')
		}),
		event
	);
	return { ...page, loginHref: loginUrl(event.url.pathname) };
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = tenantContext(event);
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			return fail(413, {
				message: translate(event.locals.locale, 'groups.errors.requestTooLarge'),
				fields: {} as Record<string, string[]>,
				values: {} as Record<string, string>
			});
		}
		const motivation = data.get('motivation');
		const values = { motivation: typeof motivation === 'string' ? motivation : '' };
		// A visitor logs in first; the motivation they typed waits for them.
		if (!ctx.actor) {
			const draftId = await keepSignUpDraft(ctx, { returnTo: event.url.pathname, values });
			redirectToLogin(event, { requestId: draftId });
		}
		const sent = await orFail(signUp(ctx, { unverifiedId: event.params.groep, values }), event, values);
		if (!sent.ok) return sent.failure;
		redirect(303, `/${ctx.tenant.slug}/groepen/${sent.value.groupId}/oproep/bedankt`);
	}
};
