// Who a post of a group's workspace mentions (groups.mentions.ts): one row per post and person, written with
// the post. Kept apart from schema/groups.ts so the mentions stay one small table of their own.
import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities';
import { users } from './accounts';
import { citizenGroups, groupPosts } from './groups';

/**
 * A member (or a coaching staff member) mentioned in a post with `@` and their public name, or ticked in the
 * list beside the text. Only members of the group and its coaching staff are ever written here; the thread
 * renders these names as mentions and the notifications feature tells these people. `name` is the name as the
 * post's text writes it (the person's public name when the post was written): the thread finds the mention by
 * it, and deleting the account replaces exactly those spans, whatever the person is called by then.
 */
export const groupPostMentions = pgTable(
	'group_post_mentions',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		postId: integer('post_id')
			.notNull()
			.references(() => groupPosts.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		name: text('name').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.postId, t.userId] }),
		index('group_post_mentions_group_idx').on(t.municipalityId, t.groupId),
		index('group_post_mentions_user_idx').on(t.userId)
	]
);
