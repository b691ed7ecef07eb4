import { sql } from 'drizzle-orm';
import {
	bigint,
	check,
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
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	COVENANT_SECTORS,
	PLAN_PRIORITIES,
	PLAN_STATUSES,
	type PlanPublicPart
} from '../../../domain/climate-plan';
import { municipalities } from './municipalities';
import { users } from './accounts';
import { actions } from './actions';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The themes of a municipality's climate plan (gebouwen, mobiliteit, …), its own list. */
export const climatePlanThemes = pgTable(
	'climate_plan_themes',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		position: integer('position').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('climate_plan_themes_name_key').on(t.municipalityId, sql`lower(${t.name})`)]
);

/**
 * The departments (diensten) that carry plan actions. A colleague's role names its department as text
 * (`memberships.department`); the plan keeps its own list per municipality, so an action's departments are
 * rows of this municipality, never a name of elsewhere.
 */
export const climatePlanDepartments = pgTable(
	'climate_plan_departments',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('climate_plan_departments_name_key').on(t.municipalityId, sql`lower(${t.name})`)]
);

/**
 * An action of the municipality's climate plan. Money in integer cents; CO2 in tonnes a year, energy in MWh a
 * year. `last_update_at` is the time of its latest monitoring update (for "no update for 60 days").
 * `public_action_id` links it to a public climate action of the platform, which shows `public_parts` only.
 */
export const climatePlanActions = pgTable(
	'climate_plan_actions',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		/** The plan's own reference ("1.3", "MOB-04"), unique in the municipality when given. */
		code: text('code'),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		themeId: integer('theme_id').references(() => climatePlanThemes.id, { onDelete: 'set null' }),
		sector: text('sector', { enum: COVENANT_SECTORS }).notNull().default('other'),
		leadDepartmentId: integer('lead_department_id').references(() => climatePlanDepartments.id, {
			onDelete: 'set null'
		}),
		responsibleId: uuid('responsible_id').references(() => users.id, { onDelete: 'set null' }),
		priority: text('priority', { enum: PLAN_PRIORITIES }).notNull().default('medium'),
		status: text('status', { enum: PLAN_STATUSES }).notNull().default('not_started'),
		plannedStart: date('planned_start'),
		plannedEnd: date('planned_end'),
		actualStart: date('actual_start'),
		actualEnd: date('actual_end'),
		budgetCents: bigint('budget_cents', { mode: 'number' }),
		spentCents: bigint('spent_cents', { mode: 'number' }),
		co2Planned: doublePrecision('co2_planned'),
		co2Achieved: doublePrecision('co2_achieved'),
		energySavingsMwh: doublePrecision('energy_savings_mwh'),
		renewableMwh: doublePrecision('renewable_mwh'),
		/** The Covenant report's "area of intervention", "policy instrument" and "origin of the action". */
		areaOfIntervention: text('area_of_intervention').notNull().default(''),
		policyInstrument: text('policy_instrument').notNull().default(''),
		origin: text('origin').notNull().default(''),
		publicActionId: integer('public_action_id').references(() => actions.id, { onDelete: 'set null' }),
		publicParts: jsonb('public_parts').$type<PlanPublicPart[]>().notNull().default([]),
		lastUpdateAt: timestamp('last_update_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('climate_plan_actions_municipality_idx').on(t.municipalityId, t.status, t.priority),
		index('climate_plan_actions_public_idx').on(t.municipalityId, t.publicActionId),
		// The participation figure and the table's department filter, on every load of the board.
		index('climate_plan_actions_lead_department_idx').on(t.municipalityId, t.leadDepartmentId),
		unique('climate_plan_actions_code_key').on(t.municipalityId, t.code),
		check('climate_plan_actions_status_valid', sql`${t.status} IN (${inList(PLAN_STATUSES)})`),
		check('climate_plan_actions_priority_valid', sql`${t.priority} IN (${inList(PLAN_PRIORITIES)})`),
		check('climate_plan_actions_sector_valid', sql`${t.sector} IN (${inList(COVENANT_SECTORS)})`),
		check(
			'climate_plan_actions_amounts_valid',
			sql`coalesce(${t.budgetCents}, 0) >= 0 AND coalesce(${t.spentCents}, 0) >= 0 AND coalesce(${t.co2Planned}, 0) >= 0 AND coalesce(${t.co2Achieved}, 0) >= 0 AND coalesce(${t.energySavingsMwh}, 0) >= 0 AND coalesce(${t.renewableMwh}, 0) >= 0`
		),
		check(
			'climate_plan_actions_dates_valid',
			sql`(${t.plannedStart} IS NULL OR ${t.plannedEnd} IS NULL OR ${t.plannedStart} <= ${t.plannedEnd}) AND (${t.actualStart} IS NULL OR ${t.actualEnd} IS NULL OR ${t.actualStart} <= ${t.actualEnd})`
		)
	]
);

/** The departments involved in an action besides its lead. */
export const climatePlanActionDepartments = pgTable(
	'climate_plan_action_departments',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		planActionId: integer('plan_action_id')
			.notNull()
			.references(() => climatePlanActions.id, { onDelete: 'cascade' }),
		departmentId: integer('department_id')
			.notNull()
			.references(() => climatePlanDepartments.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.planActionId, t.departmentId] }),
		index('climate_plan_action_departments_municipality_idx').on(t.municipalityId, t.departmentId)
	]
);

/** What an action measures: a target and where it stands now. */
export const climatePlanIndicators = pgTable(
	'climate_plan_indicators',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		planActionId: integer('plan_action_id')
			.notNull()
			.references(() => climatePlanActions.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		unit: text('unit').notNull().default(''),
		target: doublePrecision('target'),
		current: doublePrecision('current'),
		position: integer('position').notNull().default(0)
	},
	(t) => [index('climate_plan_indicators_municipality_idx').on(t.municipalityId, t.planActionId)]
);

export const climatePlanMilestones = pgTable(
	'climate_plan_milestones',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		planActionId: integer('plan_action_id')
			.notNull()
			.references(() => climatePlanActions.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		dueOn: date('due_on'),
		doneOn: date('done_on')
	},
	(t) => [index('climate_plan_milestones_municipality_idx').on(t.municipalityId, t.planActionId)]
);

/** The monitoring log: what was done, what blocks, an adjustment with its reason, and the status after it. */
export const climatePlanUpdates = pgTable(
	'climate_plan_updates',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		planActionId: integer('plan_action_id')
			.notNull()
			.references(() => climatePlanActions.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		done: text('done').notNull(),
		blockers: text('blockers').notNull().default(''),
		adjustment: text('adjustment').notNull().default(''),
		adjustmentReason: text('adjustment_reason').notNull().default(''),
		statusAfter: text('status_after', { enum: PLAN_STATUSES }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('climate_plan_updates_municipality_idx').on(t.municipalityId, t.planActionId, t.createdAt),
		index('climate_plan_updates_author_idx').on(t.authorId)
	]
);

/** A staff member's saved filters of the board's table, by name (the query string of the table). */
export const climatePlanViews = pgTable(
	'climate_plan_views',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		query: text('query').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('climate_plan_views_municipality_idx').on(t.municipalityId, t.userId),
		unique('climate_plan_views_name_key').on(t.municipalityId, t.userId, t.name)
	]
);

/**
 * An uploaded plan waiting for its column mapping and confirmation: the file's cells as text, nothing of the
 * plan saved yet. Deleted once imported, and by the housekeeping after a day.
 */
export const climatePlanImports = pgTable(
	'climate_plan_imports',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		headers: jsonb('headers').$type<string[]>().notNull(),
		rows: jsonb('rows').$type<string[][]>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('climate_plan_imports_municipality_idx').on(t.municipalityId, t.userId, t.createdAt)]
);

/** The monthly "hoe ver staat je?" mail, once per owner, municipality and month (YYYY-MM, Europe/Brussels). */
export const climatePlanReminders = pgTable(
	'climate_plan_reminders',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		month: text('month').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.municipalityId, t.month, t.userId] })]
);
