import { redirect } from '@sveltejs/kit';
import {
	addReviewer,
	changeProgrammeSettings,
	changeProgrammeTarget,
	createProgrammeFromPreset,
	getRegionProgrammes,
	openReport,
	removeReviewer
} from '$lib/server/features/funder-reports/funder-reports.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	reporting: await backofficeLoad(event, getRegionProgrammes(event.locals.ctx)),
	flash: flashOf(event.url)
});

const PAGE = '/beheer/rapportering';

export const actions: Actions = {
	preset: async (event) => {
		const values = textFields(await event.request.formData(), ['regionId', 'preset']);
		const result = await backofficeAction(
			event,
			createProgrammeFromPreset(event.locals.ctx, {
				unverifiedRegionId: values.regionId,
				preset: values.preset
			}),
			{ ...values, form: 'preset' }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'created'));
	},
	settings: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'name', 'funder', 'threshold']);
		const result = await backofficeAction(
			event,
			changeProgrammeSettings(event.locals.ctx, { ...values, unverifiedProgrammeId: values.programme }),
			{ ...values, form: `settings-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'saved'));
	},
	target: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'action', 'scope', 'target']);
		const result = await backofficeAction(
			event,
			changeProgrammeTarget(event.locals.ctx, { ...values, unverifiedProgrammeId: values.programme }),
			{ ...values, form: `target-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'saved'));
	},
	reviewer: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'email']);
		const result = await backofficeAction(
			event,
			addReviewer(event.locals.ctx, { unverifiedProgrammeId: values.programme, email: values.email }),
			{ ...values, form: `reviewer-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'reviewer'));
	},
	removeReviewer: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'userId']);
		const result = await backofficeAction(
			event,
			removeReviewer(event.locals.ctx, { unverifiedProgrammeId: values.programme, userId: values.userId }),
			{ ...values, form: `reviewer-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'reviewer'));
	},
	// The region's own report, for a programme it submits as project holder.
	open: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'period']);
		const result = await backofficeAction(
			event,
			openReport(event.locals.ctx, { unverifiedProgrammeId: values.programme, period: values.period }),
			{ ...values, form: `open-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${PAGE}/${result.value.id}`);
	}
};
