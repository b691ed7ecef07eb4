// A municipality's news as an Atom feed (RFC 4287): what the features publish (an action's updates, an event's
// report, a sent newsletter; each feature's `news` part of its manifest), newest first, for feed readers and
// for the municipality's website. The XML is written by the `feed` library (jpmonette/feed: escaping, dates and
// the Atom structure by a library that is widely used, rather than by hand); a stable ETag lets a reader that
// asks again get 304.
import { Feed } from 'feed';
import type { Db } from '$lib/server/db/client';
import { translate, type Locale } from '$lib/i18n';
import type { TenantCtx } from './context';
import type { Features, NewsItem } from './feature';
import { etagOf, feedResponse } from './feed-response';

/** How many entries a feed holds: enough for a reader that looks once a week. */
export const NEWS_LIMIT = 30;

/** Every feature's news of the municipality (or of one action), merged newest first, at most NEWS_LIMIT. */
export async function gatherNews(
	features: Features,
	db: Db,
	scope: {
		municipalityId: string;
		municipalitySlug: string;
		actionId: number | null;
		locale: Locale;
		now?: Date;
	}
): Promise<NewsItem[]> {
	const now = scope.now ?? new Date();
	const parts = await Promise.all(
		features.flatMap((f) => (f.news ? [f.news(db, { ...scope, now, limit: NEWS_LIMIT })] : []))
	);
	return parts
		.flat()
		.sort((a, b) => b.published.getTime() - a.published.getTime() || a.key.localeCompare(b.key))
		.slice(0, NEWS_LIMIT);
}

export interface AtomFeed {
	body: string;
	etag: string;
}

/**
 * The Atom document: its id and self link are the feed's own address, its alternate link the page it belongs
 * to; each entry's id is a tag URI of the site and the item's key, so it stays the same when its text changes.
 */
export function atomFeed(input: {
	origin: string;
	selfPath: string;
	pagePath: string;
	title: string;
	subtitle: string;
	locale: Locale;
	items: NewsItem[];
}): AtomFeed {
	const host = new URL(input.origin).host;
	const feed = new Feed({
		id: `${input.origin}${input.selfPath}`,
		title: input.title,
		description: input.subtitle,
		link: `${input.origin}${input.pagePath}`,
		language: input.locale,
		updated: input.items[0]?.published ?? new Date(0),
		generator: 'Meedoen',
		feedLinks: { atom: `${input.origin}${input.selfPath}` },
		copyright: ''
	});
	for (const item of input.items)
		feed.addItem({
			id: `tag:${host},2026:${item.key}`,
			title: item.title,
			link: `${input.origin}${item.path}`,
			date: item.published,
			published: item.published,
			content: item.html
		});
	const body = feed.atom1();
	return { body, etag: etagOf(body) };
}

/** The municipality's news feed (`/{municipality}/nieuws.atom`): every feature's published news of it. */
export async function municipalityNewsFeed(
	ctx: TenantCtx,
	input: { origin: string; municipalityName: string }
): Promise<AtomFeed> {
	const slug = ctx.tenant.slug;
	const items = await gatherNews(ctx.features, ctx.db, {
		municipalityId: ctx.tenant.id,
		municipalitySlug: slug,
		actionId: null,
		locale: ctx.locale
	});
	const names = { municipality: input.municipalityName };
	return atomFeed({
		origin: input.origin,
		selfPath: `/${slug}/nieuws.atom`,
		pagePath: `/${slug}`,
		title: translate(ctx.locale, 'news.feedTitle', names),
		subtitle: translate(ctx.locale, 'news.feedSubtitle', names),
		locale: ctx.locale,
		items
	});
}

/** The feed as a response: Atom's media type, shared caches may keep it 5 minutes, 304 for a matching ETag. */
export function atomResponse(request: Request, feed: AtomFeed): Response {
	return feedResponse(request, feed, {
		'content-type': 'application/atom+xml; charset=utf-8',
		'cache-control': 'public, max-age=300'
	});
}
