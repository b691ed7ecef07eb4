// Core queries of suggestions shared by the public pages, contributions and the back office. Each takes the
// database first (so it works inside a transaction) and the municipality id in its params and its where.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	contributionBlocks,
	municipalities,
	opportunities,
	suggestionSettings,
	suggestionStory,
	suggestionSearchText,
	suggestions,
	users
} from '$lib/server/db/schema';
import { matchesSearch, searchRank, type SearchTarget, type SearchTerms } from '$lib/server/platform/search';
import type { ModerationMode, ModerationState, StoryKind, SuggestionStatus } from '$lib/domain/suggestions';

/** Whether the opportunity's action is published and not archived at `now` (in a select of a join on actions). */
export function actionIsPublicAt(now: Date) {
	return sql<boolean>`(${actions.publishedAt} IS NOT NULL AND ${actions.publishedAt} <= ${now} AND ${actions.archivedAt} IS NULL)`;
}

export interface SuggestionSettingsValues {
	moderation: ModerationMode;
	submissionsOpen: boolean;
	votingOpen: boolean;
	voteLimit: number | null;
}

export const DEFAULT_SUGGESTION_SETTINGS: SuggestionSettingsValues = {
	moderation: 'pre',
	submissionsOpen: true,
	votingOpen: true,
	voteLimit: null
};

/**
 * An opportunity of kind mapSuggestions of this municipality (and of the action `actionId`, when given), with
 * its action and settings (defaults when it has no settings row yet). `publicAction` says whether its action is
 * published and not archived.
 */
export async function getSuggestionOpportunity(
	db: Db,
	params: { municipalityId: string; opportunityId: number; now: Date; actionId?: number }
) {
	const [row] = await db
		.select({
			id: opportunities.id,
			municipalityId: opportunities.municipalityId,
			regionId: municipalities.regionId,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			title: opportunities.title,
			howTo: opportunities.howTo,
			opensAt: opportunities.opensAt,
			closesAt: opportunities.closesAt,
			actionId: actions.id,
			actionSlug: actions.slug,
			actionTitle: actions.title,
			publicAction: actionIsPublicAt(params.now),
			moderation: sql<ModerationMode>`coalesce(${suggestionSettings.moderation}, 'pre')`,
			submissionsOpen: sql<boolean>`coalesce(${suggestionSettings.submissionsOpen}, true)`,
			votingOpen: sql<boolean>`coalesce(${suggestionSettings.votingOpen}, true)`,
			voteLimit: suggestionSettings.voteLimit
		})
		.from(opportunities)
		.innerJoin(actions, eq(actions.id, opportunities.actionId))
		.innerJoin(municipalities, eq(municipalities.id, opportunities.municipalityId))
		.leftJoin(suggestionSettings, eq(suggestionSettings.opportunityId, opportunities.id))
		.where(
			and(
				eq(opportunities.municipalityId, params.municipalityId),
				eq(opportunities.id, params.opportunityId),
				eq(opportunities.kind, 'mapSuggestions'),
				params.actionId === undefined ? undefined : eq(opportunities.actionId, params.actionId)
			)
		)
		.limit(1);
	return row;
}

export type SuggestionOpportunityRow = NonNullable<Awaited<ReturnType<typeof getSuggestionOpportunity>>>;

/** The municipality (id, slug) of an opportunity that takes suggestions, for URLs that carry only its id. */
export async function findOpportunityTenant(db: Db, params: { opportunityId: number }) {
	const [row] = await db
		.select({ id: municipalities.id, slug: municipalities.slug, participating: municipalities.participating })
		.from(opportunities)
		.innerJoin(municipalities, eq(municipalities.id, opportunities.municipalityId))
		.where(and(eq(opportunities.id, params.opportunityId), eq(opportunities.kind, 'mapSuggestions')))
		.limit(1);
	return row;
}

/** The same for a suggestion. */
export async function findSuggestionTenant(db: Db, params: { suggestionId: number }) {
	const [row] = await db
		.select({ id: municipalities.id, slug: municipalities.slug, participating: municipalities.participating })
		.from(suggestions)
		.innerJoin(municipalities, eq(municipalities.id, suggestions.municipalityId))
		.where(eq(suggestions.id, params.suggestionId))
		.limit(1);
	return row;
}

/** The municipality's name and centre: where its suggestions may lie, and what "near" starts from. */
export async function getMunicipalityPlace(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({
			name: municipalities.name,
			centerLat: municipalities.centerLat,
			centerLng: municipalities.centerLng
		})
		.from(municipalities)
		.where(eq(municipalities.id, params.municipalityId))
		.limit(1);
	return row;
}

export const suggestionColumns = {
	id: suggestions.id,
	municipalityId: suggestions.municipalityId,
	opportunityId: suggestions.opportunityId,
	authorId: suggestions.authorId,
	themeId: suggestions.themeId,
	slug: suggestions.slug,
	title: suggestions.title,
	body: suggestions.body,
	placeName: suggestions.placeName,
	lat: suggestions.lat,
	lng: suggestions.lng,
	imageId: suggestions.imageId,
	imageAlt: suggestions.imageAlt,
	status: suggestions.status,
	moderation: suggestions.moderation,
	moderationReason: suggestions.moderationReason,
	answer: suggestions.answer,
	answeredAt: suggestions.answeredAt,
	mergedIntoId: suggestions.mergedIntoId,
	voteCount: suggestions.voteCount,
	commentCount: suggestions.commentCount,
	publishedAt: suggestions.publishedAt,
	createdAt: suggestions.createdAt,
	updatedAt: suggestions.updatedAt
};

/** A suggestion of this municipality whatever its moderation state; undefined for another municipality's id. */
export async function getSuggestion(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({
			...suggestionColumns,
			// A deleted account keeps its contributions without a name.
			authorName: sql<string | null>`CASE WHEN ${users.deletedAt} IS NULL THEN ${users.displayName} END`
		})
		.from(suggestions)
		.leftJoin(users, eq(users.id, suggestions.authorId))
		.where(and(eq(suggestions.municipalityId, params.municipalityId), eq(suggestions.id, params.id)))
		.limit(1);
	return row;
}

export type SuggestionRow = NonNullable<Awaited<ReturnType<typeof getSuggestion>>>;

export async function isBlocked(
	db: Db,
	params: { municipalityId: string; userId: string }
): Promise<boolean> {
	const [row] = await db
		.select({ userId: contributionBlocks.userId })
		.from(contributionBlocks)
		.where(
			and(
				eq(contributionBlocks.municipalityId, params.municipalityId),
				eq(contributionBlocks.userId, params.userId)
			)
		)
		.limit(1);
	return Boolean(row);
}

/** Public: approved, not merged away. */
export function isListed() {
	return and(eq(suggestions.moderation, 'approved'), isNull(suggestions.mergedIntoId))!;
}

/** Creates or changes an opportunity's settings; undefined when the opportunity is not of this municipality. */
export async function upsertSuggestionSettings(
	db: Db,
	params: { municipalityId: string; opportunityId: number } & Partial<SuggestionSettingsValues>
) {
	const [owner] = await db
		.select({ id: opportunities.id })
		.from(opportunities)
		.where(
			and(eq(opportunities.municipalityId, params.municipalityId), eq(opportunities.id, params.opportunityId))
		);
	if (!owner) return undefined;
	const values = { ...DEFAULT_SUGGESTION_SETTINGS, ...params };
	const changes: Partial<SuggestionSettingsValues> = {};
	for (const key of ['moderation', 'submissionsOpen', 'votingOpen', 'voteLimit'] as const) {
		if (params[key] !== undefined) Object.assign(changes, { [key]: params[key] });
	}
	const [row] = await db
		.insert(suggestionSettings)
		.values({
			opportunityId: params.opportunityId,
			municipalityId: params.municipalityId,
			moderation: values.moderation,
			submissionsOpen: values.submissionsOpen,
			votingOpen: values.votingOpen,
			voteLimit: values.voteLimit
		})
		.onConflictDoUpdate({
			target: suggestionSettings.opportunityId,
			set: { ...changes, updatedAt: sql`now()` }
		})
		.returning();
	return row;
}

export interface SuggestionFields {
	opportunityId: number;
	authorId: string | null;
	themeId?: string | null;
	slug: string;
	title: string;
	body?: string;
	placeName?: string | null;
	lat?: number | null;
	lng?: number | null;
	imageId?: string | null;
	imageAlt?: string | null;
	status?: SuggestionStatus;
	moderation?: ModerationState;
	publishedAt?: Date | null;
	createdAt?: Date;
}

/** Inserts a suggestion of this municipality (the opportunity must be one of its own; callers check it). */
export async function insertSuggestion(db: Db, params: SuggestionFields & { municipalityId: string }) {
	const [row] = await db.insert(suggestions).values(params).returning(suggestionColumns);
	if (!row) throw new Error('suggestion not inserted');
	return row;
}

/** Adds a dated entry to a suggestion's public story. */
export async function insertStoryEntry(
	db: Db,
	params: {
		municipalityId: string;
		suggestionId: number;
		kind: StoryKind;
		status?: SuggestionStatus | null;
		reason?: string;
		actorId?: string | null;
		createdAt?: Date;
	}
) {
	await db.insert(suggestionStory).values(params);
}

/**
 * Where a suggestion's search looks: exactly the expression of its trigram index. Not the full-text vector:
 * it is an index expression too (every vote updates the row), so ranking by it computes it again for every
 * match; on PostgreSQL with 10,000 suggestions holding the word, that took 1 s, without it 0.33 s.
 */
const searchTarget: SearchTarget = {
	text: suggestionSearchText(suggestions.title, suggestions.body),
	title: sql`lower(meedoen_unaccent(${suggestions.title}))`
};

/**
 * Suggestions everyone may see that match the words of a site-wide search, best first, with the total: listed
 * (approved and not merged; never waiting, rejected or hidden) on a map of a public action.
 */
export async function searchListedSuggestions(
	db: Db,
	params: { municipalityIds: readonly string[]; terms: SearchTerms; now: Date; limit: number }
) {
	if (params.municipalityIds.length === 0) return [];
	return db
		.select({
			id: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			body: suggestions.body,
			actionTitle: actions.title,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(suggestions)
		.innerJoin(
			opportunities,
			and(
				eq(opportunities.id, suggestions.opportunityId),
				eq(opportunities.municipalityId, suggestions.municipalityId)
			)
		)
		.innerJoin(
			actions,
			and(eq(actions.id, opportunities.actionId), eq(actions.municipalityId, opportunities.municipalityId))
		)
		.innerJoin(municipalities, eq(municipalities.id, suggestions.municipalityId))
		.where(
			and(
				inArray(suggestions.municipalityId, [...params.municipalityIds]),
				isListed(),
				eq(opportunities.kind, 'mapSuggestions'),
				actionIsPublicAt(params.now),
				matchesSearch(params.terms, searchTarget)
			)
		)
		.orderBy(desc(searchRank(params.terms, searchTarget)), desc(suggestions.voteCount), asc(suggestions.id))
		.limit(params.limit);
}
