import { redirect } from '@sveltejs/kit';
import {
	listContributionQueue,
	verifyContribution
} from '$lib/server/features/climate-pact/climate-pact.admin.service';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import { backofficeAction } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = listLoad(
	'queue',
	{ q: 'zoek', status: 'status', kind: 'soort', page: 'pagina' },
	listContributionQueue
);

export const actions: Actions = {
	// "Goedkeuren" on a row: a button of the table's GET form posting that row alone, the filters kept.
	verify: async (event) => {
		const form = await event.request.formData();
		const row = form.get('rij');
		const result = await backofficeAction(
			event,
			verifyContribution(event.locals.ctx, { unverifiedId: typeof row === 'string' ? row : '' }),
			{}
		);
		if (!result.ok) return result.failure;
		const back = new URLSearchParams(event.url.search);
		for (const name of ['/verify', 'gelukt', 'aantal', 'selecteer']) back.delete(name);
		back.set('gelukt', result.value.changed ? 'goedgekeurd' : 'niets');
		redirect(303, `${event.url.pathname}?${back}`);
	}
};
