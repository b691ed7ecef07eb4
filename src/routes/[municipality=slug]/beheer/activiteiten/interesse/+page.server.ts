import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import {
	addOfflinePeople,
	getOfflineList,
	lineProblemsOf,
	type LineProblem
} from '$lib/server/features/events/events.offline.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import type { Actions, PageServerLoad } from './$types';

// The list of people who showed interest outside the platform: search it (a GET form, ?q=), add several at
// once from a textarea of "naam, e-mail" lines (a POST; a refusal names each wrong line and keeps the text).
export const load: PageServerLoad = async (event) => ({
	list: await backofficeLoad(
		event,
		getOfflineList(event.locals.ctx, { unverifiedQuery: event.url.searchParams.get('q') })
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	add: async (event) => {
		const fields = textFields(await event.request.formData(), ['lijst', 'datum', 'hoe']);
		let lines: LineProblem[] = [];
		const result = await backofficeAction(
			event,
			addOfflinePeople(event.locals.ctx, {
				lines: fields.lijst,
				agreedOn: fields.datum,
				agreedHow: fields.hoe
			}).catch((err: unknown) => {
				lines = lineProblemsOf(err);
				throw err;
			}),
			fields
		);
		if (!result.ok) {
			const locale = event.locals.locale;
			return fail(result.failure.status, {
				...result.failure.data,
				lines: lines.map((l) => translate(locale, `eventsOffline.errors.line.${l.problem}`, { line: l.line }))
			});
		}
		redirect(303, withFlash(event.url.pathname, 'toegevoegd', result.value.added));
	}
};
