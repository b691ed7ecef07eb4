import { redirect } from '@sveltejs/kit';
import {
	followAction,
	getActionPage,
	keepFollowIntent,
	unfollowAction
} from '$lib/server/features/actions/actions.service';
import { actionJsonLd, serializeJsonLd } from '$lib/server/features/actions/actions.present';
import { listEventsOfAction } from '$lib/server/features/events/events.browse.service';
import { getPublicPlanParts } from '$lib/server/features/climate-plan/climate-plan.service';
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
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { parseSluggedId } from '$lib/domain/ids';

function target(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const parsed = parseSluggedId(event.params.action);
	if (!parsed) notFoundPage(event);
	return { ctx: tenantContext(event), parsed };
}

export const load: PageServerLoad = async (event) => {
	const { ctx, parsed } = target(event);
	// After a login that began with "Volg deze actie": ?concept= holds that wish, for that person only.
	const unverifiedDraftId = event.url.searchParams.get('concept');
	const [page, { upcoming: events, reports }, planParts] = await Promise.all([
		orErrorPage(getActionPage(ctx, { ...parsed, unverifiedDraftId }), event),
		listEventsOfAction(ctx, { actionId: parsed.id }),
		// What the municipality chose to show of the plan actions linked to this action (climate-plan).
		getPublicPlanParts(ctx, { actionId: parsed.id })
	]);
	// An old or mistyped slug: one address per action, for people, search engines and shared links.
	if (page.redirectTo) redirect(301, `${page.redirectTo}${event.url.search}`);
	const origin = event.url.origin;
	return {
		...page,
		events,
		reports,
		planParts,
		canonicalUrl: `${origin}${page.action.path}`,
		// Discovery for content management systems that embed by address (oEmbed: the action's widget).
		oembedUrl: `${origin}/oembed?url=${encodeURIComponent(`${origin}${page.action.path}`)}&format=json`,
		tiles: getApp().config.tiles,
		imageUrl: page.action.image ? `${origin}${page.action.image.url}` : null,
		jsonLd: serializeJsonLd(actionJsonLd(page.action, origin)),
		loginHref: loginUrl(page.action.path),
		loggedIn: Boolean(event.locals.ctx.actor),
		confirmation: FOLLOWED[flashOf(event.url).done ?? ''] ?? null
	};
};

// The message after following or unfollowing, by its name in the address (?gelukt=…).
const FOLLOWED: Record<string, 'followed' | 'unfollowed'> = {
	gevolgd: 'followed',
	'niet-meer-gevolgd': 'unfollowed'
};

async function change(event: RequestEvent, follow: boolean) {
	const { ctx, parsed } = target(event);
	// A visitor (or a session that ran out) logs in first and comes back to the action; the wish to follow
	// is kept across the login, and the page asks to confirm it (one POST, no change on a GET).
	if (!ctx.actor) {
		if (!follow) redirectToLogin(event);
		const wish = await keepFollowIntent(ctx, { id: parsed.id, returnTo: event.url.pathname });
		redirectToLogin(event, { requestId: wish });
	}
	const result = await orFail(
		follow ? followAction(ctx, { id: parsed.id }) : unfollowAction(ctx, { id: parsed.id }),
		event,
		{}
	);
	if (!result.ok) return result.failure;
	// Post/redirect/get: back to the action (the follow card), so a reload posts nothing.
	redirect(303, `${withFlash(event.url.pathname, follow ? 'gevolgd' : 'niet-meer-gevolgd')}#volgen`);
}

export const actions: Actions = {
	follow: (event) => change(event, true),
	unfollow: (event) => change(event, false)
};
