import { redirect } from '@sveltejs/kit';
import { getStatementSettings, updateStatement } from '$lib/server/features/settings/settings.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = async (event) => ({
	statements: (await backofficeLoad(event, getStatementSettings(event.locals.ctx))).statements,
	...flashOf(event.url)
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
