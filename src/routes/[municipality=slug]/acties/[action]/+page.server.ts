import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { followAction, getActionPage, unfollowAction } from '$lib/server/features/actions/actions.service';
import { parseActionParam } from '$lib/server/features/actions/actions.schemas';
import { actionJsonLd, serializeJsonLd } from '$lib/server/features/actions/actions.present';
import { loginFirst } from '$lib/server/features/profile/profile.http';
import { orErrorPage, orFail } from '$lib/server/platform/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function target(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const parsed = parseActionParam(event.params.action);
	if (!parsed)
		error(404, {
			message: translate(event.locals.locale, 'errors.notFound'),
			requestId: event.locals.requestId
		});
	return { ctx: { ...event.locals.ctx, tenant: event.locals.municipality!.tenant }, parsed };
}

export const load: PageServerLoad = async (event) => {
	const { ctx, parsed } = target(event);
	const page = await orErrorPage(getActionPage(ctx, parsed), event);
	// An old or mistyped slug: one address per action, for people, search engines and shared links.
	if (page.redirectTo) redirect(301, `${page.redirectTo}${event.url.search}`);
	const origin = event.url.origin;
	return {
		...page,
		canonicalUrl: `${origin}${page.action.path}`,
		imageUrl: page.action.image ? `${origin}${page.action.image.url}` : null,
		jsonLd: serializeJsonLd(actionJsonLd(page.action, origin)),
		loginHref: loginFirst(page.action.path),
		loggedIn: Boolean(event.locals.ctx.actor)
	};
};

async function change(event: RequestEvent, follow: boolean) {
	const { ctx, parsed } = target(event);
	// A visitor (or a session that ran out) logs in first and comes back to the action.
	if (!ctx.actor) redirect(303, loginFirst(event.url.pathname));
	const result = await orFail(
		follow ? followAction(ctx, { id: parsed.id }) : unfollowAction(ctx, { id: parsed.id }),
		event,
		{}
	);
	if (!result.ok) return result.failure;
	return { changed: follow ? ('followed' as const) : ('unfollowed' as const) };
}

export const actions: Actions = {
	follow: (event) => change(event, true),
	unfollow: (event) => change(event, false)
};
