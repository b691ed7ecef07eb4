import { boolean, index, integer, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { STORY_PLACEMENTS, STORY_STATUSES } from '../../../domain/stories';
import { municipalities } from './municipalities';
import { users } from './accounts';
import { media } from './media';
import { actions, actionUpdates } from './actions';

/**
 * A neighbourhood initiative's story, told by a signed-in citizen: waiting for staff, then published on the
 * municipality's home or as an update of an action (`update_id`), or rejected with a reason the author reads.
 * The author's name is never copied here: it is read from the account when `show_name` is on, so deleting the
 * account takes it away.
 */
export const stories = pgTable(
	'stories',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		initiative: text('initiative').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		/** The author agreed to be named; otherwise the story is published anonymously. */
		showName: boolean('show_name').notNull().default(false),
		/** The action the author linked, or the one staff published it under. */
		actionId: integer('action_id').references(() => actions.id, { onDelete: 'set null' }),
		/** The photo (a `media` row with its alt text); served publicly only while the story is published. */
		photoId: uuid('photo_id').references(() => media.id, { onDelete: 'set null' }),
		status: text('status', { enum: STORY_STATUSES }).notNull().default('submitted'),
		placement: text('placement', { enum: STORY_PLACEMENTS }),
		/** The action update a publication as news made. */
		updateId: integer('update_id').references(() => actionUpdates.id, { onDelete: 'set null' }),
		rejectReason: text('reject_reason'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('stories_municipality_idx').on(t.municipalityId, t.status, t.createdAt),
		index('stories_home_idx').on(t.municipalityId, t.placement, t.publishedAt),
		index('stories_author_idx').on(t.authorId),
		index('stories_photo_idx').on(t.photoId)
	]
);
