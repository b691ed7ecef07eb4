// The page a registration's mail links to (?token=…): confirm the address, or give the place up. It shows
// the event and where the registration stands; only its buttons (POST) change anything, so a mail scanner or a
// preview that opens the link confirms and cancels nothing.
import { redirect } from '@sveltejs/kit';
import {
	cancelRegistration,
	confirmRegistration,
	inspectRegistrationLink
} from '$lib/server/features/events/events.registrations.service';
import { isAppError } from '$lib/server/platform/errors';
import { orFail, tenantContext } from '$lib/server/platform/http';
import { withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantContext(event);
	// One person's registration: never kept in the shared page cache, nor by the browser.
	event.setHeaders({ 'cache-control': 'private, no-store' });
	try {
		const link = await inspectRegistrationLink(ctx, {
			unverifiedToken: event.url.searchParams.get('token') ?? ''
		});
		return { link, token: event.url.searchParams.get('token') ?? '' };
	} catch (err) {
		// A tampered, cut-off or stale link: a calm Dutch text, nothing about whose registration it might be.
		if (isAppError(err) && (err.code === 'bad_request' || err.code === 'not_found'))
			return { link: null, token: '' };
		throw err;
	}
};

function tokenOf(data: FormData): string {
	const v = data.get('token');
	return typeof v === 'string' ? v : '';
}

async function eventPathOf(event: RequestEvent, token: string): Promise<string> {
	const link = await inspectRegistrationLink(tenantContext(event), { unverifiedToken: token });
	return link.event.path;
}

export const actions: Actions = {
	confirm: async (event) => {
		const ctx = tenantContext(event);
		const token = tokenOf(await event.request.formData());
		const result = await orFail(
			confirmRegistration(ctx, { unverifiedToken: token, origin: event.url.origin }),
			event,
			{},
			{ form: 'confirm' }
		);
		if (!result.ok) return result.failure;
		const path = await eventPathOf(event, token);
		redirect(
			303,
			`${withFlash(path, result.value.status === 'confirmed' ? 'ingeschreven' : 'wachtlijst')}#inschrijven`
		);
	},
	cancel: async (event) => {
		const ctx = tenantContext(event);
		const token = tokenOf(await event.request.formData());
		// Where to go afterwards, read before the link's registration is cancelled.
		const path = await eventPathOf(event, token).catch(() => null);
		const result = await orFail(
			cancelRegistration(ctx, { unverifiedToken: token, origin: event.url.origin }),
			event,
			{},
			{ form: 'cancel' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${withFlash(path ?? `/${ctx.tenant.slug}/activiteiten`, 'uitgeschreven')}#inschrijven`);
	}
};
