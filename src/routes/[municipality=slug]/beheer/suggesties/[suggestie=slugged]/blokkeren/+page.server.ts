import { blockAuthor, previewBlock } from '$lib/server/features/suggestions/suggestions.blocks.service';
import type { RequestEvent } from './$types';
import { textFields } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of blocking a person: the GET names who and why (?reactie= for a comment's writer);
// only the POST blocks.
export const { load, actions } = confirmStep({
	preview: (ctx, query, event: RequestEvent) =>
		previewBlock(ctx, {
			unverifiedSuggestionId: event.params.suggestie,
			unverifiedCommentId: query.get('reactie') ?? undefined
		}),
	input: (form, event: RequestEvent) => {
		const values = textFields(form, ['reactie', 'reason']);
		return {
			unverifiedSuggestionId: event.params.suggestie,
			unverifiedCommentId: values.reactie || undefined,
			reason: values.reason
		};
	},
	act: blockAuthor,
	keep: (input) => ({ reason: input.reason }),
	done: (_result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/suggesties/${event.params.suggestie}`, 'blocked')
});
