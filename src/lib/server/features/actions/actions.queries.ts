// Drizzle queries for climate actions. Every query takes the database first (so it works inside a
// transaction) and the municipality id (or ids, for the region) in its params and in its where.
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { changedSince, microsOf, type ChangedRow, type SyncQuery } from '$lib/server/platform/api-sync';
import {
	matchesSearch,
	parseSearch,
	searchRank,
	type SearchTarget,
	type SearchTerms
} from '$lib/server/platform/search';
import {
	actionHistory,
	actionThemes,
	actionUpdates,
	actions,
	municipalities,
	opportunities,
	themes
} from '$lib/server/db/schema';
import type { ActionOwnerKind, ActionStatus } from '$lib/domain/actions';
import type { LadderRung } from '$lib/domain/ladder';

// ---------------------------------------------------------------------------------------------
// Writes (used by the back office; the public side only writes follows)
// ---------------------------------------------------------------------------------------------

export interface ActionFields {
	slug: string;
	title: string;
	summary?: string;
	body?: string;
	decided?: string;
	status?: ActionStatus;
	ownerKind?: ActionOwnerKind;
	ownerName?: string;
	/** ISO dates (yyyy-mm-dd). */
	startsOn?: string | null;
	endsOn?: string | null;
	placeName?: string | null;
	lat?: number | null;
	lng?: number | null;
	imageId?: string | null;
	imageAlt?: string | null;
	links?: { label: string; url: string }[];
}

const actionColumns = {
	id: actions.id,
	municipalityId: actions.municipalityId,
	slug: actions.slug,
	title: actions.title,
	summary: actions.summary,
	body: actions.body,
	decided: actions.decided,
	status: actions.status,
	ownerKind: actions.ownerKind,
	ownerName: actions.ownerName,
	startsOn: actions.startsOn,
	endsOn: actions.endsOn,
	placeName: actions.placeName,
	lat: actions.lat,
	lng: actions.lng,
	imageId: actions.imageId,
	imageAlt: actions.imageAlt,
	links: actions.links,
	publishedAt: actions.publishedAt,
	archivedAt: actions.archivedAt,
	createdBy: actions.createdBy,
	createdAt: actions.createdAt,
	updatedAt: actions.updatedAt
};

/** Any action of this municipality, published or not (the back office); undefined for another's id. */
export async function getAction(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select(actionColumns)
		.from(actions)
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id)))
		.limit(1);
	return row;
}

export type ActionRow = NonNullable<Awaited<ReturnType<typeof getAction>>>;

export async function insertAction(
	db: Db,
	params: ActionFields & { municipalityId: string; createdBy?: string | null }
): Promise<ActionRow> {
	const [row] = await db.insert(actions).values(params).returning(actionColumns);
	if (!row) throw new Error('action not inserted');
	return row;
}

/** Changes the given fields; undefined when the action is not of this municipality. */
export async function updateAction(
	db: Db,
	params: Partial<ActionFields> & { municipalityId: string; id: number }
): Promise<ActionRow | undefined> {
	const { municipalityId, id, ...values } = params;
	const [row] = await db
		.update(actions)
		.set({ ...values, updatedAt: sql`now()` })
		.where(and(eq(actions.municipalityId, municipalityId), eq(actions.id, id)))
		.returning(actionColumns);
	return row;
}

/** Publishing keeps the first publication date, so a republished action keeps its place in lists. */
export async function publishAction(db: Db, params: { municipalityId: string; id: number; at?: Date }) {
	const at = params.at ?? new Date();
	const [row] = await db
		.update(actions)
		.set({ publishedAt: sql`coalesce(${actions.publishedAt}, ${at})`, updatedAt: sql`now()` })
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id)))
		.returning({ id: actions.id, publishedAt: actions.publishedAt });
	return row;
}

export async function unpublishAction(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.update(actions)
		.set({ publishedAt: null, updatedAt: sql`now()` })
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id)))
		.returning({ id: actions.id });
	return row;
}

export async function archiveAction(db: Db, params: { municipalityId: string; id: number; at?: Date }) {
	const [row] = await db
		.update(actions)
		.set({ archivedAt: params.at ?? sql`now()`, updatedAt: sql`now()` })
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id)))
		.returning({ id: actions.id });
	return row;
}

export async function unarchiveAction(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.update(actions)
		.set({ archivedAt: null, updatedAt: sql`now()` })
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id)))
		.returning({ id: actions.id });
	return row;
}

/**
 * Replaces the themes of an action. Theme ids of another municipality are ignored: the insert only
 * takes themes whose municipality is the action's. Returns the theme ids that were set.
 */
export async function setActionThemes(
	db: Db,
	params: { municipalityId: string; actionId: number; themeIds: string[] }
): Promise<string[]> {
	await db
		.delete(actionThemes)
		.where(
			and(eq(actionThemes.municipalityId, params.municipalityId), eq(actionThemes.actionId, params.actionId))
		);
	if (params.themeIds.length === 0) return [];
	const owned = await db
		.select({ id: themes.id })
		.from(themes)
		.innerJoin(
			actions,
			and(eq(actions.id, params.actionId), eq(actions.municipalityId, params.municipalityId))
		)
		.where(and(eq(themes.municipalityId, params.municipalityId), inArray(themes.id, params.themeIds)));
	if (owned.length === 0) return [];
	await db
		.insert(actionThemes)
		.values(
			owned.map((t) => ({ municipalityId: params.municipalityId, actionId: params.actionId, themeId: t.id }))
		)
		.onConflictDoNothing();
	return owned.map((t) => t.id);
}

/** News on an action of this municipality; `publishedAt` null keeps it as a draft. */
export async function insertUpdate(
	db: Db,
	params: {
		municipalityId: string;
		actionId: number;
		title: string;
		body?: string;
		authorId?: string | null;
		authorName: string;
		publishedAt?: Date | null;
	}
) {
	const [owner] = await db
		.select({ id: actions.id })
		.from(actions)
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.actionId)));
	if (!owner) return undefined;
	const [row] = await db.insert(actionUpdates).values(params).returning({
		id: actionUpdates.id,
		actionId: actionUpdates.actionId,
		title: actionUpdates.title,
		publishedAt: actionUpdates.publishedAt
	});
	return row;
}

export async function insertHistory(
	db: Db,
	params: {
		municipalityId: string;
		actionId: number;
		actorId: string | null;
		actorName: string;
		change: string;
		details?: Record<string, unknown>;
	}
) {
	await db.insert(actionHistory).values({ ...params, details: params.details ?? {} });
}

// ---------------------------------------------------------------------------------------------
// Public reads: only published, non-archived actions
// ---------------------------------------------------------------------------------------------

/** Published (possibly scheduled: only once the date has come) and not archived. */
export function isPublic(now: Date): SQL {
	return and(isNotNull(actions.publishedAt), lte(actions.publishedAt, now), isNull(actions.archivedAt))!;
}

/**
 * The public actions of one municipality by title, at most `limit`: what a citizen may link a story to and
 * staff may publish it under. Title and slug only.
 */
export async function listPublicActionTitles(
	db: Db,
	params: { municipalityId: string; now: Date; limit: number }
) {
	return db
		.select({ id: actions.id, slug: actions.slug, title: actions.title })
		.from(actions)
		.where(and(eq(actions.municipalityId, params.municipalityId), isPublic(params.now)))
		.orderBy(asc(actions.title), asc(actions.id))
		.limit(params.limit);
}

export interface ActionFilters {
	/** The municipality, or the participating municipalities for the region. Never empty in a where. */
	municipalityIds: string[];
	themeSlug?: string;
	status?: ActionStatus;
	rung?: LadderRung;
	/** Search words (Dutch, parts of compounds too, platform/search.ts); already trimmed and limited by the schema. */
	q?: string;
	now: Date;
}

/** Where an action's search looks: its folded text (trigram index), title and Dutch full-text vector. */
const searchTarget: SearchTarget = {
	text: sql`${actions.searchText}`,
	title: sql`lower(meedoen_unaccent(${actions.title}))`,
	vector: sql`${actions.search}`
};

/** The condition of a query; a query without any word (only punctuation or emoji) matches nothing. */
function searchWhere(q: string): SQL {
	const terms = parseSearch(q);
	return terms ? matchesSearch(terms, searchTarget) : sql`false`;
}

function filterWhere(f: ActionFilters): SQL {
	const conditions: (SQL | undefined)[] = [
		inArray(actions.municipalityId, f.municipalityIds),
		isPublic(f.now)
	];
	if (f.status) conditions.push(eq(actions.status, f.status));
	if (f.themeSlug)
		conditions.push(
			sql`exists (select 1 from ${actionThemes} inner join ${themes} on ${themes.id} = ${actionThemes.themeId} where ${actionThemes.actionId} = ${actions.id} and ${actionThemes.municipalityId} = ${actions.municipalityId} and ${themes.slug} = ${f.themeSlug})`
		);
	if (f.rung)
		conditions.push(
			sql`exists (select 1 from ${opportunities} where ${opportunities.actionId} = ${actions.id} and ${opportunities.municipalityId} = ${actions.municipalityId} and ${opportunities.rung} = ${f.rung})`
		);
	if (f.q) conditions.push(searchWhere(f.q));
	return and(...conditions)!;
}

const cardColumns = {
	id: actions.id,
	municipalityId: actions.municipalityId,
	municipalitySlug: municipalities.slug,
	municipalityName: municipalities.name,
	slug: actions.slug,
	title: actions.title,
	summary: actions.summary,
	status: actions.status,
	ownerKind: actions.ownerKind,
	ownerName: actions.ownerName,
	startsOn: actions.startsOn,
	endsOn: actions.endsOn,
	placeName: actions.placeName,
	lat: actions.lat,
	lng: actions.lng,
	imageId: actions.imageId,
	imageAlt: actions.imageAlt,
	publishedAt: actions.publishedAt,
	updatedAt: actions.updatedAt,
	/** Exact to the microsecond, for cursors: a JavaScript Date would round to milliseconds. */
	publishedMicros: sql<string>`(extract(epoch from ${actions.publishedAt}) * 1000000)::bigint::text`
};

/** A page of published actions, ranked by relevance when searching, else newest first; with the total. */
export async function listPublishedActions(
	db: Db,
	params: ActionFilters & { limit: number; offset: number }
) {
	if (params.municipalityIds.length === 0) return { rows: [], total: 0 };
	const terms = params.q ? parseSearch(params.q) : null;
	const rank = terms ? searchRank(terms, searchTarget) : undefined;
	const rows = await db
		.select({ ...cardColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
		.from(actions)
		.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
		.where(filterWhere(params))
		.orderBy(...(rank ? [desc(rank)] : []), desc(actions.publishedAt), desc(actions.id))
		.limit(params.limit)
		.offset(params.offset);
	const total = rows[0]?.total ?? (params.offset > 0 ? await countPublishedActions(db, params) : 0);
	return { rows: rows.map(({ total: _, ...row }) => row), total };
}

/** Published actions matching the words of a site-wide search, best first, with how many match in all. */
export async function searchPublishedActions(
	db: Db,
	params: { municipalityIds: readonly string[]; terms: SearchTerms; now: Date; limit: number }
) {
	if (params.municipalityIds.length === 0) return [];
	return db
		.select({
			id: actions.id,
			slug: actions.slug,
			title: actions.title,
			summary: actions.summary,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(actions)
		.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
		.where(
			and(
				inArray(actions.municipalityId, [...params.municipalityIds]),
				isPublic(params.now),
				matchesSearch(params.terms, searchTarget)
			)
		)
		.orderBy(desc(searchRank(params.terms, searchTarget)), desc(actions.publishedAt), desc(actions.id))
		.limit(params.limit);
}

export async function countPublishedActions(db: Db, params: ActionFilters): Promise<number> {
	if (params.municipalityIds.length === 0) return 0;
	const [row] = await db
		.select({ n: sql<number>`count(*)`.mapWith(Number) })
		.from(actions)
		.where(filterWhere(params));
	return row?.n ?? 0;
}

/**
 * Keyset page of published actions, newest first: the cursor is the (published_at, id) of the last
 * row seen, published_at in microseconds since the epoch so that no rounding skips or repeats a row.
 */
export async function listPublishedActionsAfter(
	db: Db,
	params: ActionFilters & { limit: number; after?: { publishedMicros: string; id: number } }
) {
	if (params.municipalityIds.length === 0) return [];
	const after = params.after
		? sql`(${actions.publishedAt}, ${actions.id}) < (timestamptz 'epoch' + ${params.after.publishedMicros}::bigint * interval '1 microsecond', ${params.after.id}::integer)`
		: undefined;
	return db
		.select(cardColumns)
		.from(actions)
		.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
		.where(and(filterWhere(params), after))
		.orderBy(desc(actions.publishedAt), desc(actions.id))
		.limit(params.limit);
}

export type ActionCardRow = Awaited<ReturnType<typeof listPublishedActionsAfter>>[number];

/**
 * When an action last changed for the API's sync: its own last change (a trigger keeps updated_at true on
 * every update, and on a change to its themes or opportunities), or the moment a scheduled publication came.
 */
const actionChangedAt = sql`greatest(${actions.updatedAt}, case when ${actions.publishedAt} <= now() then ${actions.publishedAt} end)`;

/** Every action of the municipality, public or not, changed at or after the sync's moment, oldest change first. */
export async function listActionChanges(
	db: Db,
	params: { municipalityId: string; query: SyncQuery }
): Promise<ChangedRow[]> {
	return db
		.select({ id: actions.id, micros: microsOf(actionChangedAt) })
		.from(actions)
		.where(
			and(
				eq(actions.municipalityId, params.municipalityId),
				changedSince(actionChangedAt, sql`${actions.id}`, params.query)
			)
		)
		.orderBy(actionChangedAt, asc(actions.id))
		.limit(params.query.limit + 1);
}

/** The public ones among these actions of the municipality, as cards read them. */
export async function listPublishedActionsByIds(
	db: Db,
	params: { municipalityId: string; ids: number[]; now: Date }
): Promise<ActionCardRow[]> {
	if (params.ids.length === 0) return [];
	return db
		.select(cardColumns)
		.from(actions)
		.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
		.where(
			and(
				eq(actions.municipalityId, params.municipalityId),
				inArray(actions.id, params.ids),
				isPublic(params.now)
			)
		);
}

/** One published action of this municipality, or undefined (also for another municipality's id). */
export async function getPublishedAction(db: Db, params: { municipalityId: string; id: number; now: Date }) {
	const [row] = await db
		.select({
			...actionColumns,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name
		})
		.from(actions)
		.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
		.where(
			and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id), isPublic(params.now))
		)
		.limit(1);
	return row;
}

/** A published action by id alone, for the API; still returns its municipality, so callers stay scoped. */
export async function getPublishedActionAnywhere(
	db: Db,
	params: { municipalityIds: string[]; id: number; now: Date }
) {
	if (params.municipalityIds.length === 0) return undefined;
	const [row] = await db
		.select({
			...actionColumns,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name
		})
		.from(actions)
		.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
		.where(
			and(
				inArray(actions.municipalityId, params.municipalityIds),
				eq(actions.id, params.id),
				isPublic(params.now)
			)
		)
		.limit(1);
	return row;
}

export type PublishedActionRow = NonNullable<Awaited<ReturnType<typeof getPublishedAction>>>;

/** Themes of several actions, for cards and pages. */
export async function listThemesOfActions(
	db: Db,
	params: { municipalityIds: string[]; actionIds: number[] }
) {
	if (params.actionIds.length === 0 || params.municipalityIds.length === 0) return [];
	return db
		.select({
			actionId: actionThemes.actionId,
			slug: themes.slug,
			name: themes.name,
			defaultKey: themes.defaultKey
		})
		.from(actionThemes)
		.innerJoin(themes, eq(themes.id, actionThemes.themeId))
		.where(
			and(
				inArray(actionThemes.municipalityId, params.municipalityIds),
				inArray(actionThemes.actionId, params.actionIds)
			)
		)
		.orderBy(asc(themes.position), asc(themes.name));
}

/** Published news of an action, newest first. */
export async function listPublishedUpdates(
	db: Db,
	params: { municipalityId: string; actionId: number; now: Date; limit?: number }
) {
	return db
		.select({
			id: actionUpdates.id,
			title: actionUpdates.title,
			body: actionUpdates.body,
			authorName: actionUpdates.authorName,
			publishedAt: actionUpdates.publishedAt
		})
		.from(actionUpdates)
		.where(
			and(
				eq(actionUpdates.municipalityId, params.municipalityId),
				eq(actionUpdates.actionId, params.actionId),
				isNotNull(actionUpdates.publishedAt),
				lte(actionUpdates.publishedAt, params.now)
			)
		)
		.orderBy(desc(actionUpdates.publishedAt), desc(actionUpdates.id))
		.limit(params.limit ?? 50);
}
