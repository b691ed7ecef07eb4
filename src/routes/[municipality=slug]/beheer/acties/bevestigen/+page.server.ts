import { changeActionsInBulk, previewBulkChange } from '$lib/server/features/actions/actions.admin.service';
import type { RequestEvent } from './$types';
import { listField } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of a bulk change: the GET only shows what would change; the POST changes it.
export const { load, actions } = confirmStep({
	preview: (ctx, query) =>
		previewBulkChange(ctx, { ids: listField(query, 'actie'), operation: query.get('wijziging') ?? '' }),
	shown: (query) => ({ operationValue: query.get('wijziging') ?? '' }),
	input: (form) => ({ ids: listField(form, 'actie'), operation: String(form.get('wijziging') ?? '') }),
	act: changeActionsInBulk,
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/acties`, 'bulk', result.changed)
});
