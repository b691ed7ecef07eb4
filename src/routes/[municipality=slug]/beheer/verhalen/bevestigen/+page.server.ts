import { previewBulkReject, rejectInBulk } from '$lib/server/features/stories/stories.admin.service';
import type { RequestEvent } from './$types';
import { listField, textFields } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of rejecting stories in bulk: the GET shows which would be rejected; the POST, with
// the reason every author reads, rejects them.
export const { load, actions } = confirmStep({
	preview: (ctx, query) => previewBulkReject(ctx, { ids: listField(query, 'verhaal') }),
	input: (form) => ({ ids: listField(form, 'verhaal'), reason: textFields(form, ['reden']).reden }),
	act: rejectInBulk,
	keep: (input) => ({ reden: input.reason }),
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/verhalen`, 'bulk', result.changed)
});
