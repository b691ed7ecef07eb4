import {
	date,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	PROPOSAL_STATUSES,
	TEMPLATE_STATUSES,
	TRAJECTORY_STATUSES,
	PLAYBOOK_ROLES,
	type PlaybookContent,
	type PlaybookSession,
	type PlaybookChannel
} from '../../../domain/playbook';
import { municipalities, regions } from './municipalities';
import { users } from './accounts';
import { events } from './events';

/**
 * A trajectory template of a region's playbook (draaiboek). `content` is the working copy the region's keepers
 * edit; `published_content` is what municipalities start from and the public reads, replaced as a whole at each
 * publication (`version` counts them). A region table, not a tenant's: every municipality may read it.
 */
export const playbookTemplates = pgTable(
	'playbook_templates',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		/** The public address (`/draaiboek/{slug}`), unique across regions. */
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		/** The policy theme it was written for ("Klimaat"); a municipality may run it for another. */
		theme: text('theme').notNull().default(''),
		content: jsonb('content').$type<PlaybookContent>().notNull(),
		status: text('status', { enum: TEMPLATE_STATUSES }).notNull().default('draft'),
		publishedTitle: text('published_title'),
		publishedSummary: text('published_summary'),
		publishedTheme: text('published_theme'),
		publishedContent: jsonb('published_content').$type<PlaybookContent>(),
		version: integer('version').notNull().default(0),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('playbook_templates_slug_idx').on(t.slug),
		index('playbook_templates_region_idx').on(t.regionId, t.status)
	]
);

/** A municipality's run of a template, for a policy theme, with its own dates. */
export const playbookTrajectories = pgTable(
	'playbook_trajectories',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		templateId: uuid('template_id').references(() => playbookTemplates.id, { onDelete: 'set null' }),
		/** The template's title and published version it started from. */
		templateTitle: text('template_title').notNull(),
		templateVersion: integer('template_version').notNull(),
		title: text('title').notNull(),
		theme: text('theme').notNull(),
		startsOn: date('starts_on', { mode: 'string' }).notNull(),
		status: text('status', { enum: TRAJECTORY_STATUSES }).notNull().default('running'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('playbook_trajectories_municipality_idx').on(t.municipalityId, t.createdAt),
		index('playbook_trajectories_template_idx').on(t.templateId)
	]
);

export const playbookTrajectoryPhases = pgTable(
	'playbook_trajectory_phases',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		trajectoryId: integer('trajectory_id')
			.notNull()
			.references(() => playbookTrajectories.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		phaseKey: text('phase_key').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		startsOn: date('starts_on', { mode: 'string' }).notNull(),
		endsOn: date('ends_on', { mode: 'string' }).notNull()
	},
	(t) => [index('playbook_trajectory_phases_idx').on(t.municipalityId, t.trajectoryId, t.position)]
);

/** A step of a trajectory: copied from the template when it started, then the municipality's own. */
export const playbookTrajectorySteps = pgTable(
	'playbook_trajectory_steps',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		trajectoryId: integer('trajectory_id')
			.notNull()
			.references(() => playbookTrajectories.id, { onDelete: 'cascade' }),
		phaseId: integer('phase_id')
			.notNull()
			.references(() => playbookTrajectoryPhases.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		stepKey: text('step_key').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		role: text('role', { enum: PLAYBOOK_ROLES }).notNull(),
		dueOn: date('due_on', { mode: 'string' }).notNull(),
		checklist: jsonb('checklist').$type<string[]>().notNull().default([]),
		session: jsonb('session').$type<PlaybookSession | null>(),
		communication: jsonb('communication')
			.$type<Partial<Record<PlaybookChannel, string>>>()
			.notNull()
			.default({}),
		/** A dated session kept on the trajectory (without an event). */
		sessionStartsAt: timestamp('session_starts_at', { withTimezone: true }),
		/** The event the session became (the events feature's). */
		eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
		/** Ticked off: when and by whom (the name is read from the account, so deleting it takes it away). */
		doneAt: timestamp('done_at', { withTimezone: true }),
		doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		index('playbook_trajectory_steps_idx').on(t.municipalityId, t.trajectoryId, t.position),
		index('playbook_trajectory_steps_event_idx').on(t.eventId),
		index('playbook_trajectory_steps_done_by_idx').on(t.doneBy)
	]
);

/** A municipality's improvement of a step, proposed back to the region's template. */
export const playbookProposals = pgTable(
	'playbook_proposals',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		templateId: uuid('template_id')
			.notNull()
			.references(() => playbookTemplates.id, { onDelete: 'cascade' }),
		trajectoryStepId: integer('trajectory_step_id').references(() => playbookTrajectorySteps.id, {
			onDelete: 'set null'
		}),
		stepKey: text('step_key').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		checklist: jsonb('checklist').$type<string[]>().notNull().default([]),
		reason: text('reason').notNull(),
		status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('open'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true })
	},
	(t) => [
		index('playbook_proposals_municipality_idx').on(t.municipalityId, t.createdAt),
		index('playbook_proposals_template_idx').on(t.templateId, t.status),
		index('playbook_proposals_step_idx').on(t.trajectoryStepId)
	]
);
