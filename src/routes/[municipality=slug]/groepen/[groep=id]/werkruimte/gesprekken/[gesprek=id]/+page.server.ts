import { redirect } from '@sveltejs/kit';
import { getThreadPage, replyToThread } from '$lib/server/features/groups/groups.workspace.service';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { listField, textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getThreadPage(tenantContext(event), {
			unverifiedId: event.params.groep,
			unverifiedThreadId: event.params.gesprek
		})
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const values = textFields(data, ['body']);
		const mentions = listField(data, 'mentions');
		const r = await backofficeAction(
			event,
			replyToThread(tenantContext(event), {
				unverifiedId: event.params.groep,
				unverifiedThreadId: event.params.gesprek,
				values,
				mentions
			}),
			{ ...values, mentions }
		);
		if (!r.ok) return r.failure;
		redirect(303, `${withFlash(event.url.pathname, 'antwoord')}#bericht-${r.value.id}`);
	}
};
