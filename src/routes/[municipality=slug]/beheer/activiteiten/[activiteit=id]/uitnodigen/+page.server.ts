import { redirect } from '@sveltejs/kit';
import { getInvitePage, sendInvitations } from '$lib/server/features/events/events.invitations.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { textFields } from '$lib/server/platform/forms';
import type { Actions, PageServerLoad } from './$types';

// Inviting people to an event: choose an audience and count it (a GET form: ?doelgroep=…), then tick and send
// (a POST that keeps ?doelgroep so a refusal shows the count again). Works without JavaScript.
export const load: PageServerLoad = async (event) => ({
	invite: await backofficeLoad(
		event,
		getInvitePage(event.locals.ctx, {
			unverifiedEventId: event.params.activiteit,
			unverifiedAudience: event.url.searchParams.get('doelgroep')
		})
	),
	...flashOf(event.url)
});

export const actions: Actions = {
	send: async (event) => {
		const fields = textFields(await event.request.formData(), ['doelgroep', 'bevestig', 'aantal']);
		const result = await backofficeAction(
			event,
			sendInvitations(event.locals.ctx, {
				unverifiedEventId: event.params.activiteit,
				audience: fields.doelgroep,
				confirmed: fields.bevestig,
				seen: fields.aantal,
				origin: event.url.origin
			}),
			fields
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(event.url.pathname, 'verstuurd', result.value.sent));
	}
};
