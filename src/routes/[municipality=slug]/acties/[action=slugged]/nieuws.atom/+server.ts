import { actionNewsFeed } from '$lib/server/features/actions/actions.news';
import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import { atomResponse } from '$lib/server/platform/news';
import type { RequestHandler } from './$types';

/** One action's news as an Atom feed: its updates and its events' reports (public). */
export const GET: RequestHandler = async (event) => {
	const feed = await orErrorPage(
		actionNewsFeed(tenantContext(event), { unverifiedAction: event.params.action, origin: event.url.origin }),
		event
	);
	return atomResponse(event.request, feed);
};
