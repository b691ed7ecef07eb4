import { redirect, type RequestEvent } from '@sveltejs/kit';
import {
	addDocument,
	addPhase,
	decideOnProposal,
	getTemplateForKeeper,
	publishTemplate,
	removePhase,
	savePhase,
	saveTemplateDetails,
	unpublishTemplate
} from '$lib/server/features/playbook/playbook.templates.service';
import { flashOf } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(
		event,
		getTemplateForKeeper(event.locals.ctx, { unverifiedSlug: event.params.sjabloon })
	),
	...flashOf(event.url)
});

const here = (event: RequestEvent<{ sjabloon: string }>, done: string, anchor = '') =>
	`/beheer/draaiboek/${event.params.sjabloon}?gelukt=${done}${anchor}`;

export const actions: Actions = {
	details: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'summary', 'theme']);
		const result = await backofficeAction(
			event,
			saveTemplateDetails(event.locals.ctx, { ...values, unverifiedSlug: event.params.sjabloon }),
			{ ...values, form: 'details' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'bewaard'));
	},
	addPhase: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'description', 'duration', 'unit']);
		const result = await backofficeAction(
			event,
			addPhase(event.locals.ctx, { ...values, unverifiedSlug: event.params.sjabloon }),
			{ ...values, form: 'addPhase' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'faseToegevoegd', `#fase-${result.value.key}`));
	},
	savePhase: async (event) => {
		const values = textFields(await event.request.formData(), [
			'phase',
			'title',
			'description',
			'duration',
			'unit'
		]);
		const result = await backofficeAction(
			event,
			savePhase(event.locals.ctx, {
				...values,
				unverifiedSlug: event.params.sjabloon,
				unverifiedPhaseKey: values.phase
			}),
			{ ...values, form: `phase-${values.phase}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'bewaard', `#fase-${values.phase}`));
	},
	removePhase: async (event) => {
		const values = textFields(await event.request.formData(), ['phase', 'confirm']);
		const result = await backofficeAction(
			event,
			removePhase(event.locals.ctx, {
				unverifiedSlug: event.params.sjabloon,
				unverifiedPhaseKey: values.phase,
				confirm: values.confirm
			}),
			{ phase: values.phase, form: `removePhase-${values.phase}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'faseVerwijderd'));
	},
	addDocument: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'kind', 'body']);
		const result = await backofficeAction(
			event,
			addDocument(event.locals.ctx, { ...values, unverifiedSlug: event.params.sjabloon }),
			{ ...values, form: 'addDocument' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'documentToegevoegd', '#documenten'));
	},
	publish: async (event) => {
		const result = await backofficeAction(
			event,
			publishTemplate(event.locals.ctx, { unverifiedSlug: event.params.sjabloon }),
			{ form: 'publish' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'gepubliceerd'));
	},
	unpublish: async (event) => {
		const { confirm } = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(
			event,
			unpublishTemplate(event.locals.ctx, { unverifiedSlug: event.params.sjabloon, confirm }),
			{ form: 'unpublish' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'offline'));
	},
	decide: async (event) => {
		const values = textFields(await event.request.formData(), ['proposal', 'decision', 'confirm']);
		const result = await backofficeAction(
			event,
			decideOnProposal(event.locals.ctx, {
				unverifiedSlug: event.params.sjabloon,
				unverifiedProposalId: values.proposal,
				decision: values.decision,
				confirm: values.confirm
			}),
			// A decline comes back to its own form, the tick box marked.
			{
				proposal: values.proposal,
				decision: values.decision,
				form: values.decision === 'decline' ? `decline-${values.proposal}` : 'decide'
			}
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, result.value.decision === 'accept' ? 'aanvaard' : 'afgewezen', '#voorstellen'));
	}
};
