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
	uuid
} from 'drizzle-orm/pg-core';
import { NEWSLETTER_STATUSES, type NewsletterAudience } from '../../../domain/newsletters';
import { municipalities } from './municipalities';
import { users } from './accounts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A newsletter of a municipality (a region-wide one belongs to the municipality it was written in). The body
 * is Markdown, rendered sanitised; once sent it is public in the archive (/{municipality}/nieuwsbrieven/{id}).
 */
export const newsletters = pgTable(
	'newsletters',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		subject: text('subject').notNull(),
		body: text('body').notNull().default(''),
		audience: jsonb('audience').$type<NewsletterAudience>().notNull(),
		status: text('status', { enum: NEWSLETTER_STATUSES }).notNull().default('draft'),
		/** When it goes (or went) out; set by "send now" and "schedule". */
		scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
		/** Fixed when the recipient list is built, at the start of sending. */
		recipientCount: integer('recipient_count'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('newsletters_municipality_idx').on(t.municipalityId, t.status, t.createdAt),
		index('newsletters_due_idx').on(t.status, t.scheduledAt),
		check('newsletters_status_valid', sql`${t.status} IN (${inList(NEWSLETTER_STATUSES)})`)
	]
);

/**
 * Who a newsletter goes to, built set-based when sending starts (one INSERT … SELECT). `queued_at` is set in
 * the transaction that queues the person's mail, so a second run queues only who is left: nobody twice.
 * A person's rows go with their account.
 */
export const newsletterRecipients = pgTable(
	'newsletter_recipients',
	{
		newsletterId: integer('newsletter_id')
			.notNull()
			.references(() => newsletters.id, { onDelete: 'cascade' }),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		queuedAt: timestamp('queued_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.newsletterId, t.userId] }),
		index('newsletter_recipients_municipality_idx').on(t.municipalityId, t.newsletterId),
		index('newsletter_recipients_waiting_idx')
			.on(t.newsletterId, t.userId)
			.where(sql`${t.queuedAt} IS NULL`),
		index('newsletter_recipients_user_idx').on(t.userId)
	]
);
