import {
	cancelNewsletter,
	previewCancelNewsletter
} from '$lib/server/features/newsletters/newsletters.service';
import { confirmStep } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

// The GET says what cancelling does; the POST turns the scheduled newsletter back into a draft.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event) => previewCancelNewsletter(ctx, { unverifiedId: event.params.nieuwsbrief }),
	input: (form, event) => ({ ...textFields(form, ['confirm']), unverifiedId: event.params.nieuwsbrief }),
	act: cancelNewsletter,
	keep: () => ({}),
	done: (result, event) =>
		`/${event.params.municipality}/beheer/nieuwsbrieven/${result.id}?gelukt=geannuleerd`
});
