import {
	previewDeleteOutcome,
	removeOutcome
} from '$lib/server/features/climate-pact/climate-pact.admin.service';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

// The GET says which entry goes; the POST (with the tick) deletes it, after which it no longer counts.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event) => previewDeleteOutcome(ctx, { unverifiedId: event.params.resultaat }),
	input: (form, event) => ({ ...textFields(form, ['confirm']), unverifiedId: event.params.resultaat }),
	act: removeOutcome,
	keep: () => ({}),
	done: (_result, event) => withFlash(`/${event.params.municipality}/beheer/klimaatpact`, 'verwijderd')
});
