import { redirect, type RequestEvent } from '@sveltejs/kit';
import {
	createCommunicationPlan,
	listCommunicationWeek,
	markCommunicationPublished,
	unmarkCommunicationPublished
} from '$lib/server/features/communication/communication.service';
import { SELECT_MAX } from '$lib/server/features/communication/communication.schemas';
import { listParams, withFlash } from '$lib/server/platform/backoffice-pages';
import { listField, textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

const NAMES = { week: 'week', channel: 'kanaal', state: 'status', q: 'zoek' } as const;

export const load: PageServerLoad = async (event) => {
	const list = listParams(event.url, NAMES);
	return {
		week: await backofficeLoad(
			event,
			listCommunicationWeek(event.locals.ctx, { ...list.filters, origin: event.url.origin })
		),
		...list.view
	};
};

/** This page with its filters and the message after the change (the action's own name taken out). */
function back(event: RequestEvent, done: string, count?: number): string {
	const query = new URLSearchParams(event.url.search);
	for (const key of [...query.keys()]) if (key.startsWith('/')) query.delete(key);
	query.delete('gelukt');
	query.delete('aantal');
	const flash = withFlash(event.url.pathname, done, count);
	const rest = query.toString();
	return rest ? `${flash}&${rest}` : flash;
}

export const actions: Actions = {
	create: async (event) => {
		const fields = textFields(await event.request.formData(), ['subject']);
		const result = await backofficeAction(event, createCommunicationPlan(event.locals.ctx, fields), {
			form: 'create',
			...fields
		});
		if (!result.ok) return result.failure;
		redirect(
			303,
			withFlash(`/${event.params.municipality}/beheer/communicatie/${result.value.id}`, 'gemaakt')
		);
	},
	/** The one text of its own button (`een`), else every ticked one (`tekst`). */
	publish: async (event) => {
		const form = await event.request.formData();
		const one = form.get('een');
		const ids = typeof one === 'string' && one ? [one] : listField(form, 'tekst', SELECT_MAX);
		const result = await backofficeAction(event, markCommunicationPublished(event.locals.ctx, { ids }), {
			form: 'publish',
			tekst: ids
		});
		if (!result.ok) return result.failure;
		redirect(303, back(event, 'gepubliceerd', result.value.count));
	},
	unpublish: async (event) => {
		const { terug } = textFields(await event.request.formData(), ['terug']);
		const result = await backofficeAction(
			event,
			unmarkCommunicationPublished(event.locals.ctx, { unverifiedTextId: terug }),
			{ form: 'publish' }
		);
		if (!result.ok) return result.failure;
		redirect(303, back(event, 'teruggezet'));
	}
};
