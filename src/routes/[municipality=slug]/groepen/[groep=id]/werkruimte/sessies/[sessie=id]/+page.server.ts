import { redirect } from '@sveltejs/kit';
import { addSessionNote, getSessionPage } from '$lib/server/features/groups/groups.sessions';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getSessionPage(tenantContext(event), {
			unverifiedId: event.params.groep,
			unverifiedSessionId: event.params.sessie
		})
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	note: async (event) => {
		const values = textFields(await event.request.formData(), ['body']);
		const r = await backofficeAction(
			event,
			addSessionNote(tenantContext(event), {
				unverifiedId: event.params.groep,
				unverifiedSessionId: event.params.sessie,
				values
			}),
			{ ...values, form: 'note' }
		);
		if (!r.ok) return r.failure;
		const { municipality, groep, sessie } = event.params;
		redirect(
			303,
			`${withFlash(`/${municipality}/groepen/${groep}/werkruimte/sessies/${sessie}`, 'notitie')}#notities`
		);
	}
};
