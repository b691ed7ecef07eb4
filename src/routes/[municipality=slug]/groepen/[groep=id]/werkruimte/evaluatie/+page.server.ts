import { redirect } from '@sveltejs/kit';
import { addLesson, getEvaluationPage, proposeLesson } from '$lib/server/features/groups/groups.evaluation';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getEvaluationPage(tenantContext(event), { unverifiedId: event.params.groep })
	),
	...flashOf(event.url)
});

const here = (event: { params: { municipality: string; groep: string } }, done: string) =>
	withFlash(`/${event.params.municipality}/groepen/${event.params.groep}/werkruimte/evaluatie`, done);

export const actions: Actions = {
	lesson: async (event) => {
		const values = textFields(await event.request.formData(), ['kind', 'body']);
		const r = await backofficeAction(
			event,
			addLesson(tenantContext(event), { unverifiedId: event.params.groep, values }),
			{ ...values, form: 'lesson' }
		);
		if (!r.ok) return r.failure;
		redirect(303, `${here(event, 'bewaard')}#lessen`);
	},
	propose: async (event) => {
		const values = textFields(await event.request.formData(), ['lesson', 'step']);
		const r = await backofficeAction(
			event,
			proposeLesson(tenantContext(event), {
				unverifiedId: event.params.groep,
				unverifiedLessonId: values.lesson,
				values: { step: values.step }
			}),
			{ ...values, form: `propose-${values.lesson}` }
		);
		if (!r.ok) return r.failure;
		redirect(303, `${here(event, 'voorgesteld')}#les-${values.lesson}`);
	}
};
