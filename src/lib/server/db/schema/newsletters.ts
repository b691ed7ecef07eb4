import { sql } from 'drizzle-orm';
import {
	check,
	foreignKey,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique,
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
		/** While the recipient list is written, part by part (LIST_PARTS of the newsletters feature): how many are. */
		listedParts: integer('listed_parts').notNull().default(0),
		/**
		 * While sending: every recipient up to this user id (in id order) has their mail queued. It moves in the
		 * transaction that queues those mails, under this row's lock, so a second run (at once, or after a crash)
		 * goes on after it: nobody twice, nobody skipped.
		 */
		queuedThrough: uuid('queued_through'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('newsletters_municipality_idx').on(t.municipalityId, t.status, t.createdAt),
		index('newsletters_due_idx').on(t.status, t.scheduledAt),
		// What the recipient list refers to: a list row's municipality is its newsletter's.
		unique('newsletters_id_municipality_unique').on(t.id, t.municipalityId),
		check('newsletters_status_valid', sql`${t.status} IN (${inList(NEWSLETTER_STATUSES)})`)
	]
);

/**
 * Who a newsletter goes to, built set-based when sending starts (an INSERT … SELECT per part of the id space) and
 * fixed from then on.
 * The mails are queued in user id order; the newsletter's `queued_through` says how far. Kept lean, because the
 * list of 100,000 is written in a few seconds (on the embedded database, while pages wait for each part): the key and
 * the person's index (their rows go with their account), and one check that its newsletter, of that
 * municipality, exists.
 */
export const newsletterRecipients = pgTable(
	'newsletter_recipients',
	{
		newsletterId: integer('newsletter_id').notNull(),
		municipalityId: uuid('municipality_id').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.newsletterId, t.userId] }),
		foreignKey({
			name: 'newsletter_recipients_newsletter_fk',
			columns: [t.newsletterId, t.municipalityId],
			foreignColumns: [newsletters.id, newsletters.municipalityId]
		}).onDelete('cascade'),
		index('newsletter_recipients_user_idx').on(t.userId)
	]
);
