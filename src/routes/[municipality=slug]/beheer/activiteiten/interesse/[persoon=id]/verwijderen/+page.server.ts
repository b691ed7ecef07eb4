import {
	previewRemoveOfflinePerson,
	removeOfflinePerson
} from '$lib/server/features/events/events.offline.service';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// Removing someone from the list of interest outside the platform: the GET says who, the POST deletes them.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event) => previewRemoveOfflinePerson(ctx, { unverifiedId: event.params.persoon }),
	input: (_form, event) => ({ unverifiedId: event.params.persoon, origin: event.url.origin }),
	act: removeOfflinePerson,
	done: (_result, event) =>
		withFlash(`/${event.params.municipality}/beheer/activiteiten/interesse`, 'verwijderd')
});
