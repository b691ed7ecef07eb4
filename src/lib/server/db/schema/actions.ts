import { sql, type SQL } from 'drizzle-orm';
import {
	bigserial,
	check,
	customType,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { ACTION_OWNER_KINDS, ACTION_STATUSES, OPPORTUNITY_KINDS } from '../../../domain/actions';
import { LADDER_RUNGS } from '../../../domain/ladder';
import { municipalities } from './municipalities';
import { themes } from './themes';
import { users } from './accounts';
import { media } from './media';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A local climate action. The integer id makes short, stable URLs (/geel/acties/12-ontharden-pleintje).
 * `search` is Dutch full-text over title, summary and body, accents folded (meedoen_unaccent, an immutable
 * wrapper created in the migration). `search_text` is the same text folded to lower case without accents, for
 * parts of compounds (platform/search.ts): stored, because LIKE over a stored column is about ten times
 * faster than over an expression that folds every candidate row again.
 */
export const actions = pgTable(
	'actions',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		body: text('body').notNull().default(''),
		decided: text('decided').notNull().default(''),
		status: text('status', { enum: ACTION_STATUSES }).notNull().default('idea'),
		ownerKind: text('owner_kind', { enum: ACTION_OWNER_KINDS }).notNull().default('department'),
		ownerName: text('owner_name').notNull().default(''),
		startsOn: date('starts_on'),
		endsOn: date('ends_on'),
		placeName: text('place_name'),
		lat: doublePrecision('lat'),
		lng: doublePrecision('lng'),
		imageId: uuid('image_id').references(() => media.id, { onDelete: 'set null' }),
		imageAlt: text('image_alt'),
		links: jsonb('links').$type<{ label: string; url: string }[]>().notNull().default([]),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		search: tsvector('search').generatedAlwaysAs(
			(): SQL =>
				sql`setweight(to_tsvector('dutch', meedoen_unaccent(coalesce(${actions.title}, ''))), 'A') || setweight(to_tsvector('dutch', meedoen_unaccent(coalesce(${actions.summary}, ''))), 'B') || setweight(to_tsvector('dutch', meedoen_unaccent(coalesce(${actions.body}, ''))), 'C')`
		),
		searchText: text('search_text').generatedAlwaysAs(
			(): SQL =>
				sql`lower(meedoen_unaccent(${actions.title} || ' ' || ${actions.summary} || ' ' || ${actions.body}))`
		)
	},
	(t) => [
		index('actions_municipality_idx').on(t.municipalityId, t.status, t.publishedAt),
		// The impact indicators count published actions per municipality from the index alone (no heap).
		index('actions_impact_idx').on(t.municipalityId, t.publishedAt, t.status, t.archivedAt, t.id),
		// The archived actions (few): the ladder's indicator leaves their opportunities out of its count.
		index('actions_archived_idx')
			.on(t.municipalityId, t.id)
			.where(sql`${t.archivedAt} IS NOT NULL`),
		index('actions_search_idx').using('gin', t.search),
		// Parts of Dutch compounds (fiets in fietsroute) by substring, served by trigrams (platform/search.ts).
		index('actions_search_text_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
		check('actions_status_valid', sql`${t.status} IN (${inList(ACTION_STATUSES)})`),
		check('actions_owner_kind_valid', sql`${t.ownerKind} IN (${inList(ACTION_OWNER_KINDS)})`),
		check('actions_image_alt_required', sql`${t.imageId} IS NULL OR length(trim(${t.imageAlt})) > 0`)
	]
);

export const actionThemes = pgTable(
	'action_themes',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		themeId: uuid('theme_id')
			.notNull()
			.references(() => themes.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.actionId, t.themeId] }),
		index('action_themes_theme_idx').on(t.municipalityId, t.themeId)
	]
);

/** A way to take part in an action, on one rung of the ladder, open in a window. */
export const opportunities = pgTable(
	'opportunities',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		rung: text('rung', { enum: LADDER_RUNGS }).notNull(),
		kind: text('kind', { enum: OPPORTUNITY_KINDS }).notNull(),
		howTo: text('how_to').notNull().default(''),
		opensAt: timestamp('opens_at', { withTimezone: true }),
		closesAt: timestamp('closes_at', { withTimezone: true }),
		position: integer('position').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** Title and how to take part, lower case without accents, for search (as actions.search_text). */
		searchText: text('search_text').generatedAlwaysAs(
			(): SQL => sql`lower(meedoen_unaccent(${opportunities.title} || ' ' || ${opportunities.howTo}))`
		)
	},
	(t) => [
		index('opportunities_action_idx').on(t.municipalityId, t.actionId, t.position),
		// The ladder's impact indicator counted every opportunity per rung from this index alone until it read
		// opportunity_rung_counts (issue 21); left in place so no other plan changes with that, a candidate to drop.
		index('opportunities_rung_idx').on(t.municipalityId, t.rung, t.createdAt),
		index('opportunities_search_text_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
		check('opportunities_rung_valid', sql`${t.rung} IN (${inList(LADDER_RUNGS)})`),
		check('opportunities_kind_valid', sql`${t.kind} IN (${inList(OPPORTUNITY_KINDS)})`),
		check(
			'opportunities_window',
			sql`${t.closesAt} IS NULL OR ${t.opensAt} IS NULL OR ${t.closesAt} > ${t.opensAt}`
		)
	]
);

/**
 * How many opportunities each municipality has per rung, whatever their action's state: the ladder's impact
 * indicator reads these few rows instead of counting every opportunity at each request (issue 21). Kept by
 * statement triggers on `opportunities` (migration impact_rung_counts) in the transaction of every insert,
 * update and delete, cascades and bulk SQL included; the indicator subtracts the opportunities of the actions
 * that do not count (few) at read time, so publishing, archiving or scheduling an action changes nothing here.
 */
export const opportunityRungCounts = pgTable(
	'opportunity_rung_counts',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		rung: text('rung', { enum: LADDER_RUNGS }).notNull(),
		n: integer('n').notNull()
	},
	(t) => [primaryKey({ columns: [t.municipalityId, t.rung] })]
);

/** News on an action: dated, with an author. */
export const actionUpdates = pgTable(
	'action_updates',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		authorName: text('author_name').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('action_updates_action_idx').on(t.municipalityId, t.actionId, t.publishedAt)]
);

/** Every change to an action: who, what and when, with the fields before and after. */
export const actionHistory = pgTable(
	'action_history',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		actionId: integer('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		actorName: text('actor_name').notNull(),
		change: text('change').notNull(),
		details: jsonb('details').notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('action_history_action_idx').on(t.municipalityId, t.actionId, t.createdAt)]
);
