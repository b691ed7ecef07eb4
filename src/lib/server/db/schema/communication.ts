import { sql } from 'drizzle-orm';
import {
	check,
	date,
	foreignKey,
	index,
	integer,
	pgTable,
	serial,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { COMMUNICATION_CHANNELS, COMMUNICATION_MOMENTS } from '../../../domain/communication';
import { municipalities } from './municipalities';
import { users } from './accounts';
import { actions, opportunities } from './actions';
import { events } from './events';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A communication plan (communicatieplan) of one action, event or opportunity's call for suggestions: exactly one
 * of the three is set, and each has at most one plan. It goes with its subject.
 */
export const communicationPlans = pgTable(
	'communication_plans',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		actionId: integer('action_id').references(() => actions.id, { onDelete: 'cascade' }),
		eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
		opportunityId: integer('opportunity_id').references(() => opportunities.id, { onDelete: 'cascade' }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('communication_plans_municipality_idx').on(t.municipalityId, t.createdAt),
		uniqueIndex('communication_plans_action_key')
			.on(t.actionId)
			.where(sql`${t.actionId} IS NOT NULL`),
		uniqueIndex('communication_plans_event_key')
			.on(t.eventId)
			.where(sql`${t.eventId} IS NOT NULL`),
		uniqueIndex('communication_plans_opportunity_key')
			.on(t.opportunityId)
			.where(sql`${t.opportunityId} IS NOT NULL`),
		unique('communication_plans_tenant_key').on(t.id, t.municipalityId),
		check(
			'communication_plans_one_subject',
			sql`num_nonnulls(${t.actionId}, ${t.eventId}, ${t.opportunityId}) = 1`
		)
	]
);

/** A moment of a plan (announce, invite, remind, report back) on a Brussels day. */
export const communicationMoments = pgTable(
	'communication_moments',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		planId: integer('plan_id').notNull(),
		kind: text('kind', { enum: COMMUNICATION_MOMENTS }).notNull(),
		/** The day it is due, a Brussels calendar day (a date, so a week is seven days whatever the clock does). */
		dueOn: date('due_on').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		foreignKey({
			name: 'communication_moments_plan_fk',
			columns: [t.planId, t.municipalityId],
			foreignColumns: [communicationPlans.id, communicationPlans.municipalityId]
		}).onDelete('cascade'),
		// The week's calendar: a municipality's moments by day.
		index('communication_moments_due_idx').on(t.municipalityId, t.dueOn),
		index('communication_moments_plan_idx').on(t.municipalityId, t.planId, t.dueOn),
		unique('communication_moments_tenant_key').on(t.id, t.municipalityId),
		check('communication_moments_kind_valid', sql`${t.kind} IN (${inList(COMMUNICATION_MOMENTS)})`)
	]
);

/**
 * The text of one channel at one moment. `subject` and `body` stay null while the suggested text is used: it is
 * written from the plan's subject when shown (so it follows a changed date or title); once staff edit it, their
 * text is kept. `short_code` is the short link /k/{code}, which redirects to the subject's page with this
 * channel's utm tags. Marked published by whom and when.
 */
export const communicationTexts = pgTable(
	'communication_texts',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		momentId: integer('moment_id').notNull(),
		channel: text('channel', { enum: COMMUNICATION_CHANNELS }).notNull(),
		subject: text('subject'),
		body: text('body'),
		shortCode: text('short_code').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		foreignKey({
			name: 'communication_texts_moment_fk',
			columns: [t.momentId, t.municipalityId],
			foreignColumns: [communicationMoments.id, communicationMoments.municipalityId]
		}).onDelete('cascade'),
		index('communication_texts_moment_idx').on(t.municipalityId, t.momentId),
		uniqueIndex('communication_texts_channel_key').on(t.momentId, t.channel),
		uniqueIndex('communication_texts_short_code_key').on(t.shortCode),
		check('communication_texts_channel_valid', sql`${t.channel} IN (${inList(COMMUNICATION_CHANNELS)})`),
		// Nobody is named as publisher of a text that is not published (the publisher may be gone: set null).
		check('communication_texts_published', sql`${t.publishedAt} IS NOT NULL OR ${t.publishedBy} IS NULL`)
	]
);
