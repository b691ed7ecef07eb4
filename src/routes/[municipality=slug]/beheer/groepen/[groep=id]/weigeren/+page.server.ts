import { decideSignups, previewSignupDecline } from '$lib/server/features/groups/groups.admin.service';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';
import { listField, textFields } from '$lib/server/platform/forms';
import type { RequestEvent } from './$types';

const chosen = (source: URLSearchParams | FormData) => listField(source, 'aanmelding');

// The "are you sure?" step before declining sign-ups: the GET (`?aanmelding=ID`, repeatable) only names the
// chosen sign-ups that still wait; the POST declines them once the box is ticked (the service refuses otherwise).
export const { load, actions } = confirmStep({
	preview: (ctx, query, event: RequestEvent) =>
		previewSignupDecline(ctx, { unverifiedId: event.params.groep, ids: chosen(query) }),
	input: (form, event: RequestEvent) => ({
		...textFields(form, ['confirm']),
		ids: chosen(form),
		decision: 'decline',
		unverifiedId: event.params.groep
	}),
	act: decideSignups,
	keep: () => ({}),
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/groepen/${event.params.groep}`, 'beslist', result.changed)
});
