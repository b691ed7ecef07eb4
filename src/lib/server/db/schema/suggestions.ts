import { sql, type SQL } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	doublePrecision,
	foreignKey,
	index,
	integer,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import {
	MODERATION_MODES,
	MODERATION_REASONS,
	MODERATION_STATES,
	STORY_KINDS,
	SUGGESTION_STATUSES
} from '../../../domain/suggestions';
import { municipalities } from './municipalities';
import { themes } from './themes';
import { users } from './accounts';
import { media } from './media';
import { opportunities } from './actions';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * How an opportunity of kind mapSuggestions takes suggestions: moderation mode, whether people may still add
 * and vote (besides the opportunity's window), and how many suggestions one person may support.
 * One row per such opportunity, created with defaults on first use.
 */
export const suggestionSettings = pgTable(
	'suggestion_settings',
	{
		opportunityId: integer('opportunity_id')
			.primaryKey()
			.references(() => opportunities.id, { onDelete: 'cascade' }),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		moderation: text('moderation', { enum: MODERATION_MODES }).notNull().default('pre'),
		submissionsOpen: boolean('submissions_open').notNull().default(true),
		votingOpen: boolean('voting_open').notNull().default(true),
		/** At most this many suggestions of the opportunity supported by one person; null: no limit. */
		voteLimit: integer('vote_limit'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('suggestion_settings_municipality_idx').on(t.municipalityId),
		check('suggestion_settings_moderation_valid', sql`${t.moderation} IN (${inList(MODERATION_MODES)})`),
		check('suggestion_settings_vote_limit_positive', sql`${t.voteLimit} IS NULL OR ${t.voteLimit} > 0`)
	]
);

/**
 * A citizen's suggestion of a place, in one opportunity. `x` and `y` are Web Mercator in [0, 1], generated from
 * lat/lng, so clusters are a GROUP BY on a grid. A suggestion without coordinates (address typed, not yet
 * placed) is in the list but not on the map. `vote_count` and `comment_count` are kept in the transaction of
 * each vote or comment, so they are exact.
 */
export const suggestions = pgTable(
	'suggestions',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		opportunityId: integer('opportunity_id')
			.notNull()
			.references(() => opportunities.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		themeId: uuid('theme_id').references(() => themes.id, { onDelete: 'set null' }),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		placeName: text('place_name'),
		lat: doublePrecision('lat'),
		lng: doublePrecision('lng'),
		x: doublePrecision('x').generatedAlwaysAs((): SQL => sql`(${suggestions.lng} + 180.0) / 360.0`),
		y: doublePrecision('y').generatedAlwaysAs(
			(): SQL =>
				sql`(1.0 - ln(tan(radians(${suggestions.lat})) + 1.0 / cos(radians(${suggestions.lat}))) / pi()) / 2.0`
		),
		imageId: uuid('image_id').references(() => media.id, { onDelete: 'set null' }),
		imageAlt: text('image_alt'),
		status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('submitted'),
		moderation: text('moderation', { enum: MODERATION_STATES }).notNull().default('pending'),
		moderationReason: text('moderation_reason'),
		/** The municipality's official answer (Markdown), shown prominently. */
		answer: text('answer'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
		/** Set when merged into another suggestion: this one is no longer listed and its votes moved there. */
		mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => suggestions.id, {
			onDelete: 'set null'
		}),
		voteCount: integer('vote_count').notNull().default(0),
		commentCount: integer('comment_count').notNull().default(0),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// vote_count is in no index: a vote then changes no indexed column, so its UPDATE can be HOT (no index
		// writes; the migration leaves room on each page with fillfactor 85). Sorting one opportunity by votes is
		// a top-N sort of its rows.
		index('suggestions_list_idx').on(t.municipalityId, t.opportunityId, t.moderation),
		index('suggestions_grid_idx').on(t.municipalityId, t.opportunityId, t.x, t.y),
		index('suggestions_queue_idx').on(t.municipalityId, t.moderation, t.createdAt),
		index('suggestions_author_idx').on(t.authorId),
		// Full-text search on an expression, not a stored generated column: PostgreSQL recomputes stored
		// generated columns on every UPDATE of the row, so each vote would rebuild the Dutch text vector.
		index('suggestions_search_idx').using('gin', suggestionSearchVector(t.title, t.body)),
		index('suggestions_title_trgm_idx').using('gin', sql`lower(${t.title}) gin_trgm_ops`),
		index('suggestions_search_text_idx').using(
			'gin',
			sql`${suggestionSearchText(t.title, t.body)} gin_trgm_ops`
		),
		// What a vote's one foreign key points at: the suggestion with its municipality and opportunity.
		unique('suggestions_place_key').on(t.id, t.municipalityId, t.opportunityId),
		check('suggestions_status_valid', sql`${t.status} IN (${inList(SUGGESTION_STATUSES)})`),
		check('suggestions_moderation_valid', sql`${t.moderation} IN (${inList(MODERATION_STATES)})`),
		check('suggestions_place', sql`(${t.lat} IS NULL) = (${t.lng} IS NULL)`),
		check('suggestions_image_alt_required', sql`${t.imageId} IS NULL OR length(trim(${t.imageAlt})) > 0`),
		check('suggestions_counts_nonnegative', sql`${t.voteCount} >= 0 AND ${t.commentCount} >= 0`)
	]
);

/**
 * A suggestion's Dutch text vector (title weighs more than the description, accents folded); queries must
 * use this same expression for the index to serve them.
 */
export function suggestionSearchVector(title: AnyPgColumn, body: AnyPgColumn): SQL {
	return sql`(setweight(to_tsvector('dutch', meedoen_unaccent(coalesce(${title}, ''))), 'A') || setweight(to_tsvector('dutch', meedoen_unaccent(coalesce(${body}, ''))), 'B'))`;
}

/**
 * A suggestion's searched text, lower case without accents, as its trigram index has it (platform/search.ts).
 * An expression, not a stored column, for the reason the full-text vector is one: every vote updates the row.
 */
export function suggestionSearchText(title: AnyPgColumn, body: AnyPgColumn): SQL {
	return sql`lower(meedoen_unaccent(${title} || ' ' || ${body}))`;
}

/**
 * One vote (steun) per person per suggestion: the primary key enforces it. Its municipality and opportunity
 * are the suggestion's, by one composite foreign key (one check per vote, no lock on the municipality's or
 * the opportunity's row, which every vote would otherwise share); deleting either cascades through it.
 */
export const suggestionVotes = pgTable(
	'suggestion_votes',
	{
		municipalityId: uuid('municipality_id').notNull(),
		opportunityId: integer('opportunity_id').notNull(),
		suggestionId: integer('suggestion_id').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.suggestionId, t.userId] }),
		foreignKey({
			name: 'suggestion_votes_suggestion_fk',
			columns: [t.suggestionId, t.municipalityId, t.opportunityId],
			foreignColumns: [suggestions.id, suggestions.municipalityId, suggestions.opportunityId]
		})
			.onDelete('cascade')
			.onUpdate('cascade'),
		index('suggestion_votes_person_idx').on(t.municipalityId, t.opportunityId, t.userId),
		index('suggestion_votes_user_idx').on(t.userId)
	]
);

/** Comments with one level of replies (a reply's parent has no parent; the service checks it). */
export const suggestionComments = pgTable(
	'suggestion_comments',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		suggestionId: integer('suggestion_id')
			.notNull()
			.references(() => suggestions.id, { onDelete: 'cascade' }),
		parentId: integer('parent_id').references((): AnyPgColumn => suggestionComments.id, {
			onDelete: 'cascade'
		}),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		moderation: text('moderation', { enum: MODERATION_STATES }).notNull().default('pending'),
		moderationReason: text('moderation_reason'),
		/** Written by staff on behalf of the municipality. */
		official: boolean('official').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('suggestion_comments_suggestion_idx').on(t.municipalityId, t.suggestionId, t.createdAt),
		index('suggestion_comments_queue_idx').on(t.municipalityId, t.moderation, t.createdAt),
		index('suggestion_comments_author_idx').on(t.authorId),
		check('suggestion_comments_moderation_valid', sql`${t.moderation} IN (${inList(MODERATION_STATES)})`)
	]
);

/** Someone reported a suggestion or a comment as inappropriate; open until a moderator resolves it. */
export const suggestionReports = pgTable(
	'suggestion_reports',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		suggestionId: integer('suggestion_id')
			.notNull()
			.references(() => suggestions.id, { onDelete: 'cascade' }),
		/** Set when the report is about a comment of the suggestion. */
		commentId: integer('comment_id').references(() => suggestionComments.id, { onDelete: 'cascade' }),
		reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
		reason: text('reason', { enum: MODERATION_REASONS }).notNull(),
		note: text('note').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		index('suggestion_reports_open_idx').on(t.municipalityId, t.resolvedAt, t.createdAt),
		uniqueIndex('suggestion_reports_once_idx')
			.on(t.reporterId, t.suggestionId, sql`coalesce(${t.commentId}, 0)`)
			.where(sql`${t.resolvedAt} IS NULL`),
		check('suggestion_reports_reason_valid', sql`${t.reason} IN (${inList(MODERATION_REASONS)})`)
	]
);

/**
 * The public story of a suggestion: submitted, published, each status with the municipality's reason, the
 * answer, a merge. Dated, with who did it (shown as the municipality for staff).
 */
export const suggestionStory = pgTable(
	'suggestion_story',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		suggestionId: integer('suggestion_id')
			.notNull()
			.references(() => suggestions.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: STORY_KINDS }).notNull(),
		status: text('status', { enum: SUGGESTION_STATUSES }),
		reason: text('reason').notNull().default(''),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('suggestion_story_suggestion_idx').on(t.municipalityId, t.suggestionId, t.createdAt),
		check('suggestion_story_kind_valid', sql`${t.kind} IN (${inList(STORY_KINDS)})`)
	]
);

/** A person a moderator blocked from contributing (suggestions, votes, comments, reports) in a municipality. */
export const contributionBlocks = pgTable(
	'contribution_blocks',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull().default(''),
		blockedBy: uuid('blocked_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.municipalityId, t.userId] })]
);
