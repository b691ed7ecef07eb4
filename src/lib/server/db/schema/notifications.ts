import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { MAIL_FREQUENCIES, NOTIFICATION_KINDS } from '../../../domain/notifications';
import { users } from './accounts';
import { municipalities } from './municipalities';

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
