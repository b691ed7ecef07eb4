import { redirect } from '@sveltejs/kit';
import { changeActionsInBulk, previewBulkChange } from '$lib/server/features/actions/actions.admin.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { listField } from '$lib/server/platform/forms';

// The "are you sure?" step of a bulk change: the GET only shows what would change; the POST changes it.
export const load: PageServerLoad = async (event) => {
	const params = event.url.searchParams;
	const operation = params.get('wijziging') ?? '';
	return {
		operationValue: operation,
		preview: await backofficeLoad(
			event,
			previewBulkChange(event.locals.ctx, { ids: listField(params, 'actie'), operation })
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const input = { ids: listField(form, 'actie'), operation: String(form.get('wijziging') ?? '') };
		const result = await backofficeAction(event, changeActionsInBulk(event.locals.ctx, input), input);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/acties?gelukt=bulk&aantal=${result.value.changed}`);
	}
};
