import { redirect, type RequestEvent } from '@sveltejs/kit';
import {
	addCommunicationMoment,
	getCommunicationPlan,
	markCommunicationPublished,
	moveCommunicationMoment,
	resetCommunicationText,
	saveCommunicationText,
	unmarkCommunicationPublished
} from '$lib/server/features/communication/communication.service';
import { flashOf, withFlash } from '$lib/server/platform/backoffice-pages';
import { listField, textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getCommunicationPlan(event.locals.ctx, { unverifiedId: event.params.plan, origin: event.url.origin })
	),
	...flashOf(event.url)
});

type PlanEvent = RequestEvent<{ municipality: string; plan: string }>;
const here = (event: PlanEvent, done: string, anchor = '') =>
	`${withFlash(`/${event.params.municipality}/beheer/communicatie/${event.params.plan}`, done)}${anchor}`;

export const actions: Actions = {
	save: async (event) => {
		const fields = textFields(await event.request.formData(), ['text', 'subject', 'body']);
		const result = await backofficeAction(
			event,
			saveCommunicationText(event.locals.ctx, {
				unverifiedPlanId: event.params.plan,
				unverifiedTextId: fields.text,
				subject: fields.subject,
				body: fields.body,
				origin: event.url.origin
			}),
			{ form: `text-${fields.text}`, ...fields }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'bewaard', `#tekst-${fields.text}`));
	},
	reset: async (event) => {
		const fields = textFields(await event.request.formData(), ['text', 'confirm']);
		const result = await backofficeAction(
			event,
			resetCommunicationText(event.locals.ctx, {
				unverifiedPlanId: event.params.plan,
				unverifiedTextId: fields.text,
				confirm: fields.confirm
			}),
			{ form: `reset-${fields.text}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'teruggezet', `#tekst-${fields.text}`));
	},
	publish: async (event) => {
		const fields = textFields(await event.request.formData(), ['text']);
		const result = await backofficeAction(
			event,
			markCommunicationPublished(event.locals.ctx, { ids: [fields.text] }),
			{ form: `text-${fields.text}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'gepubliceerd', `#tekst-${fields.text}`));
	},
	unpublish: async (event) => {
		const fields = textFields(await event.request.formData(), ['text']);
		const result = await backofficeAction(
			event,
			unmarkCommunicationPublished(event.locals.ctx, { unverifiedTextId: fields.text }),
			{ form: `text-${fields.text}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'markering', `#tekst-${fields.text}`));
	},
	move: async (event) => {
		const fields = textFields(await event.request.formData(), ['moment', 'dueOn']);
		const result = await backofficeAction(
			event,
			moveCommunicationMoment(event.locals.ctx, {
				unverifiedPlanId: event.params.plan,
				unverifiedMomentId: fields.moment,
				dueOn: fields.dueOn
			}),
			{ form: `moment-${fields.moment}`, ...fields }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'verplaatst', `#moment-${fields.moment}`));
	},
	add: async (event) => {
		const form = await event.request.formData();
		const fields = textFields(form, ['kind', 'dueOn']);
		const channels = listField(form, 'channels', 20);
		const result = await backofficeAction(
			event,
			addCommunicationMoment(event.locals.ctx, { unverifiedPlanId: event.params.plan, ...fields, channels }),
			{ form: 'add', ...fields, channels }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'toegevoegd', `#moment-${result.value.id}`));
	}
};
