import { redirect } from '@sveltejs/kit';
import {
	addMenuItem,
	approveExpense,
	changeGroup,
	decideSignups,
	getGroupForBackoffice,
	refuseExpense,
	removeMenuItem
} from '$lib/server/features/groups/groups.admin.service';
import { GROUP_FORM_FIELDS } from '$lib/domain/groups';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { listField, textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getGroupForBackoffice(event.locals.ctx, { unverifiedId: event.params.groep })
	),
	...flashOf(event.url)
});

const here = (event: { params: { municipality: string; groep: string } }, done: string, count?: number) =>
	withFlash(`/${event.params.municipality}/beheer/groepen/${event.params.groep}`, done, count);

export const actions: Actions = {
	save: async (event) => {
		const values = textFields(await event.request.formData(), GROUP_FORM_FIELDS);
		const result = await backofficeAction(
			event,
			changeGroup(event.locals.ctx, { ...values, unverifiedId: event.params.groep }),
			{ ...values, form: 'save' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, result.value.changed ? 'bewaard' : 'niets'));
	},
	addMenu: async (event) => {
		const data = await event.request.formData();
		const values = textFields(data, ['title', 'description']);
		const tags = listField(data, 'tags', 10);
		const result = await backofficeAction(
			event,
			addMenuItem(event.locals.ctx, { ...values, tags, unverifiedId: event.params.groep }),
			{ ...values, tags: tags.join(','), form: 'menu' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'menu'));
	},
	removeMenu: async (event) => {
		const { item } = textFields(await event.request.formData(), ['item']);
		const result = await backofficeAction(
			event,
			removeMenuItem(event.locals.ctx, { unverifiedId: event.params.groep, unverifiedItemId: item }),
			{ form: 'menu' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'menuweg'));
	},
	decide: async (event) => {
		const data = await event.request.formData();
		// A row's button posts to `?/decide&rij=…` (that sign-up alone); the bulk button sends the ticked rows.
		// Accepting only: declining goes through ./weigeren, whose tick the service asks for.
		const row = event.url.searchParams.get('rij');
		const ids = typeof row === 'string' && row ? [row] : listField(data, 'aanmelding');
		const { decision } = textFields(data, ['decision']);
		const result = await backofficeAction(
			event,
			decideSignups(event.locals.ctx, { ids, decision, unverifiedId: event.params.groep }),
			{ form: 'decide' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'beslist', result.value.changed));
	},
	approve: async (event) => {
		const { expense } = textFields(await event.request.formData(), ['expense']);
		const result = await backofficeAction(
			event,
			approveExpense(event.locals.ctx, { unverifiedId: event.params.groep, unverifiedExpenseId: expense }),
			{ form: `expense-${expense}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'goedgekeurd'));
	},
	refuse: async (event) => {
		const { expense, reason } = textFields(await event.request.formData(), ['expense', 'reason']);
		const result = await backofficeAction(
			event,
			refuseExpense(event.locals.ctx, {
				unverifiedId: event.params.groep,
				unverifiedExpenseId: expense,
				reason
			}),
			{ reason, form: `expense-${expense}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'geweigerd'));
	}
};
