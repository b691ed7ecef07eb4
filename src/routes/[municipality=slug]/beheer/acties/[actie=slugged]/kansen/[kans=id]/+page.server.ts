import { redirect } from '@sveltejs/kit';
import {
	changeOpportunity,
	getOpportunityForBackoffice,
	removeOpportunity
} from '$lib/server/features/opportunities/opportunities.admin.service';
import {
	changeSuggestionSettings,
	getSuggestionSettingsForBackoffice
} from '$lib/server/features/suggestions/suggestions.settings.service';
import { OPPORTUNITY_FIELDS } from '../../../form-fields';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

/** The action and the opportunity in the address; each use case checks that one belongs to the other. */
const target = (params: { actie: string; kans: string }) => ({
	unverifiedActionId: params.actie,
	unverifiedOpportunityId: params.kans
});

export const load: PageServerLoad = async (event) => {
	const item = await backofficeLoad(
		event,
		getOpportunityForBackoffice(event.locals.ctx, {
			unverifiedActionId: event.params.actie,
			unverifiedOpportunityId: event.params.kans
		})
	);
	return {
		item,
		// Only for an opportunity of kind mapSuggestions, and only for those who moderate (else null).
		suggestionSettings:
			item.opportunity.kind === 'mapSuggestions'
				? await getSuggestionSettingsForBackoffice(event.locals.ctx, target(event.params))
				: null,
		...flashOf(event.url)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const values = textFields(await event.request.formData(), OPPORTUNITY_FIELDS);
		const result = await backofficeAction(
			event,
			changeOpportunity(event.locals.ctx, { ...values, ...target(event.params) }),
			{ ...values, form: 'save' }
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			`/${event.params.municipality}/beheer/acties/${event.params.actie}?gelukt=kansBewaard#kansen`
		);
	},
	suggestionSettings: async (event) => {
		const values = textFields(await event.request.formData(), [
			'moderation',
			'submissionsOpen',
			'votingOpen',
			'voteLimit'
		]);
		const result = await backofficeAction(
			event,
			changeSuggestionSettings(event.locals.ctx, { ...values, ...target(event.params) }),
			{ ...values, form: 'suggestionSettings' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${event.url.pathname}?gelukt=suggestieInstellingen#suggesties`);
	},
	remove: async (event) => {
		const values = textFields(await event.request.formData(), ['confirm']);
		const result = await backofficeAction(
			event,
			removeOpportunity(event.locals.ctx, { ...values, ...target(event.params) }),
			{ form: 'remove' }
		);
		if (!result.ok) return result.failure;
		redirect(
			303,
			`/${event.params.municipality}/beheer/acties/${event.params.actie}?gelukt=kansVerwijderd#kansen`
		);
	}
};
