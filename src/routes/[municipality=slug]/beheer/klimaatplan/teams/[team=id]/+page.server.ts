import { redirect } from '@sveltejs/kit';
import {
	addMembersToTeam,
	editTeam,
	getTeamPage
} from '$lib/server/features/climate-plan/climate-plan.teams';
import { flashOf } from '$lib/server/platform/flash';
import { listField, textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => ({
	page: await backofficeLoad(event, getTeamPage(event.locals.ctx, { unverifiedId: event.params.team })),
	...flashOf(event.url)
});

const here = (event: RequestEvent, done: string, count?: number) =>
	`/${event.params.municipality}/beheer/klimaatplan/teams/${event.params.team}?gelukt=${done}${count === undefined ? '' : `&aantal=${count}`}`;

export const actions: Actions = {
	edit: async (event) => {
		const values = textFields(await event.request.formData(), ['name', 'theme', 'lead']);
		const result = await backofficeAction(
			event,
			editTeam(event.locals.ctx, { ...values, unverifiedId: event.params.team }),
			{ ...values, form: 'edit' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'bewaard'));
	},
	members: async (event) => {
		const members = listField(await event.request.formData(), 'members', 100);
		const result = await backofficeAction(
			event,
			addMembersToTeam(event.locals.ctx, { members, unverifiedId: event.params.team }),
			{ members, form: 'members' }
		);
		if (!result.ok) return result.failure;
		redirect(303, here(event, 'leden', result.value.added));
	}
};
