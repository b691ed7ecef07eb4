// A group's own calls for suggestions on the map and its own events (groups.calls.ts): the coordinator's and
// the coaching staff's page; everyone else is refused in Dutch.
import { redirect } from '@sveltejs/kit';
import { createGroupEvent, getGroupCalls, openGroupMapCall } from '$lib/server/features/groups/groups.calls';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getGroupCalls(tenantContext(event), { unverifiedId: event.params.groep })
	),
	...flashOf(event.url)
});

const EVENT_FIELDS = [
	'action',
	'kind',
	'title',
	'description',
	'startsAt',
	'endsAt',
	'venueName',
	'address',
	'capacity'
] as const;

export const actions: Actions = {
	mapCall: async (event) => {
		const values = textFields(await event.request.formData(), [
			'action',
			'title',
			'howTo',
			'opensAt',
			'closesAt'
		]);
		const r = await backofficeAction(
			event,
			openGroupMapCall(tenantContext(event), { unverifiedId: event.params.groep, values }),
			{ ...values, form: 'mapCall' }
		);
		if (!r.ok) return r.failure;
		redirect(303, `${withFlash(event.url.pathname, 'kaartoproep')}#oproepen`);
	},
	event: async (event) => {
		const values = textFields(await event.request.formData(), EVENT_FIELDS);
		const r = await backofficeAction(
			event,
			createGroupEvent(tenantContext(event), { unverifiedId: event.params.groep, values }),
			{ ...values, form: 'event' }
		);
		if (!r.ok) return r.failure;
		redirect(303, `${withFlash(event.url.pathname, 'activiteit')}#activiteiten`);
	}
};
