import {
	previewRemoveChecklistItem,
	removeChecklistItem
} from '$lib/server/features/events/events.logistics.service';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// Removing a checklist item: the GET says which, the POST removes it and goes back to the checklist.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event) =>
		previewRemoveChecklistItem(ctx, {
			unverifiedEventId: event.params.activiteit,
			unverifiedItemId: event.params.taak
		}),
	input: (_form, event) => ({
		unverifiedEventId: event.params.activiteit,
		unverifiedItemId: event.params.taak
	}),
	act: removeChecklistItem,
	done: (result, event) =>
		withFlash(`/${event.params.municipality}/beheer/activiteiten/${result.eventId}/logistiek`, 'verwijderd')
});
