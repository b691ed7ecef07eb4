import { redirect } from '@sveltejs/kit';
import {
	approveQueueItem,
	getModerationQueue
} from '$lib/server/features/suggestions/suggestions.moderation.service';
import type { Actions, PageServerLoad } from './$types';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import { backofficeAction } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = listLoad(
	'queue',
	{ view: 'wat', opportunityId: 'kans', q: 'zoek', sort: 'sorteer', page: 'pagina' },
	getModerationQueue
);

export const actions: Actions = {
	/** "Goedkeuren" on one row; the list comes back with its filters and the message. */
	approve: async (event) => {
		const values = textFields(await event.request.formData(), ['rij']);
		const result = await backofficeAction(event, approveQueueItem(event.locals.ctx, { item: values.rij }), {
			...values,
			form: 'approve'
		});
		if (!result.ok) return result.failure;
		const back = new URLSearchParams(event.url.search);
		for (const name of ['/approve', 'gelukt', 'aantal', 'selecteer']) back.delete(name);
		back.set('gelukt', result.value.changed ? 'approve' : 'niets');
		redirect(303, `${event.url.pathname}?${back}`);
	}
};
