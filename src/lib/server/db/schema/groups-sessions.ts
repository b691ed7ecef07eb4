// A citizen group's coaching sessions, their notes, and the evaluation month's experiences and lessons
// (features/groups: groups.sessions.ts, groups.evaluation.ts).
import { sql } from 'drizzle-orm';
import {
	check,
	foreignKey,
	index,
	integer,
	pgTable,
	serial,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { LESSON_KINDS, LESSON_VOICES } from '../../../domain/groups-sessions';
import { municipalities } from './municipalities';
import { users } from './accounts';
import { events } from './events';
import { playbookProposals, playbookTrajectorySteps } from './playbook';
import { citizenGroups } from './groups';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

/**
 * A session of the group: an event of the events feature (a draft while only the members see it), usually a
 * session step of the municipality's trajectory (its agenda, materials and what to prepare). An event is the
 * session of one group at most; a step is planned once per group. The event's foreign key carries the
 * municipality, so a session cannot point at another municipality's event.
 */
export const groupSessions = pgTable(
	'group_sessions',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		eventId: integer('event_id').notNull(),
		trajectoryStepId: integer('trajectory_step_id').references(() => playbookTrajectorySteps.id, {
			onDelete: 'set null'
		}),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		foreignKey({
			name: 'group_sessions_event_fk',
			columns: [t.eventId, t.municipalityId],
			foreignColumns: [events.id, events.municipalityId]
		}).onDelete('cascade'),
		index('group_sessions_group_idx').on(t.municipalityId, t.groupId),
		uniqueIndex('group_sessions_event_key').on(t.eventId),
		uniqueIndex('group_sessions_step_key').on(t.groupId, t.trajectoryStepId),
		index('group_sessions_step_idx').on(t.trajectoryStepId)
	]
);

/** A note a member or the coaching staff wrote for a session (Markdown, shown sanitised). */
export const groupSessionNotes = pgTable(
	'group_session_notes',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		sessionId: integer('session_id')
			.notNull()
			.references(() => groupSessions.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('group_session_notes_session_idx').on(t.municipalityId, t.sessionId, t.createdAt),
		index('group_session_notes_author_idx').on(t.authorId)
	]
);

/**
 * The evaluation month: a positive experience or a lesson learned, by the municipality or the citizens, shown on
 * the group's public page; a lesson staff sent back into the playbook keeps its proposal.
 */
export const groupLessons = pgTable(
	'group_lessons',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: LESSON_KINDS }).notNull(),
		voice: text('voice', { enum: LESSON_VOICES }).notNull(),
		body: text('body').notNull(),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		proposalId: integer('proposal_id').references(() => playbookProposals.id, { onDelete: 'set null' }),
		proposedAt: timestamp('proposed_at', { withTimezone: true })
	},
	(t) => [
		index('group_lessons_group_idx').on(t.municipalityId, t.groupId, t.createdAt),
		index('group_lessons_author_idx').on(t.authorId),
		check('group_lessons_kind_valid', sql`${t.kind} IN (${inList(LESSON_KINDS)})`),
		check('group_lessons_voice_valid', sql`${t.voice} IN (${inList(LESSON_VOICES)})`)
	]
);
