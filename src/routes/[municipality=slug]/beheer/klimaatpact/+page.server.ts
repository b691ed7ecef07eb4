import { redirect } from '@sveltejs/kit';
import {
	getPactBackoffice,
	recordOutcome,
	setDwellings
} from '$lib/server/features/climate-pact/climate-pact.admin.service';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(event, getPactBackoffice(event.locals.ctx, undefined)),
	...flashOf(event.url)
});

const here = (event: { params: { municipality: string } }, done: string) =>
	withFlash(`/${event.params.municipality}/beheer/klimaatpact`, done);

export const actions: Actions = {
	record: async (event) => {
		const values = textFields(await event.request.formData(), [
			'target',
			'kind',
			'quantity',
			'occurredOn',
			'note'
		]);
		const result = await backofficeAction(event, recordOutcome(event.locals.ctx, values), {
			...values,
			form: 'record'
		});
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'geregistreerd'));
	},
	dwellings: async (event) => {
		const values = textFields(await event.request.formData(), ['dwellings']);
		const result = await backofficeAction(event, setDwellings(event.locals.ctx, values), {
			...values,
			form: 'dwellings'
		});
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'woningen'));
	}
};
