import { previewStaffRemoval, removeStaffAccess } from '$lib/server/features/staff/staff.service';
import type { RequestEvent } from './$types';
import { listField } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

const chosen = (source: URLSearchParams | FormData) => ({
	membershipIds: listField(source, 'rol'),
	invitationIds: listField(source, 'uitnodiging')
});

// The "are you sure?" step: the GET only shows what would be removed; the POST removes it.
export const { load, actions } = confirmStep({
	preview: (ctx, query) => previewStaffRemoval(ctx, chosen(query)),
	input: chosen,
	act: removeStaffAccess,
	done: (_result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/medewerkers`, 'verwijderd')
});
