import { tenantContext } from '$lib/server/platform/http';
import { atomResponse, municipalityNewsFeed } from '$lib/server/platform/news';
import type { RequestHandler } from './$types';

/** The municipality's news as an Atom feed: every feature's published news, newest first (public). */
export const GET: RequestHandler = async (event) => {
	const feed = await municipalityNewsFeed(tenantContext(event), {
		// adapter-node builds the URL from ORIGIN, which production requires: not from the Host header.
		origin: event.url.origin,
		municipalityName: event.locals.municipality!.municipality.name
	});
	return atomResponse(event.request, feed);
};
