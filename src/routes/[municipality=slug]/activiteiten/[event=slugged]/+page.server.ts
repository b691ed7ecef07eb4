import { redirect } from '@sveltejs/kit';
import { getEventPage } from '$lib/server/features/events/events.browse.service';
import {
	cancelRegistration,
	registerForEvent
} from '$lib/server/features/events/events.registrations.service';
import { eventCalendarPath, eventJsonLd } from '$lib/server/features/events/events.browse.present';
import { serializeJsonLd } from '$lib/server/features/actions/actions.present';
import {
	loginUrl,
	notFoundPage,
	orErrorPage,
	orFail,
	redirectToLogin,
	tenantContext
} from '$lib/server/platform/http';
import { getApp } from '$lib/server/platform/runtime';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { getPoolPrompt } from '$lib/server/features/profile/profile.pool';
import { parseSluggedId } from '$lib/domain/ids';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

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
		viewerName: ctx.actor?.displayName ?? null,
		loginHref: loginUrl(page.event.path),
		confirmation: flash && Object.hasOwn(CONFIRMATIONS, flash) ? CONFIRMATIONS[flash as Done] : null,
		// After a registration (or a place on the waiting list): the question whether to join the pool.
		pool: await getPoolPrompt(ctx, {
			done: flash,
			afterContribution: flash === 'ingeschreven' || flash === 'wachtlijst'
		})
	};
};

function text(data: FormData, name: string): string {
	const v = data.get(name);
	return typeof v === 'string' ? v : '';
}

/** Back to the event's page (its registration card) with the message of what was done. */
function done(event: RequestEvent, what: Done): never {
	redirect(303, `${withFlash(event.url.pathname, what)}#inschrijven`);
}

export const actions: Actions = {
	// Logged in: one button (with the event's questions and companions when it asks them); without an
	// account: a name and an address too, and a mail with the link to confirm it.
	register: async (event) => {
		const { ctx, parsed } = target(event);
		const data = await event.request.formData();
		const values: Record<string, string> = {};
		const answers: Record<string, string> = {};
		for (const [name, value] of data) {
			if (typeof value !== 'string') continue;
			values[name] = value;
			if (name.startsWith('answers.')) answers[name.slice('answers.'.length)] = value;
		}
		const result = await orFail(
			registerForEvent(ctx, {
				eventId: parsed.id,
				companions: text(data, 'companions'),
				answers,
				waitlist: text(data, 'waitlist'),
				name: ctx.actor ? undefined : text(data, 'name'),
				email: ctx.actor ? undefined : text(data, 'email'),
				origin: event.url.origin
			}),
			event,
			values,
			{ form: 'register' }
		);
		if (!result.ok) return result.failure;
		const status = result.value.status;
		done(
			event,
			status === 'confirmed' ? 'ingeschreven' : status === 'waitlisted' ? 'wachtlijst' : 'bevestig-je-mail'
		);
	},
	// Logged in, from the page: give the place (or the place on the waitlist) up.
	cancel: async (event) => {
		const { ctx, parsed } = target(event);
		if (!ctx.actor) redirectToLogin(event);
		const result = await orFail(
			cancelRegistration(ctx, { eventId: parsed.id, origin: event.url.origin }),
			event,
			{},
			{ form: 'cancel' }
		);
		if (!result.ok) return result.failure;
		done(event, 'uitgeschreven');
	}
};
