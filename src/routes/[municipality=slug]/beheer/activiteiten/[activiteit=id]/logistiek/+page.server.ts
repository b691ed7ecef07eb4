import { redirect } from '@sveltejs/kit';
import {
	addChecklistItem,
	changeChecklistItem,
	getLogistics,
	sendBriefing,
	tickChecklistItem
} from '$lib/server/features/events/events.logistics.service';
import {
	addEventOfficial,
	getEventOfficials,
	removeEventOfficial
} from '$lib/server/features/events/events.officials.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import type { Actions, PageServerLoad } from './$types';

// An event's logistics: its checklist (add, change, tick; removing has its own confirmation page) and the
// briefing to the colleagues named on it. Every form is a POST of its own that redirects back with a message.
export const load: PageServerLoad = async (event) => ({
	logistics: await backofficeLoad(
		event,
		getLogistics(event.locals.ctx, { unverifiedEventId: event.params.activiteit })
	),
	officials: await backofficeLoad(
		event,
		getEventOfficials(event.locals.ctx, { unverifiedEventId: event.params.activiteit })
	),
	editing: Number(event.url.searchParams.get('taak')) || null,
	...flashOf(event.url)
});

const ITEM_FIELDS = ['text', 'department', 'email'] as const;

export const actions: Actions = {
	addOfficial: async (event) => {
		const fields = textFields(await event.request.formData(), ['person']);
		const result = await backofficeAction(
			event,
			addEventOfficial(event.locals.ctx, { ...fields, unverifiedEventId: event.params.activiteit }),
			{ ...fields, form: 'official' }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(event.url.pathname, 'aanwezige-toegevoegd'));
	},
	removeOfficial: async (event) => {
		const fields = textFields(await event.request.formData(), ['person']);
		const result = await backofficeAction(
			event,
			removeEventOfficial(event.locals.ctx, { ...fields, unverifiedEventId: event.params.activiteit }),
			{ ...fields, form: 'official' }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(event.url.pathname, 'aanwezige-verwijderd'));
	},
	add: async (event) => {
		const fields = textFields(await event.request.formData(), [...ITEM_FIELDS]);
		const result = await backofficeAction(
			event,
			addChecklistItem(event.locals.ctx, { ...fields, unverifiedEventId: event.params.activiteit }),
			{ ...fields, form: 'add' }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(event.url.pathname, 'toegevoegd'));
	},
	edit: async (event) => {
		const form = await event.request.formData();
		const fields = textFields(form, [...ITEM_FIELDS, 'item']);
		const result = await backofficeAction(
			event,
			changeChecklistItem(event.locals.ctx, {
				...fields,
				unverifiedEventId: event.params.activiteit,
				unverifiedItemId: fields.item
			}),
			{ ...fields, form: 'edit' }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(event.url.pathname, 'gewijzigd'));
	},
	tick: async (event) => {
		const fields = textFields(await event.request.formData(), ['item', 'done']);
		const result = await backofficeAction(
			event,
			tickChecklistItem(event.locals.ctx, { ...fields, unverifiedEventId: event.params.activiteit }),
			{ ...fields, form: 'tick' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${withFlash(event.url.pathname, 'afgevinkt')}#taak-${result.value.id}`);
	},
	brief: async (event) => {
		const result = await backofficeAction(
			event,
			sendBriefing(event.locals.ctx, {
				unverifiedEventId: event.params.activiteit,
				origin: event.url.origin
			}),
			{ form: 'brief' }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(event.url.pathname, 'gebrieft', result.value.sent));
	}
};
