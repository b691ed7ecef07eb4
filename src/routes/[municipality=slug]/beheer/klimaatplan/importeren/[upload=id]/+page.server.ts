import { redirect } from '@sveltejs/kit';
import { confirmPlanImport, previewPlanImport } from '$lib/server/features/climate-plan/climate-plan.import';
import { IMPORT_FIELDS } from '$lib/server/features/climate-plan/climate-plan.schemas';
import { textFields } from '$lib/server/platform/forms';
import { withFlash } from '$lib/server/platform/flash';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

/** The chosen mapping from the address or the form: a field's column number, or nothing when not sent. */
function mapping(source: URLSearchParams | FormData): Record<string, string> {
	const chosen = IMPORT_FIELDS.some((f) => source.has(f));
	return chosen ? textFields(source as FormData, IMPORT_FIELDS) : {};
}

// The GET form "Nakijken" sends the mapping in the address: the preview changes nothing.
export const load: PageServerLoad = async (event) => ({
	preview: await backofficeLoad(
		event,
		previewPlanImport(event.locals.ctx, {
			unverifiedId: event.params.upload,
			...mapping(event.url.searchParams)
		})
	)
});

export const actions: Actions = {
	default: async (event) => {
		const values = mapping(await event.request.formData());
		const result = await backofficeAction(
			event,
			confirmPlanImport(event.locals.ctx, { unverifiedId: event.params.upload, ...values }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			withFlash(`/${event.params.municipality}/beheer/klimaatplan`, 'import', result.value.imported)
		);
	}
};
