import { mergeSuggestion, previewMerge } from '$lib/server/features/suggestions/suggestions.merge.service';
import type { RequestEvent } from './$types';
import { textFields } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of a merge: the GET names both suggestions; the POST merges them.
export const { load, actions } = confirmStep({
	preview: (ctx, query, event: RequestEvent) =>
		previewMerge(ctx, { unverifiedSuggestionId: event.params.suggestie, into: query.get('met') ?? '' }),
	shown: (query) => ({ into: query.get('met') ?? '' }),
	input: (form, event: RequestEvent) => {
		const values = textFields(form, ['met', 'confirm']);
		return { unverifiedSuggestionId: event.params.suggestie, into: values.met, confirm: values.confirm };
	},
	act: mergeSuggestion,
	keep: (input) => ({ met: input.into, confirm: input.confirm }),
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/suggesties/${result.keptId}`, 'merged')
});
