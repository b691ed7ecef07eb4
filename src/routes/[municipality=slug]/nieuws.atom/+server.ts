import { translate } from '$lib/i18n';
import { tenantContext } from '$lib/server/platform/http';
import { atomFeed, atomResponse, gatherNews } from '$lib/server/platform/news';
import type { RequestHandler } from './$types';

/** The municipality's news as an Atom feed: every feature's published news, newest first (public). */
export const GET: RequestHandler = async (event) => {
	const ctx = tenantContext(event);
	const municipality = event.locals.municipality!.municipality.name;
	const items = await gatherNews(ctx.features, ctx.db, {
		municipalityId: ctx.tenant.id,
		municipalitySlug: ctx.tenant.slug,
		actionId: null,
		locale: ctx.locale
	});
	const feed = atomFeed({
		// adapter-node builds the URL from ORIGIN, which production requires: not from the Host header.
		origin: event.url.origin,
		selfPath: `/${ctx.tenant.slug}/nieuws.atom`,
		pagePath: `/${ctx.tenant.slug}`,
		title: translate(ctx.locale, 'news.feedTitle', { municipality }),
		subtitle: translate(ctx.locale, 'news.feedSubtitle', { municipality }),
		locale: ctx.locale,
		items
	});
	return atomResponse(event.request, feed);
};
