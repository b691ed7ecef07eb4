import { redirect } from '@sveltejs/kit';
import { getWidgetGallery, saveWidgetOrigins } from '$lib/server/features/widgets/widgets.service';
import { backofficeAction, backofficeLoad, tenantContext } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';
import type { Actions, PageServerLoad } from './$types';

// The gallery is a GET form: choosing a widget and its options re-renders the preview, with or without JavaScript.
export const load: PageServerLoad = async (event) => ({
	gallery: await backofficeLoad(
		event,
		getWidgetGallery(tenantContext(event), { query: event.url.searchParams, origin: event.url.origin })
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	origins: async (event) => {
		const values = textFields(await event.request.formData(), ['origins']);
		const result = await backofficeAction(event, saveWidgetOrigins(tenantContext(event), values), {
			...values,
			form: 'origins'
		});
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=sites#sites`);
	}
};
