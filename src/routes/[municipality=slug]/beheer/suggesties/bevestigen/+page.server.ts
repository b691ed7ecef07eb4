import { redirect } from '@sveltejs/kit';
import {
	decideInBulk,
	previewBulkDecision
} from '$lib/server/features/suggestions/suggestions.moderation.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { listField, textFields } from '$lib/server/platform/forms';

// The "are you sure?" step of a bulk decision: the GET only shows what would change; the POST changes it.
export const load: PageServerLoad = async (event) => {
	const params = event.url.searchParams;
	const operation = params.get('wijziging') ?? '';
	return {
		operationValue: operation,
		preview: await backofficeLoad(
			event,
			previewBulkDecision(event.locals.ctx, { items: listField(params, 'item'), operation })
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = textFields(form, ['wijziging', 'reden', 'toelichting']);
		const input = {
			items: listField(form, 'item'),
			operation: values.wijziging,
			reason: values.reden,
			note: values.toelichting
		};
		const result = await backofficeAction(event, decideInBulk(event.locals.ctx, input), values);
		if (!result.ok) return result.failure;
		redirect(
			303,
			`/${event.params.municipality}/beheer/suggesties?gelukt=bulk&aantal=${result.value.changed}`
		);
	}
};
