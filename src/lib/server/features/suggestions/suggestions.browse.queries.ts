// Queries of the public map and list of an opportunity: pages, keyset pages, points and grid clusters of
// listed suggestions. Each takes the database first and the municipality id in its params and its where.
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { changedSince, microsOf, type ChangedRow, type SyncQuery } from '$lib/server/platform/api-sync';
import { suggestionSearchVector, suggestionVotes, suggestions, themes } from '$lib/server/db/schema';
import { distanceMetresSql } from '$lib/server/platform/geo/geo.sql';
import type { DecisionStatus, SuggestionStatus } from '$lib/domain/suggestions';
import { isListed } from './suggestions.queries';

export interface ListedFilters {
	municipalityId: string;
	opportunityId: number;
	/** Only these suggestions (the sync's page). */
	ids?: number[];
	themeSlug?: string;
	status?: DecisionStatus;
	/** Dutch full-text search; already trimmed and limited by the schema. */
	q?: string;
}

export interface Near {
	lat: number;
	lng: number;
	radiusMetres: number;
}

/** Web Mercator box (x east, y south, both in [0, 1]). */
export interface MercatorBox {
	minX: number;
	maxX: number;
	minY: number;
	maxY: number;
}

const tsQuery = (q: string) => sql`websearch_to_tsquery('dutch', meedoen_unaccent(${q}))`;

/** Distance in metres from a point to a suggestion's place (null without a place). */
function distanceTo(point: { lat: number; lng: number }): SQL<number | null> {
	return distanceMetresSql(suggestions, point);
}

function listedWhere(f: ListedFilters): SQL[] {
	const conditions: SQL[] = [
		eq(suggestions.municipalityId, f.municipalityId),
		eq(suggestions.opportunityId, f.opportunityId),
		isListed()
	];
	if (f.ids) conditions.push(inArray(suggestions.id, f.ids));
	if (f.status) conditions.push(eq(suggestions.status, f.status));
	if (f.themeSlug)
		conditions.push(
			sql`${suggestions.themeId} = (select ${themes.id} from ${themes} where ${themes.municipalityId} = ${f.municipalityId} and ${themes.slug} = ${f.themeSlug})`
		);
	if (f.q)
		conditions.push(sql`${suggestionSearchVector(suggestions.title, suggestions.body)} @@ ${tsQuery(f.q)}`);
	return conditions;
}

/**
 * Every suggestion of the opportunity, listed or not, changed at or after the sync's moment, oldest change
 * first (a trigger keeps updated_at true on every update: votes, comments, moderation, the story).
 */
export async function listSuggestionChanges(
	db: Db,
	params: { municipalityId: string; opportunityId: number; query: SyncQuery }
): Promise<ChangedRow[]> {
	return db
		.select({ id: suggestions.id, micros: microsOf(sql`${suggestions.updatedAt}`) })
		.from(suggestions)
		.where(
			and(
				eq(suggestions.municipalityId, params.municipalityId),
				eq(suggestions.opportunityId, params.opportunityId),
				changedSince(sql`${suggestions.updatedAt}`, sql`${suggestions.id}`, params.query)
			)
		)
		.orderBy(asc(suggestions.updatedAt), asc(suggestions.id))
		.limit(params.query.limit + 1);
}

/** The listed ones among these suggestions of the opportunity, as the list reads them. */
export async function listListedSuggestionsByIds(
	db: Db,
	params: { municipalityId: string; opportunityId: number; ids: number[] }
): Promise<ListedSuggestionRow[]> {
	if (params.ids.length === 0) return [];
	const rows = await db
		.select(cardColumns)
		.from(suggestions)
		.where(and(...listedWhere(params)));
	return rows.map((r) => ({ ...r, distance: null }));
}

/** A bounding box around the circle first (served by the grid index), then the exact distance. */
function nearWhere(near: Near): SQL[] {
	const dLat = near.radiusMetres / 111_320;
	const dLng = near.radiusMetres / (111_320 * Math.max(0.01, Math.cos((near.lat * Math.PI) / 180)));
	return [
		sql`${suggestions.lat} between ${near.lat - dLat} and ${near.lat + dLat}`,
		sql`${suggestions.lng} between ${near.lng - dLng} and ${near.lng + dLng}`,
		sql`${distanceTo(near)} <= ${near.radiusMetres}`
	];
}

const publishedAt = sql`coalesce(${suggestions.publishedAt}, ${suggestions.createdAt})`;

const cardColumns = {
	id: suggestions.id,
	slug: suggestions.slug,
	title: suggestions.title,
	status: suggestions.status,
	placeName: suggestions.placeName,
	lat: suggestions.lat,
	lng: suggestions.lng,
	voteCount: suggestions.voteCount,
	commentCount: suggestions.commentCount,
	publishedAt: sql<Date>`${publishedAt}`.mapWith(suggestions.publishedAt),
	publishedMicros: sql<string>`(extract(epoch from ${publishedAt}) * 1000000)::bigint::text`,
	updatedAt: suggestions.updatedAt,
	themeSlug: sql<
		string | null
	>`(select ${themes.slug} from ${themes} where ${themes.id} = ${suggestions.themeId} and ${themes.municipalityId} = ${suggestions.municipalityId})`,
	themeName: sql<
		string | null
	>`(select ${themes.name} from ${themes} where ${themes.id} = ${suggestions.themeId} and ${themes.municipalityId} = ${suggestions.municipalityId})`
};

export type ListedSuggestionRow = {
	id: number;
	slug: string;
	title: string;
	status: SuggestionStatus;
	placeName: string | null;
	lat: number | null;
	lng: number | null;
	voteCount: number;
	commentCount: number;
	publishedAt: Date;
	publishedMicros: string;
	updatedAt: Date;
	themeSlug: string | null;
	themeName: string | null;
	distance: number | null;
};

export type PageSort = 'votes' | 'newest' | 'distance';

/**
 * One page of listed suggestions with the total (a window over the same rows, so one statement), by offset
 * (the page's numbered pagination). It is the same for everyone: a person's own support is listOwnSupport.
 */
export async function listListedSuggestions(
	db: Db,
	params: ListedFilters & { near?: Near; sort: PageSort; limit: number; offset: number }
): Promise<{ rows: ListedSuggestionRow[]; total: number }> {
	const conditions = listedWhere(params);
	if (params.near) conditions.push(...nearWhere(params.near));
	const where = and(...conditions);
	const distance = params.near ? distanceTo(params.near) : sql<null>`null::float8`;
	const order =
		params.sort === 'distance' && params.near
			? [asc(distance), desc(suggestions.voteCount), desc(suggestions.id)]
			: params.sort === 'newest'
				? [desc(publishedAt), desc(suggestions.id)]
				: [desc(suggestions.voteCount), desc(suggestions.id)];
	const rows = await db
		.select({
			...cardColumns,
			distance: sql<number | null>`${distance}`,
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(suggestions)
		.where(where)
		.orderBy(...order)
		.limit(params.limit)
		.offset(params.offset);
	const first = rows[0];
	// A page past the end has no rows to carry the window's total: ask for it on its own.
	const total = first
		? first.total
		: params.offset > 0
			? await db
					.select({ n: sql<number>`count(*)::int` })
					.from(suggestions)
					.where(where)
					.then(([row]) => Number(row?.n ?? 0))
			: 0;
	return {
		rows: rows.map(({ total: _total, ...r }) => ({
			...r,
			distance: r.distance === null ? null : Number(r.distance)
		})),
		total
	};
}

/**
 * The suggestions of an opportunity a person supports (a handful; at most the vote limit where there is one):
 * beside a shared page of the list, their own support of its rows and how many they support in all.
 */
export async function listOwnSupport(
	db: Db,
	params: { municipalityId: string; opportunityId: number; userId: string }
): Promise<number[]> {
	const rows = await db
		.select({ id: suggestionVotes.suggestionId })
		.from(suggestionVotes)
		.where(
			and(
				eq(suggestionVotes.municipalityId, params.municipalityId),
				eq(suggestionVotes.opportunityId, params.opportunityId),
				eq(suggestionVotes.userId, params.userId)
			)
		);
	return rows.map((r) => r.id);
}

export type KeysetCursor =
	{ sort: 'votes'; votes: number; id: number } | { sort: 'newest'; micros: string; id: number };

/** Listed suggestions after a cursor (the API): no gaps or repeats, also with equal vote counts. */
export async function listListedSuggestionsAfter(
	db: Db,
	params: ListedFilters & { sort: 'votes' | 'newest'; after?: KeysetCursor; limit: number }
): Promise<ListedSuggestionRow[]> {
	const conditions = listedWhere(params);
	const after = params.after;
	if (after?.sort === 'votes')
		conditions.push(
			sql`(${suggestions.voteCount}, ${suggestions.id}) < (${after.votes}::integer, ${after.id}::integer)`
		);
	if (after?.sort === 'newest')
		conditions.push(
			sql`(${publishedAt}, ${suggestions.id}) < (timestamptz 'epoch' + ${after.micros}::bigint * interval '1 microsecond', ${after.id}::integer)`
		);
	const order =
		params.sort === 'newest'
			? [desc(publishedAt), desc(suggestions.id)]
			: [desc(suggestions.voteCount), desc(suggestions.id)];
	const rows = await db
		.select(cardColumns)
		.from(suggestions)
		.where(and(...conditions))
		.orderBy(...order)
		.limit(params.limit);
	return rows.map((r) => ({ ...r, distance: null }));
}

function boxWhere(box: MercatorBox): SQL[] {
	return [
		sql`${suggestions.x} between ${box.minX}::float8 and ${box.maxX}::float8`,
		sql`${suggestions.y} between ${box.minY}::float8 and ${box.maxY}::float8`
	];
}

/** Listed suggestions with a place (in the box when given), most supported first, at most `limit`. */
export async function listListedPoints(db: Db, params: ListedFilters & { box?: MercatorBox; limit: number }) {
	const conditions = listedWhere(params);
	conditions.push(sql`${suggestions.lat} is not null`);
	if (params.box) conditions.push(...boxWhere(params.box));
	return db
		.select({
			id: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			status: suggestions.status,
			placeName: suggestions.placeName,
			lat: sql<number>`${suggestions.lat}`,
			lng: sql<number>`${suggestions.lng}`,
			voteCount: suggestions.voteCount,
			commentCount: suggestions.commentCount
		})
		.from(suggestions)
		.where(and(...conditions))
		.orderBy(desc(suggestions.voteCount), desc(suggestions.id))
		.limit(params.limit);
}

export interface ClusterRow {
	count: number;
	lat: number;
	lng: number;
	/** The cell on the grid (floor of x and y over the cell size): what listClusterMembers names too. */
	cellX: number;
	cellY: number;
	/** Set only for a cell holding one suggestion. */
	id: number | null;
	slug: string | null;
	title: string | null;
	status: SuggestionStatus | null;
	voteCount: number | null;
}

/**
 * Listed suggestions in the box grouped on a grid of cells `size` wide (in Mercator units), anchored at the
 * origin so cells stay put while the map pans. Fullest cells first, at most `limit`. The grouping carries only
 * counts, centroids and the id of one-suggestion cells (min() of one row is that row); the fields of those
 * single points come after by primary key, which is cheaper than aggregating text over every row.
 */
export async function listClusters(
	db: Db,
	params: ListedFilters & { box: MercatorBox; size: number; limit: number }
): Promise<ClusterRow[]> {
	const size = sql`${params.size}::float8`;
	const cells = await db
		.select({
			count: sql<number>`count(*)::int`,
			lat: sql<number>`avg(${suggestions.lat})`,
			lng: sql<number>`avg(${suggestions.lng})`,
			cellX: sql<number>`min(floor(${suggestions.x} / ${size}))::int`,
			cellY: sql<number>`min(floor(${suggestions.y} / ${size}))::int`,
			id: sql<number | null>`case when count(*) = 1 then min(${suggestions.id}) end`
		})
		.from(suggestions)
		.where(and(...listedWhere(params), ...boxWhere(params.box)))
		.groupBy(sql`floor(${suggestions.x} / ${size})`, sql`floor(${suggestions.y} / ${size})`)
		.orderBy(sql`count(*) desc`, sql`min(${suggestions.id})`)
		.limit(params.limit);
	const singleIds = cells.flatMap((c) => (c.id === null ? [] : [Number(c.id)]));
	const singles =
		singleIds.length === 0
			? []
			: await db
					.select({
						id: suggestions.id,
						slug: suggestions.slug,
						title: suggestions.title,
						status: suggestions.status,
						voteCount: suggestions.voteCount
					})
					.from(suggestions)
					.where(
						and(eq(suggestions.municipalityId, params.municipalityId), inArray(suggestions.id, singleIds))
					);
	const byId = new Map(singles.map((s) => [s.id, s]));
	return cells.map((c) => {
		const single = c.id === null ? undefined : byId.get(Number(c.id));
		return {
			count: Number(c.count),
			lat: Number(c.lat),
			lng: Number(c.lng),
			cellX: Number(c.cellX),
			cellY: Number(c.cellY),
			id: single?.id ?? null,
			slug: single?.slug ?? null,
			title: single?.title ?? null,
			status: single?.status ?? null,
			voteCount: single?.voteCount ?? null
		};
	});
}

/**
 * The listed suggestions of the grid's cells in the box (the same grid as listClusters), the most supported first:
 * at most `perCell` of each cell and `limit` in all.
 */
export async function listClusterMembers(
	db: Db,
	params: ListedFilters & { box: MercatorBox; size: number; perCell: number; limit: number }
) {
	const size = sql`${params.size}::float8`;
	const ranked = db
		.select({
			cellX: sql<number>`floor(${suggestions.x} / ${size})::int`.as('cell_x'),
			cellY: sql<number>`floor(${suggestions.y} / ${size})::int`.as('cell_y'),
			rank: sql<number>`row_number() over (partition by floor(${suggestions.x} / ${size}), floor(${suggestions.y} / ${size}) order by ${suggestions.voteCount} desc, ${suggestions.id})`.as(
				'rank'
			),
			id: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			status: suggestions.status,
			voteCount: suggestions.voteCount
		})
		.from(suggestions)
		.where(and(...listedWhere(params), ...boxWhere(params.box)))
		.as('ranked');
	const rows = await db
		.select({
			cellX: ranked.cellX,
			cellY: ranked.cellY,
			id: ranked.id,
			slug: ranked.slug,
			title: ranked.title,
			status: ranked.status,
			voteCount: ranked.voteCount
		})
		.from(ranked)
		.where(lte(ranked.rank, params.perCell))
		.orderBy(ranked.cellX, ranked.cellY, ranked.rank)
		.limit(params.limit);
	return rows.map((r) => ({ ...r, cellX: Number(r.cellX), cellY: Number(r.cellY) }));
}

export type ClusterMemberRow = Awaited<ReturnType<typeof listClusterMembers>>[number];

/** How many listed suggestions with a place lie in the box (to say how much a capped answer left out). */
export async function countListedInBox(db: Db, params: ListedFilters & { box: MercatorBox }) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(suggestions)
		.where(and(...listedWhere(params), ...boxWhere(params.box)));
	return Number(row?.n ?? 0);
}
