import { redirect } from '@sveltejs/kit';
import { askQuestion, getGroupPage } from '$lib/server/features/groups/groups.service';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { loginUrl, orErrorPage, orFail, redirectToLogin, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantContext(event);
	const page = await orErrorPage(getGroupPage(ctx, { unverifiedId: event.params.groep }), event);
	return {
		...page,
		loginHref: loginUrl(event.url.pathname),
		...flashOf(event.url)
	};
};

export const actions: Actions = {
	ask: async (event) => {
		const ctx = tenantContext(event);
		const data = await event.request.formData();
		const question = data.get('question');
		const values = { question: typeof question === 'string' ? question : '' };
		if (!ctx.actor) redirectToLogin(event);
		const share = data.get('shareEmail') === 'on';
		const sent = await orFail(
			askQuestion(ctx, {
				unverifiedId: event.params.groep,
				values,
				shareEmail: share
			}),
			event,
			values
		);
		if (!sent.ok) return sent.failure;
		redirect(303, withFlash(`/${ctx.tenant.slug}/groepen/${event.params.groep}`, 'gevraagd'));
	}
};
