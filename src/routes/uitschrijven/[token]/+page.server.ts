// The one-click unsubscribe link of every notification mail (RFC 8058). Opening it changes nothing (mail
// scanners open links); its button posts, and so does a mail program's one-click: a POST with the body
// `List-Unsubscribe=One-Click`, without cookies or an Origin (hooks.server.ts lets exactly this path through).
import {
	inspectUnsubscribeLink,
	unsubscribeByLink
} from '$lib/server/features/notifications/notifications.service';
import type { Actions, PageServerLoad } from './$types';

// Never page-cached: /uitschrijven is private in platform/page-cache.ts.
export const load: PageServerLoad = async (event) => ({
	view: await inspectUnsubscribeLink(event.locals.ctx, { unverifiedToken: event.params.token })
});

export const actions: Actions = {
	default: async (event) => {
		const done = await unsubscribeByLink(event.locals.ctx, { unverifiedToken: event.params.token });
		return { done };
	}
};
