import { redirect } from '@sveltejs/kit';
import {
	getCouncilReports,
	issueCouncilReport
} from '$lib/server/features/climate-plan/climate-plan.council-report';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	reports: await backofficeLoad(event, getCouncilReports(event.locals.ctx, {})),
	...flashOf(event.url)
});

export const actions: Actions = {
	issue: async (event) => {
		const result = await backofficeAction(event, issueCouncilReport(event.locals.ctx, {}), {});
		if (!result.ok) return result.failure;
		redirect(303, withFlash(`/${event.params.municipality}/beheer/klimaatplan/raadsrapport`, 'rapport'));
	}
};
