import { redirect } from '@sveltejs/kit';
import { checkInByCode, getCheckInCard } from '$lib/server/features/events/events.check-in';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

// The page a registration's QR code opens at the door: who it is, and "Aanwezig melden" (a POST form).
export const load: PageServerLoad = async (event) => ({
	card: await backofficeLoad(
		event,
		getCheckInCard(event.locals.ctx, {
			unverifiedEventId: event.params.activiteit,
			unverifiedCode: event.url.searchParams.get('code')
		})
	),
	code: event.url.searchParams.get('code') ?? '',
	flash: flashOf(event.url)
});

export const actions: Actions = {
	default: async (event) => {
		const code = event.url.searchParams.get('code') ?? '';
		const result = await backofficeAction(
			event,
			checkInByCode(event.locals.ctx, { unverifiedEventId: event.params.activiteit, unverifiedCode: code }),
			{}
		);
		if (!result.ok) return result.failure;
		const done = withFlash(event.url.pathname, result.value.already ? 'al' : 'aanwezig');
		redirect(303, `${done}&code=${encodeURIComponent(code)}`);
	}
};
