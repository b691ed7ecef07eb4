import { sql } from 'drizzle-orm';
import {
	bigint,
	check,
	bigserial,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { SUBSCRIPTION_CAPACITIES, SUBSCRIPTION_SUBJECT_KINDS } from '../../../domain/subscriptions';
import { municipalities, regions } from './municipalities';
import { users } from './accounts';

/** Facts about this installation itself, such as whether the demo content has been loaded. */
export const platformMeta = pgTable('platform_meta', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * The outbox: domain events written in the transaction of the change (platform/events.ts). The dispatcher
 * hands each to the handlers subscribed to its type (event_deliveries) and then sets processed_at.
 * The subject (kind and id) is the aggregate whose events are handled in order.
 */
export const domainEvents = pgTable(
	'domain_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		/** The municipality it happened in; null for an event of the region alone (events.ts, `scope`). */
		municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'cascade' }),
		/** The region of a region-scoped event (a funder report the region holds); null for the others. */
		regionId: uuid('region_id').references(() => regions.id, { onDelete: 'cascade' }),
		type: text('type').notNull(),
		subjectKind: text('subject_kind').notNull(),
		subjectId: text('subject_id').notNull(),
		actorId: uuid('actor_id'),
		payload: jsonb('payload').notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		processedAt: timestamp('processed_at', { withTimezone: true })
	},
	(t) => [
		index('domain_events_municipality_idx').on(t.municipalityId, t.createdAt),
		index('domain_events_region_idx')
			.on(t.regionId, t.createdAt)
			.where(sql`${t.regionId} IS NOT NULL`),
		check('domain_events_scope', sql`${t.municipalityId} IS NOT NULL OR ${t.regionId} IS NOT NULL`),
		index('domain_events_type_idx').on(t.type, t.createdAt),
		index('domain_events_subject_idx').on(t.subjectKind, t.subjectId, t.id),
		index('domain_events_unprocessed_idx')
			.on(t.id)
			.where(sql`${t.processedAt} IS NULL`)
	]
);

/**
 * One row per event a handler still has to handle; the handler's transaction deletes it, so "handled" and
 * the handler's own writes commit together. A failed attempt moves next_attempt_at on (backoff).
 */
export const eventDeliveries = pgTable(
	'event_deliveries',
	{
		handler: text('handler').notNull(),
		eventId: bigint('event_id', { mode: 'number' })
			.notNull()
			.references(() => domainEvents.id, { onDelete: 'cascade' }),
		subjectKind: text('subject_kind').notNull(),
		subjectId: text('subject_id').notNull(),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.handler, t.eventId] }),
		index('event_deliveries_subject_idx').on(t.handler, t.subjectKind, t.subjectId, t.eventId),
		index('event_deliveries_due_idx').on(t.handler, t.nextAttemptAt)
	]
);

/**
 * A person follows something: an action, a suggestion, an event, a group or a theme (the subject). One
 * table for every kind, so the profile, the export, the deletion and the notifications read one place.
 * The subject is not a foreign key (it points into several tables); subjects are archived rather than
 * deleted, and the municipality's deletion takes its subscriptions along.
 */
export const subscriptions = pgTable(
	'subscriptions',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		subjectKind: text('subject_kind', { enum: SUBSCRIPTION_SUBJECT_KINDS }).notNull(),
		subjectId: text('subject_id').notNull(),
		/** A participant's public follow, or a colleague's follow from the back office (domain/subscriptions.ts). */
		capacity: text('capacity', { enum: SUBSCRIPTION_CAPACITIES }).notNull().default('participant'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.subjectKind, t.subjectId, t.capacity] }),
		index('subscriptions_subject_idx').on(t.municipalityId, t.subjectKind, t.subjectId),
		check(
			'subscriptions_subject_kind_valid',
			sql`${t.subjectKind} IN (${sql.raw(SUBSCRIPTION_SUBJECT_KINDS.map((k) => `'${k}'`).join(', '))})`
		),
		check(
			'subscriptions_capacity_valid',
			sql`${t.capacity} IN (${sql.raw(SUBSCRIPTION_CAPACITIES.map((k) => `'${k}'`).join(', '))})`
		)
	]
);
