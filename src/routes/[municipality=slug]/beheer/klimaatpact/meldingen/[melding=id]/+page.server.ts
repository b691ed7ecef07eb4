import { redirect } from '@sveltejs/kit';
import {
	getContributionForBackoffice,
	refuseContribution,
	verifyContribution
} from '$lib/server/features/climate-pact/climate-pact.admin.service';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getContributionForBackoffice(event.locals.ctx, { unverifiedId: event.params.melding })
	),
	...flashOf(event.url)
});

const here = (event: { params: { municipality: string; melding: string } }, done: string) =>
	withFlash(`/${event.params.municipality}/beheer/klimaatpact/meldingen/${event.params.melding}`, done);

export const actions: Actions = {
	verify: async (event) => {
		const result = await backofficeAction(
			event,
			verifyContribution(event.locals.ctx, { unverifiedId: event.params.melding }),
			{ form: 'verify' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, result.value.changed ? 'goedgekeurd' : 'niets'));
	},
	refuse: async (event) => {
		const values = textFields(await event.request.formData(), ['reason']);
		const result = await backofficeAction(
			event,
			refuseContribution(event.locals.ctx, { ...values, unverifiedId: event.params.melding }),
			{ ...values, form: 'refuse' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, result.value.changed ? 'geweigerd' : 'niets'));
	}
};
