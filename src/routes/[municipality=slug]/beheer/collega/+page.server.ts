import { redirect, type RequestEvent } from '@sveltejs/kit';
import { changeColleagueFollows, getColleaguePage } from '$lib/server/features/colleagues/colleagues.service';
import type { Actions, PageServerLoad } from './$types';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import { backofficeAction } from '$lib/server/platform/http';
import { listField } from '$lib/server/platform/forms';

export const load: PageServerLoad = listLoad(
	'follows',
	{ q: 'zoek', kind: 'soort', state: 'volg', page: 'pagina' },
	getColleaguePage
);

/** Follows or stops following the ticked rows (or the one row whose button was pressed), then back to the list. */
async function change(event: RequestEvent, following: boolean) {
	const form = await event.request.formData();
	// A row's own button sends that row (`rij`) alone, whatever else is ticked; the bulk buttons the ticked rows.
	const row = form.get('rij');
	const subjects = typeof row === 'string' && row ? [row] : listField(form, 'onderwerp');
	const result = await backofficeAction(
		event,
		changeColleagueFollows(event.locals.ctx, { subjects, following }),
		{ form: following ? 'follow' : 'unfollow' }
	);
	if (!result.ok) return result.failure;
	// Back to the same filters and page, with the message.
	const back = new URLSearchParams(event.url.search);
	for (const name of [...back.keys()]) if (name.startsWith('/')) back.delete(name);
	for (const name of ['gelukt', 'aantal', 'selecteer']) back.delete(name);
	const changed = result.value.changed;
	back.set('gelukt', changed === 0 ? 'niets' : following ? 'gevolgd' : 'ontvolgd');
	back.set('aantal', String(changed));
	redirect(303, `${event.url.pathname}?${back}`);
}

export const actions: Actions = {
	follow: (event) => change(event, true),
	unfollow: (event) => change(event, false)
};
