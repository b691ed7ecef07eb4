import { redirect } from '@sveltejs/kit';
import { enterFigure, getRegionImpact, recordBaselines } from '$lib/server/features/impact/impact.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const q = event.url.searchParams;
	return {
		impact: await backofficeLoad(
			event,
			getRegionImpact(event.locals.ctx, {
				unverifiedRegionSlug: q.get('regio'),
				sort: q.get('sorteer'),
				dir: q.get('richting')
			})
		),
		flash: flashOf(event.url)
	};
};

export const actions: Actions = {
	baselines: async (event) => {
		const values = textFields(await event.request.formData(), ['region']);
		const result = await backofficeAction(
			event,
			recordBaselines(event.locals.ctx, { unverifiedRegionSlug: values.region }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash('/beheer/impact', 'baselines'));
	},
	// A figure the platform cannot count, for the region (the playbook made available), with its note.
	enter: async (event) => {
		const values = textFields(await event.request.formData(), ['regionId', 'indicator', 'value', 'note']);
		const result = await backofficeAction(
			event,
			enterFigure(event.locals.ctx, {
				unverifiedRegionId: values.regionId,
				scope: 'region',
				indicator: values.indicator,
				value: values.value,
				note: values.note
			}),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash('/beheer/impact', 'entry'));
	}
};
