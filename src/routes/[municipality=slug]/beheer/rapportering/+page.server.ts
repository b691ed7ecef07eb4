import { redirect } from '@sveltejs/kit';
import {
	getMunicipalityProgrammes,
	openReport
} from '$lib/server/features/funder-reports/funder-reports.service';
import { backofficeAction, backofficeLoad, tenantContext } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	reporting: await backofficeLoad(event, getMunicipalityProgrammes(tenantContext(event)))
});

export const actions: Actions = {
	// Opens the interim report of a programme for a project year (or finds the one that is open).
	open: async (event) => {
		const ctx = tenantContext(event);
		const values = textFields(await event.request.formData(), ['programme', 'period']);
		const result = await backofficeAction(
			event,
			openReport(ctx, { unverifiedProgrammeId: values.programme, period: values.period }),
			{ ...values, form: `open-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, `/${ctx.tenant.slug}/beheer/rapportering/${result.value.id}`);
	}
};
