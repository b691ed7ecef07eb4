import { redirect, type RequestEvent } from '@sveltejs/kit';
import * as service from '$lib/server/features/actions/actions.admin.service';
import {
	publishUpdate,
	unpublishUpdate,
	writeUpdate
} from '$lib/server/features/actions/actions.updates.service';
import {
	addOpportunity,
	moveOpportunity
} from '$lib/server/features/opportunities/opportunities.admin.service';
import { actionForm, OPPORTUNITY_FIELDS, UPDATE_FIELDS } from '../form-fields';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		service.getActionForBackoffice(event.locals.ctx, { unverifiedActionId: event.params.actie })
	),
	...flashOf(event.url)
});

function back(event: RequestEvent, done: string, anchor = ''): never {
	redirect(303, `${event.url.pathname}?gelukt=${done}${anchor}`);
}

export const actions: Actions = {
	save: async (event) => {
		const { input, values } = actionForm(await event.request.formData());
		const result = await backofficeAction(
			event,
			service.changeAction(event.locals.ctx, { ...input, unverifiedActionId: event.params.actie }),
			{ ...values, form: 'save' }
		);
		if (!result.ok) return result.failure;
		back(event, 'bewaard');
	},
	publish: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(
			event,
			service.publishAction(event.locals.ctx, { ...values, unverifiedActionId: event.params.actie }),
			{ form: 'publish' }
		);
		if (!result.ok) return result.failure;
		back(event, 'gepubliceerd');
	},
	unpublish: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(
			event,
			service.unpublishAction(event.locals.ctx, { ...values, unverifiedActionId: event.params.actie }),
			{ form: 'unpublish' }
		);
		if (!result.ok) return result.failure;
		back(event, 'offline');
	},
	archive: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(
			event,
			service.archiveAction(event.locals.ctx, { ...values, unverifiedActionId: event.params.actie }),
			{ form: 'archive' }
		);
		if (!result.ok) return result.failure;
		back(event, 'gearchiveerd');
	},
	addOpportunity: async (event) => {
		const values = textFields(await event.request.formData(), OPPORTUNITY_FIELDS);
		const result = await backofficeAction(
			event,
			addOpportunity(event.locals.ctx, { ...values, unverifiedActionId: event.params.actie }),
			{ ...values, form: 'addOpportunity' }
		);
		if (!result.ok) return result.failure;
		back(event, 'kans', '#kansen');
	},
	moveOpportunity: async (event) => {
		const values = textFields(await event.request.formData(), ['opportunity', 'direction']);
		const result = await backofficeAction(
			event,
			moveOpportunity(event.locals.ctx, {
				unverifiedActionId: event.params.actie,
				unverifiedOpportunityId: values.opportunity,
				direction: values.direction
			}),
			{ form: 'moveOpportunity' }
		);
		if (!result.ok) return result.failure;
		back(event, 'verplaatst', '#kansen');
	},
	writeUpdate: async (event) => {
		const values = textFields(await event.request.formData(), UPDATE_FIELDS);
		const result = await backofficeAction(
			event,
			writeUpdate(event.locals.ctx, { ...values, unverifiedActionId: event.params.actie }),
			{ ...values, form: 'writeUpdate' }
		);
		if (!result.ok) return result.failure;
		back(event, result.value.published ? 'updateGepubliceerd' : 'update', '#updates');
	},
	publishUpdate: async (event) => {
		const values = textFields(await event.request.formData(), ['update']);
		const result = await backofficeAction(
			event,
			publishUpdate(event.locals.ctx, {
				unverifiedActionId: event.params.actie,
				unverifiedUpdateId: values.update
			}),
			{ form: 'publishUpdate' }
		);
		if (!result.ok) return result.failure;
		back(event, 'updateGepubliceerd', '#updates');
	},
	unpublishUpdate: async (event) => {
		const values = textFields(await event.request.formData(), ['update']);
		const result = await backofficeAction(
			event,
			unpublishUpdate(event.locals.ctx, {
				unverifiedActionId: event.params.actie,
				unverifiedUpdateId: values.update
			}),
			{ form: 'unpublishUpdate' }
		);
		if (!result.ok) return result.failure;
		back(event, 'updateOffline', '#updates');
	}
};
