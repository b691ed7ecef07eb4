import { redirect } from '@sveltejs/kit';
import {
	changeOutcome,
	getOutcomeForBackoffice
} from '$lib/server/features/climate-pact/climate-pact.admin.service';
import { withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getOutcomeForBackoffice(event.locals.ctx, { unverifiedId: event.params.resultaat })
	)
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), [
			'target',
			'kind',
			'quantity',
			'occurredOn',
			'note'
		]);
		const result = await backofficeAction(
			event,
			changeOutcome(event.locals.ctx, { ...values, unverifiedId: event.params.resultaat }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			withFlash(
				`/${event.params.municipality}/beheer/klimaatpact`,
				result.value.changed ? 'gewijzigd' : 'niets'
			)
		);
	}
};
