// Use cases of browsing an opportunity's suggestions: the page with its list and filters, and the read API
// (list by cursor, GeoJSON, grid clusters for the map). Only listed suggestions ever leave here.
import { MAP_MAX_ZOOM, mercator } from '$lib/domain/suggestions';
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { cached } from '$lib/server/platform/cache';
import { syncPage, type SyncPage, type SyncQuery } from '$lib/server/platform/api-sync';
import { getMunicipalityThemes } from '$lib/server/features/municipalities/municipalities.service';
import type { SearchPart } from '$lib/server/platform/feature';
import { loadOpportunity, suggestionPath, tenantOfOpportunity } from './suggestions.access';
import { getMunicipalityPlace, searchListedSuggestions } from './suggestions.queries';
import {
	countListedInBox,
	listClusterMembers,
	listClusters,
	type ClusterMemberRow,
	listListedPoints,
	listListedSuggestions,
	listListedSuggestionsAfter,
	listListedSuggestionsByIds,
	listSuggestionChanges,
	listOwnSupport,
	type MercatorBox,
	type Near,
	type PageSort
} from './suggestions.browse.queries';
import {
	presentBrowseOpportunity,
	presentCluster,
	presentFeature,
	presentSuggestionCard,
	presentSuggestionListItemApi,
	type BrowseOpportunityView,
	type ClustersApi,
	type SuggestionCardView,
	type SuggestionFeatureCollection,
	type SuggestionListItemApi
} from './suggestions.browse.present';
import {
	CLUSTER_CELL_PX,
	CLUSTER_CELLS_MAX,
	CLUSTER_GRID_MAX,
	CLUSTER_MEMBERS_MAX,
	CLUSTER_MEMBERS_TOTAL,
	encodeCursor,
	GEOJSON_MAX,
	NEAR_RADIUS_METRES,
	PAGE_SIZE,
	type ApiListQuery,
	type Bbox,
	type BrowseFilters,
	type ClustersQuery,
	type GeoJsonQuery
} from './suggestions.browse.schemas';
import type { BrowseSort } from '$lib/components/suggestions/browse-links';

export interface BrowsePage {
	opportunity: BrowseOpportunityView;
	items: SuggestionCardView[];
	total: number;
	page: number;
	pageCount: number;
	/** The order the list is in (nearest first only when there is a place to be near to). */
	sort: BrowseSort;
	/** The place the list is near to: a found address or coordinates from the map. */
	near: { label: string | null; lat: number; lng: number; radiusMetres: number } | null;
	/** Why a typed address was not used: no geolocation service, or it found nothing. */
	nearProblem: 'unavailable' | 'notFound' | null;
	/** For a logged-in person in an opportunity with a vote limit. */
	votes: { limit: number; used: number; remaining: number } | null;
	loggedIn: boolean;
	themes: { slug: string; name: string }[];
	/** Where the map starts when it has nothing else to go by. */
	center: { lat: number; lng: number } | null;
}

/** The page of an opportunity: its list of listed suggestions with filters and numbered pages. */
export async function browseOpportunity(
	ctx: TenantCtx,
	input: { opportunityId: number; filters: BrowseFilters }
): Promise<BrowsePage> {
	const now = new Date();
	const opportunity = await loadOpportunity(ctx, { opportunityId: input.opportunityId, now });
	const f = input.filters;

	let near: BrowsePage['near'] = null;
	let nearProblem: BrowsePage['nearProblem'] = null;
	if (f.near) {
		if (!ctx.geocoder) nearProblem = 'unavailable';
		else {
			const place = await ctx.geocoder.lookup(f.near);
			if (place)
				near = { label: place.label, lat: place.lat, lng: place.lng, radiusMetres: NEAR_RADIUS_METRES };
			else nearProblem = 'notFound';
		}
	} else if (f.point) {
		near = { label: null, ...f.point, radiusMetres: NEAR_RADIUS_METRES };
	}
	const sort: BrowseSort = f.sort === 'afstand' && !near ? 'steun' : f.sort;
	const pageSort: PageSort = sort === 'afstand' ? 'distance' : sort === 'nieuw' ? 'newest' : 'votes';

	const filters = {
		municipalityId: ctx.tenant.id,
		opportunityId: opportunity.id,
		themeSlug: f.theme,
		status: f.status,
		q: f.q
	};
	const nearParams: Near | undefined = near ?? undefined;
	const actor = ctx.actor ?? null;
	const offset = (f.page - 1) * PAGE_SIZE;
	const [{ rows, total }, own, themes, place] = await Promise.all([
		// The ranked page is the same for everyone who asks for it (the sort over every listed suggestion is
		// the costly part): kept like the other shared reads, at most 10 seconds and cleared by any write, so
		// a vote shows at once. What a person sees about themselves is read for them on every request.
		cached(
			ctx.cache,
			`suggestion-page:${ctx.tenant.id}:${JSON.stringify({ ...filters, near: nearParams ?? null, pageSort, offset })}`,
			() =>
				listListedSuggestions(ctx.db, {
					...filters,
					near: nearParams,
					sort: pageSort,
					limit: PAGE_SIZE,
					offset
				})
		),
		actor
			? listOwnSupport(ctx.db, {
					municipalityId: ctx.tenant.id,
					opportunityId: opportunity.id,
					userId: actor.userId
				})
			: null,
		getMunicipalityThemes(ctx, { participating: true }),
		// Where the map starts: the municipality's centre changes (almost) never.
		cached(ctx.cache, `municipality-place:${ctx.tenant.id}`, () =>
			getMunicipalityPlace(ctx.db, { municipalityId: ctx.tenant.id })
		)
	]);

	let votes: BrowsePage['votes'] = null;
	if (own && opportunity.voteLimit) {
		const used = own.length;
		votes = { limit: opportunity.voteLimit, used, remaining: Math.max(0, opportunity.voteLimit - used) };
	}
	const supported = new Set(own ?? []);

	return {
		opportunity: presentBrowseOpportunity(opportunity, now),
		items: rows.map((r) => presentSuggestionCard(r, ctx.tenant.slug, own ? supported.has(r.id) : null)),
		total,
		page: f.page,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		sort,
		near,
		nearProblem,
		votes,
		loggedIn: Boolean(actor),
		themes: themes.map((t) => ({ slug: t.slug, name: t.name })),
		center:
			place && Number.isFinite(place.centerLat) && Number.isFinite(place.centerLng)
				? { lat: Number(place.centerLat), lng: Number(place.centerLng) }
				: null
	};
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

/**
 * The opportunity of an id from the URL, as a visitor sees it: its municipality must take part and its
 * action be public. The open data API answers the same for everyone, so the session plays no part.
 */
async function publicOpportunity(ctx: Ctx, opportunityId: number) {
	const visitor: TenantCtx = { ...(await tenantOfOpportunity(ctx, opportunityId)), actor: undefined };
	const opportunity = await loadOpportunity(visitor, { opportunityId });
	return { ctx: visitor, opportunity };
}

/** The start of a description, on one line, for a search result. */
function excerpt(text: string, max = 160): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length <= max ? line : `${line.slice(0, max).replace(/\s+\S*$/, '')} …`;
}

/**
 * The suggestions' part of the site-wide search: only listed ones (approved, not merged) on a map of a public
 * action, as everyone sees them on the map; never one waiting for moderation, rejected or hidden.
 */
export const searchSuggestions: SearchPart['find'] = async (ctx, input) => {
	const rows = await searchListedSuggestions(ctx.db, input);
	return {
		total: rows[0]?.total ?? 0,
		hits: rows.map((r) => ({
			title: r.title,
			href: suggestionPath(r.municipalitySlug, r),
			summary: excerpt(r.body),
			context: r.actionTitle,
			municipalityName: r.municipalityName
		}))
	};
};

export interface SuggestionListApi {
	data: SuggestionListItemApi[];
	nextCursor: string | null;
}

export async function listSuggestionsForApi(
	ctx: Ctx,
	input: { opportunityId: number; query: ApiListQuery; origin: string }
): Promise<SuggestionListApi> {
	const scoped = await publicOpportunity(ctx, input.opportunityId);
	const { query } = input;
	const rows = await listListedSuggestionsAfter(scoped.ctx.db, {
		municipalityId: scoped.ctx.tenant.id,
		opportunityId: scoped.opportunity.id,
		themeSlug: query.theme,
		status: query.status,
		q: query.q,
		sort: query.sort,
		after: query.cursor,
		limit: query.limit + 1
	});
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		data: page.map((r) => presentSuggestionListItemApi(r, scoped.ctx.tenant.slug, input.origin)),
		nextCursor:
			rows.length > query.limit && last
				? encodeCursor(
						query.sort === 'newest'
							? { sort: 'newest', micros: last.publishedMicros, id: last.id }
							: { sort: 'votes', votes: last.voteCount, id: last.id }
					)
				: null
	};
}

/**
 * The sync of an opportunity's suggestions (`updated_since`): every suggestion changed since, listed ones in
 * `data`, the others (hidden, rejected, merged, back in moderation) as tombstones.
 */
export async function syncSuggestionsForApi(
	ctx: Ctx,
	input: { opportunityId: number; query: SyncQuery; origin: string }
): Promise<SyncPage<SuggestionListItemApi>> {
	const scoped = await publicOpportunity(ctx, input.opportunityId);
	const scope = { municipalityId: scoped.ctx.tenant.id, opportunityId: scoped.opportunity.id };
	const changes = await listSuggestionChanges(scoped.ctx.db, { ...scope, query: input.query });
	return syncPage(scoped.ctx.db, input.query, changes, async (ids) => {
		const rows = await listListedSuggestionsByIds(scoped.ctx.db, { ...scope, ids });
		return new Map(
			rows.map((r) => [r.id, presentSuggestionListItemApi(r, scoped.ctx.tenant.slug, input.origin)])
		);
	});
}

// Mercator is undefined at the poles; web maps stop at this latitude.
const MAX_MERCATOR_LAT = 85.05112878;
const clampLat = (lat: number) => Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));

function mercatorBox(bbox: Bbox): MercatorBox {
	const sw = mercator(clampLat(bbox.minLat), bbox.minLng);
	const ne = mercator(clampLat(bbox.maxLat), bbox.maxLng);
	// y grows southwards: the north edge has the smaller y.
	return { minX: sw.x, maxX: ne.x, minY: ne.y, maxY: sw.y };
}

export async function suggestionsGeoJson(
	ctx: Ctx,
	input: { opportunityId: number; query: GeoJsonQuery; origin: string }
): Promise<SuggestionFeatureCollection> {
	const scoped = await publicOpportunity(ctx, input.opportunityId);
	const rows = await listListedPoints(scoped.ctx.db, {
		municipalityId: scoped.ctx.tenant.id,
		opportunityId: scoped.opportunity.id,
		themeSlug: input.query.theme,
		status: input.query.status,
		box: input.query.bbox ? mercatorBox(input.query.bbox) : undefined,
		limit: GEOJSON_MAX + 1
	});
	return {
		type: 'FeatureCollection',
		features: rows.slice(0, GEOJSON_MAX).map((r) => presentFeature(r, scoped.ctx.tenant.slug, input.origin)),
		truncated: rows.length > GEOJSON_MAX
	};
}

/**
 * The grid's cell size: about CLUSTER_CELL_PX pixels at the zoom (256-pixel tiles, 2^zoom of them across the
 * world), coarser when the box would span more than CLUSTER_GRID_MAX cells, so no box means many cells.
 */
export function clusterCellSize(box: MercatorBox, zoom: number): number {
	const pixelSize = CLUSTER_CELL_PX / (256 * 2 ** zoom);
	return Math.max(
		pixelSize,
		(box.maxX - box.minX) / CLUSTER_GRID_MAX,
		(box.maxY - box.minY) / CLUSTER_GRID_MAX
	);
}

const cellKey = (cell: { cellX: number; cellY: number }) => `${cell.cellX}:${cell.cellY}`;

function membersByCell(rows: ClusterMemberRow[]): Map<string, ClusterMemberRow[]> {
	const byCell = new Map<string, ClusterMemberRow[]>();
	for (const row of rows) {
		const key = cellKey(row);
		const list = byCell.get(key);
		if (list) list.push(row);
		else byCell.set(key, [row]);
	}
	return byCell;
}

export async function clustersForApi(
	ctx: Ctx,
	input: { opportunityId: number; query: ClustersQuery }
): Promise<ClustersApi> {
	const scoped = await publicOpportunity(ctx, input.opportunityId);
	const box = mercatorBox(input.query.bbox);
	const size = clusterCellSize(box, input.query.zoom);
	const filters = {
		municipalityId: scoped.ctx.tenant.id,
		opportunityId: scoped.opportunity.id,
		themeSlug: input.query.theme,
		status: input.query.status,
		box
	};
	const rows = await listClusters(scoped.ctx.db, { ...filters, size, limit: CLUSTER_CELLS_MAX + 1 });
	const truncated = rows.length > CLUSTER_CELLS_MAX;
	const cells = rows.slice(0, CLUSTER_CELLS_MAX);
	const total = truncated
		? await countListedInBox(scoped.ctx.db, filters)
		: cells.reduce((sum, c) => sum + c.count, 0);
	// At the map's closest zoom, zooming in parts nothing more: a cluster then carries its suggestions, so the
	// map can list them (suggestions on one spot are otherwise out of reach on the map).
	const members =
		input.query.zoom >= MAP_MAX_ZOOM && cells.some((c) => c.count > 1)
			? membersByCell(
					await listClusterMembers(scoped.ctx.db, {
						...filters,
						size,
						perCell: CLUSTER_MEMBERS_MAX,
						limit: CLUSTER_MEMBERS_TOTAL
					})
				)
			: null;
	return {
		zoom: input.query.zoom,
		cellSize: size,
		total,
		truncated,
		data: cells.map((c) =>
			presentCluster(c, scoped.ctx.tenant.slug, members ? (members.get(cellKey(c)) ?? []) : undefined)
		)
	};
}
