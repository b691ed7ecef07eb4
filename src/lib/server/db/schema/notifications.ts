import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	check,
	date,
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
import {
	MAIL_FREQUENCIES,
	NOTIFICATION_KINDS,
	NOTIFICATION_MAIL_STATES,
	type NotificationParams
} from '../../../domain/notifications';
import { users } from './accounts';
import { municipalities, regions } from './municipalities';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * How often a person wants mail of each kind (domain/notifications.ts). No row: the kind's default. A kind
 * that needs a consent sends nothing while that consent is not open, whatever the row says.
 */
export const notificationPreferences = pgTable(
	'notification_preferences',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		frequency: text('frequency', { enum: MAIL_FREQUENCIES }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.kind] }),
		check('notification_preferences_kind_valid', sql`${t.kind} IN (${inList(NOTIFICATION_KINDS)})`),
		check('notification_preferences_frequency_valid', sql`${t.frequency} IN (${inList(MAIL_FREQUENCIES)})`)
	]
);

/**
 * The weekly overview of a municipality that was queued for its aldermen, once per week (the week starts on
 * Monday, Europe/Brussels): inserted in the transaction that queues the mails, so a week is mailed once.
 */
export const weeklyOverviews = pgTable(
	'weekly_overviews',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		/** The Monday the overview's week began (Europe/Brussels). */
		weekStart: date('week_start', { mode: 'string' }).notNull(),
		recipients: integer('recipients').notNull(),
		queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.municipalityId, t.weekStart] })]
);

/**
 * Something a person should hear about (an in-app notification), written by the notifications feature's
 * domain-event handlers in the transaction that handles the event: one row per (event, person). The title is
 * rendered at read time from `type` and `params` through the message catalogue; `path` is where it links.
 * `mail_state`: `pending` until a daily or weekly digest takes it, `mailed` once its mail was queued (at
 * once or in a digest, `mailed_at`), `none` when it is not mailed (the kind is off, or in-app only).
 */
export const notifications = pgTable(
	'notifications',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		/** Where it happened; null for a notification of the region alone (its event's scope). */
		municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'cascade' }),
		/** The region of a region-scoped event's notification; null for the others. */
		regionId: uuid('region_id').references(() => regions.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		/** The domain event it came from (`suggestion.answered`, …): picks the Dutch title. */
		type: text('type').notNull(),
		/** The domain event's id: one notification per event and person, and the mail's stable reference. */
		eventId: bigint('event_id', { mode: 'number' }).notNull(),
		params: jsonb('params').$type<NotificationParams>().notNull(),
		path: text('path').notNull(),
		/** The action it belongs to, for the digests' grouping; null when it belongs to none. */
		actionId: integer('action_id'),
		mailState: text('mail_state', { enum: NOTIFICATION_MAIL_STATES }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		readAt: timestamp('read_at', { withTimezone: true }),
		mailedAt: timestamp('mailed_at', { withTimezone: true })
	},
	(t) => [
		index('notifications_municipality_idx').on(t.municipalityId, t.createdAt),
		// The list, newest first.
		index('notifications_user_idx').on(t.userId, t.id),
		// The bell: the unread count of one person reads only this small index.
		index('notifications_unread_idx')
			.on(t.userId)
			.where(sql`${t.readAt} IS NULL`),
		// The digests: who has something waiting.
		index('notifications_pending_idx')
			.on(t.userId, t.kind)
			.where(sql`${t.mailState} = 'pending'`),
		uniqueIndex('notifications_event_user_key').on(t.eventId, t.userId),
		check('notifications_scope', sql`${t.municipalityId} IS NOT NULL OR ${t.regionId} IS NOT NULL`),
		check('notifications_kind_valid', sql`${t.kind} IN (${inList(NOTIFICATION_KINDS)})`),
		check('notifications_mail_state_valid', sql`${t.mailState} IN (${inList(NOTIFICATION_MAIL_STATES)})`)
	]
);

/**
 * When a person last got a digest of each frequency (daily, weekly): the next is due a period later. Written
 * in the transaction that queues the digest's mail and marks its notifications.
 */
export const notificationDigests = pgTable(
	'notification_digests',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		frequency: text('frequency', { enum: ['daily', 'weekly'] }).notNull(),
		lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.frequency] })]
);
