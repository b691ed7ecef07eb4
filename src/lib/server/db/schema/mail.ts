import { sql } from 'drizzle-orm';
import {
	bigint,
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities';

/** What became of one mail to one recipient (platform/mail-delivery.ts). */
export const MAIL_DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'bounced', 'suppressed'] as const;
export type MailDeliveryStatus = (typeof MAIL_DELIVERY_STATUSES)[number];

/**
 * The delivery ledger: one row per (message key, recipient), written in the transaction that queues the
 * mail's job and updated right after the SMTP server accepted or refused it. Queueing the same key to the
 * same address again finds the row and queues nothing; the job skips a row that is no longer `queued`.
 * The municipality is the one the mail is sent for; none for region-wide mail (so not NOT NULL).
 */
export const mailDeliveries = pgTable(
	'mail_deliveries',
	{
		/**
		 * A short name of the row for the bounce address of its mail (VERP, platform/mail-bounces.ts): a late
		 * bounce (DSN) comes back to bounces+<id>-<signature>@MAIL_BOUNCE_DOMAIN and finds the row by it.
		 */
		id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
		messageKey: text('message_key').notNull(),
		/** The address, lower-cased. */
		recipient: text('recipient').notNull(),
		municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'cascade' }),
		status: text('status', { enum: MAIL_DELIVERY_STATUSES }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		/** The SMTP answer or error of the last failed attempt, short and without credentials. */
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.messageKey, t.recipient] }),
		uniqueIndex('mail_deliveries_id_idx').on(t.id),
		index('mail_deliveries_recipient_idx').on(t.recipient),
		index('mail_deliveries_municipality_idx').on(t.municipalityId, t.createdAt),
		check(
			'mail_deliveries_status_valid',
			sql`${t.status} IN (${sql.raw(MAIL_DELIVERY_STATUSES.map((s) => `'${s}'`).join(', '))})`
		)
	]
);

/**
 * Addresses no mail goes to: the server refused them permanently (5xx on RCPT or DATA, a hard bounce), or a
 * delivery status notification said so later (a DSN with Action: failed and Status 5.x.x).
 * The row goes when the person confirms the address again (a mailed link used, a verified login).
 */
export const mailSuppressions = pgTable('mail_suppressions', {
	/** The address, lower-cased. */
	address: text('address').primaryKey(),
	reason: text('reason').notNull(),
	since: timestamp('since', { withTimezone: true }).notNull().defaultNow()
});
