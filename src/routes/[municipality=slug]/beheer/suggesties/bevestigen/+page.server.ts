import {
	decideInBulk,
	previewBulkDecision
} from '$lib/server/features/suggestions/suggestions.moderation.service';
import type { RequestEvent } from './$types';
import { listField, textFields } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of a bulk decision: the GET only shows what would change; the POST changes it.
export const { load, actions } = confirmStep({
	preview: (ctx, query) =>
		previewBulkDecision(ctx, { items: listField(query, 'item'), operation: query.get('wijziging') ?? '' }),
	shown: (query) => ({ operationValue: query.get('wijziging') ?? '' }),
	input: (form) => {
		const values = textFields(form, ['wijziging', 'reden', 'toelichting']);
		return {
			items: listField(form, 'item'),
			operation: values.wijziging,
			reason: values.reden,
			note: values.toelichting
		};
	},
	act: decideInBulk,
	keep: (input) => ({ wijziging: input.operation, reden: input.reason, toelichting: input.note }),
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/suggesties`, 'bulk', result.changed)
});
