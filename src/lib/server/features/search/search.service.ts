// The site-wide search: the query read once (platform/search.ts), then every feature's `search` part of the
// registry asked for its public matches in the municipalities in scope, grouped by kind in a fixed order.
// Events get their group when the events feature declares its part; nothing here names a feature.
import type { Ctx } from '$lib/server/platform/context';
import { SEARCH_KINDS, type SearchHit, type SearchKind } from '$lib/server/platform/feature';
import { parseSearch, SEARCH_MAX_LENGTH } from '$lib/server/platform/search';
import { listAllMunicipalities } from '$lib/server/features/municipalities/municipalities.service';

/** Results shown per kind; the group says how many there are in all. */
export const SEARCH_GROUP_LIMIT = 10;
/** What a refused query is shown back as: long enough to see what was typed, short enough for the page. */
const SHOWN_MAX_LENGTH = SEARCH_MAX_LENGTH * 2;

export interface SearchGroup {
	kind: SearchKind;
	total: number;
	hits: SearchHit[];
}

export interface SiteSearch {
	/** The query as typed (for the field), cut to a length the page can show. */
	q: string;
	/** Why nothing was searched: the message beside the field. */
	error: 'search.errors.tooLong' | 'search.errors.noWords' | null;
	/** Whether a search ran (a query with words, not refused). */
	searched: boolean;
	/** The municipality searched, or null for every participating municipality of the region. */
	scope: { slug: string; name: string; participating: boolean } | null;
	groups: SearchGroup[];
	total: number;
}

/**
 * Searches the public content of the municipality in ctx (its pages' search), or of every participating
 * municipality (the region's). A municipality that does not take part has nothing to find.
 */
export async function searchSite(ctx: Ctx, input: { q: string | null }): Promise<SiteSearch> {
	const typed = (input.q ?? '').trim();
	const all = await listAllMunicipalities(ctx);
	const here = ctx.tenant ? all.find((m) => m.id === ctx.tenant!.id) : undefined;
	const scope = here ? { slug: here.slug, name: here.name, participating: here.participating } : null;
	const result: SiteSearch = {
		q: typed.slice(0, SHOWN_MAX_LENGTH),
		error: null,
		searched: false,
		scope,
		groups: [],
		total: 0
	};
	if (!typed) return result;
	if (typed.length > SEARCH_MAX_LENGTH) return { ...result, error: 'search.errors.tooLong' };
	const terms = parseSearch(typed);
	if (!terms) return { ...result, error: 'search.errors.noWords' };

	const municipalityIds = here
		? here.participating
			? [here.id]
			: []
		: all.filter((m) => m.participating).map((m) => m.id);
	const now = new Date();
	const parts = ctx.features.flatMap((f) => (f.search ? [f.search] : []));
	const found = await Promise.all(
		parts.map(async (part) => ({
			kind: part.kind,
			...(await part.find(ctx, { terms, municipalityIds, now, limit: SEARCH_GROUP_LIMIT }))
		}))
	);
	const groups = SEARCH_KINDS.flatMap((kind) => found.filter((g) => g.kind === kind && g.total > 0));
	return { ...result, searched: true, groups, total: groups.reduce((n, g) => n + g.total, 0) };
}
