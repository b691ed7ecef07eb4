import { previewPublishEvents, publishEventsInBulk } from '$lib/server/features/events/events.admin.service';
import type { RequestEvent } from './$types';
import { listField } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of publishing ticked drafts: the GET only shows which; the POST publishes them.
export const { load, actions } = confirmStep({
	preview: (ctx, query) => previewPublishEvents(ctx, { ids: listField(query, 'activiteit') }),
	input: (form) => ({ ids: listField(form, 'activiteit') }),
	act: publishEventsInBulk,
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/activiteiten`, 'gepubliceerd', result.changed)
});
