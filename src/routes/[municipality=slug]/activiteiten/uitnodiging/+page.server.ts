// The page a personal invitation links to (?token=…): the event and one button that registers the invited
// person, without logging in. Opening the link changes nothing (a mail scanner or a preview registers
// nobody); only the button (POST) does, and redirects back here with what it did (?gelukt=…), so a reload
// shows the answer again instead of posting twice.
import { acceptInvitation, inspectInvitation } from '$lib/server/features/events/events.invitations.service';
import { redirect } from '@sveltejs/kit';
import { orFail, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantContext(event);
	// One person's invitation: never kept in the shared page cache, nor by the browser.
	event.setHeaders({ 'cache-control': 'private, no-store' });
	const token = event.url.searchParams.get('token') ?? '';
	const invitation = await inspectInvitation(ctx, { unverifiedToken: token });
	const done = event.url.searchParams.get('gelukt');
	const registered =
		invitation.state === 'registered' && (done === 'confirmed' || done === 'waitlisted') ? done : null;
	return { invitation, token: invitation.state === 'invalid' ? '' : token, registered };
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = tenantContext(event);
		const token = (await event.request.formData()).get('token');
		const result = await orFail(
			acceptInvitation(ctx, { unverifiedToken: token, origin: event.url.origin }),
			event,
			{}
		);
		if (!result.ok) return result.failure;
		const done = result.value.status === 'confirmed' ? 'confirmed' : 'waitlisted';
		const query = new URLSearchParams({ token: String(token ?? ''), gelukt: done });
		redirect(303, `${event.url.pathname}?${query}`);
	}
};
