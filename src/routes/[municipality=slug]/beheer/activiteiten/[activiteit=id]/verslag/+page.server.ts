import { redirect } from '@sveltejs/kit';
import { getReportForm, saveReport } from '$lib/server/features/events/events.report.service';
import { REPORT_CHOSEN_MAX } from '$lib/server/features/events/events.admin.schemas';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf, withFlash } from '$lib/server/platform/backoffice-pages';
import { listField, textFields } from '$lib/server/platform/forms';

/** The answer fields, one per suggestion (`answer.{id}`), at most as many as suggestions a report may choose. */
function answersOf(form: FormData): Record<string, string> {
	const answers: Record<string, string> = {};
	let count = 0;
	for (const [name, value] of form) {
		if (!name.startsWith('answer.') || typeof value !== 'string') continue;
		if (++count > REPORT_CHOSEN_MAX * 3) break;
		answers[name.slice('answer.'.length)] = value;
	}
	return answers;
}

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getReportForm(event.locals.ctx, { unverifiedEventId: event.params.activiteit })
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	// Save as a draft or publish (the button pressed), adding the photo chosen; refused: the page again with
	// everything typed (a file cannot be given back: the form asks to choose it again).
	default: async (event) => {
		const form = await event.request.formData();
		const text = textFields(form, ['report', 'attendance', 'sharedAnswer', 'photoAlt', 'intent']);
		const chosen = listField(form, 'chosen', REPORT_CHOSEN_MAX);
		const answers = answersOf(form);
		const file = form.get('photo');
		const result = await backofficeAction(
			event,
			saveReport(event.locals.ctx, {
				...text,
				chosen,
				answers,
				photo: file instanceof File && file.size > 0 ? file : null,
				unverifiedEventId: event.params.activiteit,
				origin: event.url.origin
			}),
			{ ...text, chosen, answers }
		);
		if (!result.ok) return result.failure;
		if (result.value.published)
			redirect(303, withFlash(event.url.pathname, 'gepubliceerd', result.value.mailed));
		redirect(303, withFlash(event.url.pathname, text.intent === 'publish' ? 'bijgewerkt' : 'bewaard'));
	}
};
