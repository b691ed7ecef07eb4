import { sql } from 'drizzle-orm';
import {
	bigserial,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { municipalities, regions } from './municipalities';
import { users } from './accounts';

/**
 * Where an impact figure belongs: `region` for the region's own figure, else the municipality's id as text. One
 * column (not a nullable municipality id) so a unique key holds for the region's rows too.
 */
const scopeKey = () => text('scope_key').notNull();

/**
 * The daily snapshot of every indicator: one row per region, scope, indicator and day (Brussels), written once
 * (the unique key; the job inserts with ON CONFLICT DO NOTHING). Trends and "at the start / at the end" read these.
 */
export const impactSnapshots = pgTable(
	'impact_snapshots',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		scopeKey: scopeKey(),
		indicatorKey: text('indicator_key').notNull(),
		day: date('day', { mode: 'string' }).notNull(),
		value: doublePrecision('value'),
		note: text('note'),
		source: text('source', { enum: ['computed', 'entered'] }).notNull(),
		computedAt: timestamp('computed_at', { withTimezone: true }).notNull()
	},
	(t) => [
		uniqueIndex('impact_snapshots_key').on(t.regionId, t.scopeKey, t.indicatorKey, t.day),
		index('impact_snapshots_day_idx').on(t.regionId, t.day),
		// The trends from the index alone (with the value): a year of one region's rows lies on ~2,300 pages of the
		// table (written a day at a time) and on a few dozen of this index (issue 21, listTrendPoints).
		index('impact_snapshots_trend_idx').on(t.regionId, t.scopeKey, t.indicatorKey, t.day, t.value)
	]
);

/** The baseline of an indicator at the start of the programme, per scope; changed only with a reason (audit log). */
export const impactBaselines = pgTable(
	'impact_baselines',
	{
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		scopeKey: scopeKey(),
		indicatorKey: text('indicator_key').notNull(),
		value: doublePrecision('value').notNull(),
		recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
		reason: text('reason').notNull().default(''),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.regionId, t.scopeKey, t.indicatorKey] }),
		check('impact_baselines_value', sql`${t.value} >= 0`)
	]
);

/** A target other than the impact map's, per scope (the region's or one municipality's). */
export const impactTargets = pgTable(
	'impact_targets',
	{
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		scopeKey: scopeKey(),
		indicatorKey: text('indicator_key').notNull(),
		target: doublePrecision('target').notNull(),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.regionId, t.scopeKey, t.indicatorKey] }),
		check('impact_targets_positive', sql`${t.target} > 0`)
	]
);

/** A figure the platform cannot count, entered by staff with a note; the latest per scope and indicator counts. */
export const impactEntries = pgTable(
	'impact_entries',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		scopeKey: scopeKey(),
		indicatorKey: text('indicator_key').notNull(),
		value: doublePrecision('value').notNull(),
		note: text('note').notNull(),
		enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
		enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('impact_entries_scope_idx').on(t.regionId, t.indicatorKey, t.scopeKey, t.enteredAt),
		check('impact_entries_value', sql`${t.value} >= 0`)
	]
);

/**
 * A municipality's participation strategy as staff record it on a short form: the channels it uses, its
 * communication agreements with a wider network (external), and its internal strategy.
 */
export const impactStrategies = pgTable('impact_strategies', {
	municipalityId: uuid('municipality_id')
		.primaryKey()
		.references(() => municipalities.id, { onDelete: 'cascade' }),
	channels: jsonb('channels').$type<string[]>().notNull().default([]),
	agreements: text('agreements').notNull().default(''),
	internal: text('internal').notNull().default(''),
	updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** The climate actions in execution when the programme started: "additional actions" are counted against these. */
export const impactStartRegister = pgTable(
	'impact_start_register',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		actionId: integer('action_id').notNull(),
		title: text('title').notNull(),
		recordedOn: date('recorded_on', { mode: 'string' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.municipalityId, t.actionId] })]
);
