import { cancelEvent, previewCancelEvent } from '$lib/server/features/events/events.admin.service';
import { confirmStep } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

// The GET shows how many people will be told; the POST cancels and goes back to the event.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event) => previewCancelEvent(ctx, { unverifiedEventId: event.params.activiteit }),
	input: (form, event) => ({
		...textFields(form, ['confirm']),
		unverifiedEventId: event.params.activiteit,
		origin: event.url.origin
	}),
	act: cancelEvent,
	keep: () => ({}),
	done: (result, event) =>
		`/${event.params.municipality}/beheer/activiteiten/${result.event.id}?gelukt=geannuleerd`
});
