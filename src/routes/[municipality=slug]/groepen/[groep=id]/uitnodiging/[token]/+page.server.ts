import { redirect } from '@sveltejs/kit';
import { acceptInvitation, getGroupPage } from '$lib/server/features/groups/groups.service';
import { loginUrl, orErrorPage, orFail, redirectToLogin, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

// Opening the link shows a button; only the POST uses the invitation (mail scanners open links).
export const load: PageServerLoad = async (event) => {
	const page = await orErrorPage(
		getGroupPage(tenantContext(event), { unverifiedId: event.params.groep }),
		event
	);
	return { group: page.group, loggedIn: page.loggedIn, loginHref: loginUrl(event.url.pathname) };
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = tenantContext(event);
		if (!ctx.actor) redirectToLogin(event);
		const result = await orFail(
			acceptInvitation(ctx, { unverifiedId: event.params.groep, token: event.params.token }),
			event,
			{}
		);
		if (!result.ok) return result.failure;
		redirect(303, `/${ctx.tenant.slug}/groepen/${result.value.groupId}/werkruimte`);
	}
};
