import { redirect } from '@sveltejs/kit';
import { getEventPage } from '$lib/server/features/events/events.browse.service';
import { eventCalendarPath, eventJsonLd } from '$lib/server/features/events/events.browse.present';
import { serializeJsonLd } from '$lib/server/features/actions/actions.present';
import { loginUrl, notFoundPage, orErrorPage, tenantContext } from '$lib/server/platform/http';
import { getApp } from '$lib/server/platform/runtime';
import { flashOf } from '$lib/server/platform/flash';
import { parseSluggedId } from '$lib/domain/ids';
import type { PageServerLoad, RequestEvent } from './$types';

// The message after each change, by its name in the address (?gelukt=…): post/redirect/get.
const CONFIRMATIONS = {
	ingeschreven: 'registered',
	wachtlijst: 'waitlisted',
	'bevestig-je-mail': 'pending',
	uitgeschreven: 'cancelled'
} as const;
type Done = keyof typeof CONFIRMATIONS;

function target(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const parsed = parseSluggedId(event.params.event);
	if (!parsed) notFoundPage(event);
	return { ctx: tenantContext(event), parsed };
}

export const load: PageServerLoad = async (event) => {
	const { ctx, parsed } = target(event);
	const page = await orErrorPage(getEventPage(ctx, parsed), event);
	// An old or mistyped slug: one address per event, for people, search engines and shared links.
	if (page.redirectTo) redirect(301, `${page.redirectTo}${event.url.search}`);
	const origin = event.url.origin;
	const flash = flashOf(event.url).done;
	return {
		...page,
		canonicalUrl: `${origin}${page.event.path}`,
		calendarHref: eventCalendarPath(page.event),
		jsonLd: serializeJsonLd(eventJsonLd(page.event, origin)),
		tiles: getApp().config.tiles,
		loggedIn: Boolean(ctx.actor),
		loginHref: loginUrl(page.event.path),
		confirmation: flash && Object.hasOwn(CONFIRMATIONS, flash) ? CONFIRMATIONS[flash as Done] : null
	};
};
