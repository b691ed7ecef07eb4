import { redirect } from '@sveltejs/kit';
import { getStatementSettings, updateStatement } from '$lib/server/features/settings/settings.service';
import { backofficeAction, backofficeLoad, textFields } from '$lib/server/features/staff/staff.http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	statements: (await backofficeLoad(event, getStatementSettings(event.locals.ctx))).statements,
	done: event.url.searchParams.get('gelukt')
});

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), ['kind', 'markdown']);
		const result = await backofficeAction(event, updateStatement(event.locals.ctx, values), {
			...values,
			form: values.kind
		});
		if (!result.ok) return result.failure;
		redirect(
			303,
			`${event.url.pathname}?gelukt=${values.kind === 'privacy' ? 'privacy' : 'toegankelijkheid'}`
		);
	}
};
