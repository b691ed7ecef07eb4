import {
	changePlanActionsInBulk,
	previewBulkPlanChange
} from '$lib/server/features/climate-plan/climate-plan.service';
import type { RequestEvent } from './$types';
import { listField } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of a bulk change of plan actions: the GET shows what would change; the POST changes it.
export const { load, actions } = confirmStep({
	preview: (ctx, query) =>
		previewBulkPlanChange(ctx, {
			ids: listField(query, 'planactie'),
			operation: query.get('wijziging') ?? ''
		}),
	shown: (query) => ({ operationValue: query.get('wijziging') ?? '' }),
	input: (form) => ({ ids: listField(form, 'planactie'), operation: String(form.get('wijziging') ?? '') }),
	act: changePlanActionsInBulk,
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/klimaatplan`, 'bulk', result.changed)
});
