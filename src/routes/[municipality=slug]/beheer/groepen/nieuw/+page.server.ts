import { redirect } from '@sveltejs/kit';
import { createGroup, listGroupsForBackoffice } from '$lib/server/features/groups/groups.admin.service';
import { GROUP_FORM_FIELDS } from '$lib/domain/groups';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

// The list's use case refuses whoever may not manage groups here, before the form is shown.
export const load: PageServerLoad = async (event) => {
	await backofficeLoad(event, listGroupsForBackoffice(event.locals.ctx, {}));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), GROUP_FORM_FIELDS);
		const result = await backofficeAction(event, createGroup(event.locals.ctx, values), values);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(`/${event.params.municipality}/beheer/groepen/${result.value.id}`, 'aangemaakt'));
	}
};
