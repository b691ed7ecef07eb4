// Drizzle queries for opportunities, the ways to take part in an action. Every query takes the database first
// (so it works inside a transaction) and the municipality id (or ids, for the region) in its params and in its
// where.
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	actionThemes,
	citizenGroups,
	events,
	groupMenuItems,
	municipalities,
	opportunities,
	suggestionSettings,
	themes
} from '$lib/server/db/schema';
import type { OpportunityKind } from '$lib/domain/actions';
import type { LadderRung } from '$lib/domain/ladder';
import { matchesSearch, searchRank, type SearchTarget, type SearchTerms } from '$lib/server/platform/search';

/**
 * An action is public once published (a scheduled date only once it has come) and while not archived: the
 * rule of the actions' public pages, which an opportunity follows.
 */
function actionIsPublic(now: Date): SQL {
	return and(isNotNull(actions.publishedAt), lte(actions.publishedAt, now), isNull(actions.archivedAt))!;
}

/** The action an opportunity hangs off, in this municipality; undefined for another municipality's. */
export async function getOwningAction(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({ id: actions.id, title: actions.title })
		.from(actions)
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id)))
		.limit(1);
	return row;
}

export interface OpportunityFields {
	title: string;
	rung: LadderRung;
	kind: OpportunityKind;
	howTo?: string;
	opensAt?: Date | null;
	closesAt?: Date | null;
	position?: number;
}

const opportunityColumns = {
	id: opportunities.id,
	municipalityId: opportunities.municipalityId,
	actionId: opportunities.actionId,
	title: opportunities.title,
	rung: opportunities.rung,
	kind: opportunities.kind,
	howTo: opportunities.howTo,
	opensAt: opportunities.opensAt,
	closesAt: opportunities.closesAt,
	position: opportunities.position
};

/**
 * The event a working group or action day opportunity leads to: the soonest published event of it (or, when
 * an event names no opportunity, of its action and the same kind) that still takes registrations at `now`,
 * as its slugged id (`12-werkgroep-ontharding`); null when there is none. Read from the events table, which
 * the events feature keeps, so `nextStepOf` offers a registration only where one works.
 */
function registrableEventAt(now: Date): SQL<string | null> {
	return sql<string | null>`CASE WHEN ${opportunities.kind} IN ('workingGroup', 'actionDay') THEN (
		SELECT e.id::text || CASE WHEN e.slug = '' THEN '' ELSE '-' || e.slug END FROM ${events} e
		WHERE e.municipality_id = ${opportunities.municipalityId} AND e.status = 'published'
			AND (e.opportunity_id = ${opportunities.id}
				OR (e.opportunity_id IS NULL AND e.action_id = ${opportunities.actionId} AND e.kind = ${opportunities.kind}))
			AND e.starts_at > ${now} AND (e.registration_deadline IS NULL OR e.registration_deadline > ${now})
		ORDER BY e.starts_at, e.id LIMIT 1) END`;
}

/**
 * The citizen group a `citizenGroup` opportunity joins: the group (not a draft) whose menu item became the
 * opportunity's action, read from the groups feature's tables as the registrable event is from the events';
 * null for any other kind or without one.
 */
const joinableGroup = sql<number | null>`CASE WHEN ${opportunities.kind} = 'citizenGroup' THEN (
	SELECT mi.group_id FROM ${groupMenuItems} mi JOIN ${citizenGroups} g
		ON g.id = mi.group_id AND g.municipality_id = mi.municipality_id
	WHERE mi.municipality_id = ${opportunities.municipalityId} AND mi.action_id = ${opportunities.actionId}
		AND g.status <> 'draft'
	ORDER BY mi.id LIMIT 1) END`;

/**
 * What the listings add to an opportunity: whether a map of suggestions takes suggestions and votes now (its
 * settings, kept by the suggestions feature; true without settings, as there), so `nextStepOf` never calls a
 * closed map open. Read with a left join on `suggestion_settings` (one row per opportunity at most). And the
 * event a working group or action day registers for (`registrableEventAt`).
 */
function listedColumnsAt(now: Date) {
	return {
		...opportunityColumns,
		takesSuggestions: sql<boolean>`coalesce(${suggestionSettings.submissionsOpen}, true)`,
		takesVotes: sql<boolean>`coalesce(${suggestionSettings.votingOpen}, true)`,
		registrableEvent: registrableEventAt(now),
		joinableGroup
	};
}
const settingsOf = and(
	eq(suggestionSettings.opportunityId, opportunities.id),
	eq(suggestionSettings.municipalityId, opportunities.municipalityId)
);

/** Adds an opportunity to an action of this municipality; undefined when the action is not its own. */
export async function insertOpportunity(
	db: Db,
	params: OpportunityFields & { municipalityId: string; actionId: number }
) {
	const [owner] = await db
		.select({ id: actions.id })
		.from(actions)
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.actionId)));
	if (!owner) return undefined;
	const [row] = await db.insert(opportunities).values(params).returning(opportunityColumns);
	return row;
}

export async function updateOpportunity(
	db: Db,
	params: Partial<OpportunityFields> & { municipalityId: string; id: number }
) {
	const { municipalityId, id, ...values } = params;
	const [row] = await db
		.update(opportunities)
		.set(values)
		.where(and(eq(opportunities.municipalityId, municipalityId), eq(opportunities.id, id)))
		.returning(opportunityColumns);
	return row;
}

export async function deleteOpportunity(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.delete(opportunities)
		.where(and(eq(opportunities.municipalityId, params.municipalityId), eq(opportunities.id, params.id)))
		.returning({ id: opportunities.id, actionId: opportunities.actionId });
	return row;
}

export async function getOpportunity(
	db: Db,
	params: { municipalityId: string; actionId: number; id: number }
) {
	const [row] = await db
		.select({
			id: opportunities.id,
			actionId: opportunities.actionId,
			title: opportunities.title,
			rung: opportunities.rung,
			kind: opportunities.kind,
			howTo: opportunities.howTo,
			opensAt: opportunities.opensAt,
			closesAt: opportunities.closesAt,
			position: opportunities.position
		})
		.from(opportunities)
		.where(
			and(
				eq(opportunities.municipalityId, params.municipalityId),
				eq(opportunities.actionId, params.actionId),
				eq(opportunities.id, params.id)
			)
		)
		.limit(1);
	return row;
}

export async function listOpportunitiesOfActions(
	db: Db,
	params: { municipalityIds: string[]; actionIds: number[]; now?: Date }
) {
	if (params.actionIds.length === 0 || params.municipalityIds.length === 0) return [];
	return db
		.select(listedColumnsAt(params.now ?? new Date()))
		.from(opportunities)
		.leftJoin(suggestionSettings, settingsOf)
		.where(
			and(
				inArray(opportunities.municipalityId, params.municipalityIds),
				inArray(opportunities.actionId, params.actionIds)
			)
		)
		.orderBy(asc(opportunities.position), asc(opportunities.id));
}

export type OpportunityRow = Awaited<ReturnType<typeof listOpportunitiesOfActions>>[number];

/**
 * Opportunities whose window is open now, of public actions, soonest closing first: the candidates of the
 * rung pages and their counts. Whether each is open is decided by `nextStepOf` (opportunities.next-step.ts),
 * which needs the others of its action (a vote is open when its action's map is), so every rung is read.
 */
export async function listWindowOpenOpportunities(
	db: Db,
	params: { municipalityIds: string[]; now: Date; themeSlug?: string }
) {
	if (params.municipalityIds.length === 0) return [];
	return db
		.select({
			...listedColumnsAt(params.now),
			actionSlug: actions.slug,
			actionTitle: actions.title,
			actionSummary: actions.summary,
			actionStatus: actions.status,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name
		})
		.from(opportunities)
		.innerJoin(
			actions,
			and(eq(actions.id, opportunities.actionId), eq(actions.municipalityId, opportunities.municipalityId))
		)
		.leftJoin(suggestionSettings, settingsOf)
		.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
		.where(
			and(
				inArray(opportunities.municipalityId, params.municipalityIds),
				or(isNull(opportunities.opensAt), lte(opportunities.opensAt, params.now)),
				or(isNull(opportunities.closesAt), gt(opportunities.closesAt, params.now)),
				actionIsPublic(params.now),
				// A theme is the action's: every opportunity of a matching action stays, so a vote still finds its map.
				params.themeSlug
					? sql`exists (select 1 from ${actionThemes} inner join ${themes} on ${themes.id} = ${actionThemes.themeId} where ${actionThemes.actionId} = ${actions.id} and ${actionThemes.municipalityId} = ${actions.municipalityId} and ${themes.slug} = ${params.themeSlug})`
					: undefined
			)
		)
		.orderBy(sql`${opportunities.closesAt} asc nulls last`, desc(actions.publishedAt), asc(opportunities.id));
}

export type OpenOpportunityRow = Awaited<ReturnType<typeof listWindowOpenOpportunities>>[number];

/** Where an opportunity's search looks: title and how to take part, folded (a stored, trigram-indexed column). */
const searchTarget: SearchTarget = {
	text: sql`${opportunities.searchText}`,
	title: sql`lower(meedoen_unaccent(${opportunities.title}))`
};

/** Opportunities of public actions matching the words of a site-wide search, best first, with the total. */
export async function searchOpportunities(
	db: Db,
	params: { municipalityIds: readonly string[]; terms: SearchTerms; now: Date; limit: number }
) {
	if (params.municipalityIds.length === 0) return [];
	return db
		.select({
			id: opportunities.id,
			title: opportunities.title,
			kind: opportunities.kind,
			howTo: opportunities.howTo,
			actionId: actions.id,
			actionSlug: actions.slug,
			actionTitle: actions.title,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(opportunities)
		.innerJoin(
			actions,
			and(eq(actions.id, opportunities.actionId), eq(actions.municipalityId, opportunities.municipalityId))
		)
		.innerJoin(municipalities, eq(municipalities.id, opportunities.municipalityId))
		.where(
			and(
				inArray(opportunities.municipalityId, [...params.municipalityIds]),
				actionIsPublic(params.now),
				matchesSearch(params.terms, searchTarget)
			)
		)
		.orderBy(desc(searchRank(params.terms, searchTarget)), asc(opportunities.id))
		.limit(params.limit);
}
