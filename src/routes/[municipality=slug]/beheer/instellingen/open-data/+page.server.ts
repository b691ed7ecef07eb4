import { redirect } from '@sveltejs/kit';
import { getOpenDataSettings, saveOpenDataLicence } from '$lib/server/features/open-data/open-data.service';
import { backofficeAction, backofficeLoad, tenantContext } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	settings: await backofficeLoad(event, getOpenDataSettings(tenantContext(event))),
	...flashOf(event.url)
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), ['licence']);
		const result = await backofficeAction(event, saveOpenDataLicence(tenantContext(event), values), values);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=licentie`);
	}
};
