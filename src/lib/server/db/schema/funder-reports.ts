import { sql } from 'drizzle-orm';
import {
	check,
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
import { municipalities, regions } from './municipalities';
import { users } from './accounts';

/**
 * A funder's reporting programme (issue 21, seed 003): defined by the region's admins, with its periods
 * (project years), threshold, who submits, and its actions and extra sections as a validated definition
 * (features/funder-reports/funder-reports.schemas.ts: programmeDefinitionSchema).
 */
export const funderProgrammes = pgTable(
	'funder_programmes',
	{
		id: serial('id').primaryKey(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		/** The preset it was made from (`impact-map`, `plan-samenleven`), or null. */
		preset: text('preset'),
		name: text('name').notNull(),
		funder: text('funder').notNull(),
		/** Percent of the target under which a motivation and initiatives are asked. */
		threshold: integer('threshold').notNull().default(25),
		submitter: text('submitter', { enum: ['municipality', 'region'] }).notNull(),
		definition: jsonb('definition').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('funder_programmes_region_idx').on(t.regionId),
		check('funder_programmes_threshold', sql`${t.threshold} > 0 AND ${t.threshold} <= 100`)
	]
);

/** The people named to judge a programme's reports; nobody else judges them. */
export const funderReviewers = pgTable(
	'funder_reviewers',
	{
		programmeId: integer('programme_id')
			.notNull()
			.references(() => funderProgrammes.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.programmeId, t.userId] }), index('funder_reviewers_user_idx').on(t.userId)]
);

/**
 * A reviewer named by an address without a (verified, living) account yet: mailed an invitation, and made
 * reviewer when a person signs in with, or verifies, that address (acceptFunderReviewerInvitations). The row
 * goes when it is accepted or revoked.
 */
export const funderReviewerInvitations = pgTable(
	'funder_reviewer_invitations',
	{
		id: serial('id').primaryKey(),
		programmeId: integer('programme_id')
			.notNull()
			.references(() => funderProgrammes.id, { onDelete: 'cascade' }),
		/** Lower case, as typed by the region's admin. */
		email: text('email').notNull(),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('funder_reviewer_invitations_key').on(t.programmeId, t.email),
		index('funder_reviewer_invitations_email_idx').on(t.email)
	]
);

/**
 * One interim report of a programme for a period and a submitter (a municipality, or the region when
 * `municipalityId` is null; `scopeKey` is 'region' or the municipality's id so one key holds for both). A draft
 * until submitted; submitted reports are locked with their figures as they were; the verdict follows.
 */
export const funderReports = pgTable(
	'funder_reports',
	{
		id: serial('id').primaryKey(),
		programmeId: integer('programme_id')
			.notNull()
			.references(() => funderProgrammes.id, { onDelete: 'cascade' }),
		periodKey: text('period_key').notNull(),
		scopeKey: text('scope_key').notNull(),
		municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'cascade' }),
		status: text('status', { enum: ['draft', 'submitted', 'reviewed'] })
			.notNull()
			.default('draft'),
		/** Per action: target, computed value and when, the reached value used (with a reason when changed). */
		figures: jsonb('figures').notNull(),
		/** What the submitter answered: motivations, initiatives, stops, minimum expectations, extra sections. */
		answers: jsonb('answers').notNull(),
		/** Per action: enough initiatives, may continue, conclusion. */
		verdict: jsonb('verdict'),
		openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('funder_reports_key').on(t.programmeId, t.periodKey, t.scopeKey),
		index('funder_reports_municipality_idx').on(t.municipalityId)
	]
);
