// The climate plan's internal work (seed 004): which department a staff member belongs to, climate teams per theme
// with their members, the meetings of the internal trajectory with who took part, their agreements (each becoming a
// plan action or a task once), tasks, and the diagnosis of how departments cooperate, in rounds.
import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	AGREEMENT_OUTCOMES,
	MEETING_KINDS,
	TASK_STATUSES,
	type DiagnosisScores
} from '../../../domain/climate-plan-teams';
import { municipalities } from './municipalities';
import { users } from './accounts';
import { climatePlanActions, climatePlanDepartments, climatePlanThemes } from './climate-plan';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The department a staff member belongs to, one per person and municipality. The staff roles stay as they are
 * (`memberships`); this links the person to one of the plan's departments.
 */
export const climatePlanDepartmentStaff = pgTable(
	'climate_plan_department_staff',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		departmentId: integer('department_id')
			.notNull()
			.references(() => climatePlanDepartments.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.municipalityId, t.userId] }),
		index('climate_plan_department_staff_department_idx').on(t.municipalityId, t.departmentId)
	]
);

/** A climate team: department heads and experts around one theme of the plan (buildings, mobility, …). */
export const climatePlanTeams = pgTable(
	'climate_plan_teams',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		themeId: integer('theme_id').references(() => climatePlanThemes.id, { onDelete: 'set null' }),
		leadId: uuid('lead_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('climate_plan_teams_name_key').on(t.municipalityId, sql`lower(${t.name})`)]
);

export const climatePlanTeamMembers = pgTable(
	'climate_plan_team_members',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		teamId: integer('team_id')
			.notNull()
			.references(() => climatePlanTeams.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.teamId, t.userId] }),
		index('climate_plan_team_members_municipality_idx').on(t.municipalityId, t.userId)
	]
);

/**
 * A meeting of the internal trajectory: a relaunch day (one person per department), a lunch talk between the
 * sustainability service and one department, or a climate team's meeting.
 */
export const climatePlanMeetings = pgTable(
	'climate_plan_meetings',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: MEETING_KINDS }).notNull(),
		heldOn: date('held_on').notNull(),
		/** The department of a lunch talk. */
		departmentId: integer('department_id').references(() => climatePlanDepartments.id, {
			onDelete: 'set null'
		}),
		/** The team of a climate team meeting. */
		teamId: integer('team_id').references(() => climatePlanTeams.id, { onDelete: 'set null' }),
		notes: text('notes').notNull().default(''),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('climate_plan_meetings_municipality_idx').on(t.municipalityId, t.heldOn),
		check('climate_plan_meetings_kind_valid', sql`${t.kind} IN (${inList(MEETING_KINDS)})`)
	]
);

/** Who took part, and for a relaunch day the department they represented. */
export const climatePlanMeetingParticipants = pgTable(
	'climate_plan_meeting_participants',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => climatePlanMeetings.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		departmentId: integer('department_id').references(() => climatePlanDepartments.id, {
			onDelete: 'set null'
		})
	},
	(t) => [
		primaryKey({ columns: [t.meetingId, t.userId] }),
		index('climate_plan_meeting_participants_municipality_idx').on(t.municipalityId, t.userId)
	]
);

/** An agreement of a meeting; it becomes a plan action or a task once (`outcome`). */
export const climatePlanAgreements = pgTable(
	'climate_plan_agreements',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		meetingId: integer('meeting_id')
			.notNull()
			.references(() => climatePlanMeetings.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		outcome: text('outcome', { enum: AGREEMENT_OUTCOMES }).notNull().default('open'),
		planActionId: integer('plan_action_id').references(() => climatePlanActions.id, {
			onDelete: 'set null'
		}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('climate_plan_agreements_municipality_idx').on(t.municipalityId, t.meetingId),
		uniqueIndex('climate_plan_agreements_plan_action_key').on(t.planActionId),
		check('climate_plan_agreements_outcome_valid', sql`${t.outcome} IN (${inList(AGREEMENT_OUTCOMES)})`)
	]
);

/** A task an agreement became: an owner (staff here), a due date and a status. */
export const climatePlanTasks = pgTable(
	'climate_plan_tasks',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		agreementId: integer('agreement_id')
			.notNull()
			.references(() => climatePlanAgreements.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
		dueOn: date('due_on').notNull(),
		status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
		doneAt: timestamp('done_at', { withTimezone: true }),
		/** When the owner was told the task passed its due date unfinished (once: the job sets it as it tells). */
		overdueNoticedAt: timestamp('overdue_noticed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('climate_plan_tasks_agreement_key').on(t.agreementId),
		index('climate_plan_tasks_owner_idx').on(t.municipalityId, t.ownerId, t.status),
		check('climate_plan_tasks_status_valid', sql`${t.status} IN (${inList(TASK_STATUSES)})`)
	]
);

/** A round of the diagnosis of how departments cooperate: the same questions, asked again later. */
export const climatePlanDiagnosisRounds = pgTable(
	'climate_plan_diagnosis_rounds',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('climate_plan_diagnosis_rounds_name_key').on(t.municipalityId, sql`lower(${t.name})`)]
);

/** One department's answers in a round: a score per question and a text. */
export const climatePlanDiagnosisAnswers = pgTable(
	'climate_plan_diagnosis_answers',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		roundId: integer('round_id')
			.notNull()
			.references(() => climatePlanDiagnosisRounds.id, { onDelete: 'cascade' }),
		departmentId: integer('department_id')
			.notNull()
			.references(() => climatePlanDepartments.id, { onDelete: 'cascade' }),
		scores: jsonb('scores').$type<DiagnosisScores>().notNull(),
		comment: text('comment').notNull().default(''),
		answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
		answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.roundId, t.departmentId] }),
		index('climate_plan_diagnosis_answers_municipality_idx').on(t.municipalityId, t.roundId)
	]
);
