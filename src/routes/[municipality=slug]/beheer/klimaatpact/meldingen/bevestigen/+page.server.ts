import {
	previewBulkVerify,
	verifyInBulk
} from '$lib/server/features/climate-pact/climate-pact.admin.service';
import type { RequestEvent } from './$types';
import { listField } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of verifying citizens' reports in bulk: the GET shows which would count; the POST
// verifies them.
export const { load, actions } = confirmStep({
	preview: (ctx, query) => previewBulkVerify(ctx, { ids: listField(query, 'melding') }),
	input: (form) => ({ ids: listField(form, 'melding') }),
	act: verifyInBulk,
	keep: () => ({}),
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/klimaatpact/meldingen`, 'bulk', result.changed)
});
