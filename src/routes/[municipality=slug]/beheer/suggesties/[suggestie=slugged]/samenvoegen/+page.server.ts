import { redirect } from '@sveltejs/kit';
import { mergeSuggestion, previewMerge } from '$lib/server/features/suggestions/suggestions.merge.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';

// The "are you sure?" step of a merge: the GET names both suggestions; the POST merges them.
export const load: PageServerLoad = async (event) => {
	const into = event.url.searchParams.get('met') ?? '';
	return {
		into,
		preview: await backofficeLoad(
			event,
			previewMerge(event.locals.ctx, { unverifiedSuggestionId: event.params.suggestie, into })
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), ['met', 'confirm']);
		const result = await backofficeAction(
			event,
			mergeSuggestion(event.locals.ctx, {
				unverifiedSuggestionId: event.params.suggestie,
				into: values.met,
				confirm: values.confirm
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, `/${event.params.municipality}/beheer/suggesties/${result.value.keptId}?gelukt=merged`);
	}
};
