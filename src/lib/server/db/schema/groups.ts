import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	customType,
	date,
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
import {
	EXPENSE_CATEGORIES,
	EXPENSE_STATUSES,
	FILE_KINDS,
	FUNDING_KINDS,
	FUNDING_STATUSES,
	GROUP_STATUSES,
	MEMBER_ROLES,
	MEMBER_STATUSES,
	TASK_STATUSES
} from '../../../domain/groups';
import { municipalities } from './municipalities';
import { users } from './accounts';
import { actions } from './actions';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});
const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A citizen group with a working budget (Klimaatdoeners): first a call (oproep) citizens sign up for, then the
 * group those accepted form. Money is whole cents, never a float.
 */
export const citizenGroups = pgTable(
	'citizen_groups',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		name: text('name').notNull(),
		purpose: text('purpose').notNull(),
		/** The rules (reglement) as Markdown, shown sanitised. */
		rules: text('rules').notNull().default(''),
		budgetCents: integer('budget_cents').notNull().default(0),
		deadline: date('deadline'),
		/** Staff confirm each sign-up; off (the default), a sign-up makes a member at once. */
		confirmSignups: boolean('confirm_signups').notNull().default(false),
		/** Expenses above this wait for staff's approval; at or below it they count at once. */
		approvalThresholdCents: integer('approval_threshold_cents').notNull().default(25_000),
		status: text('status', { enum: GROUP_STATUSES }).notNull().default('draft'),
		/** The work plan the intake ends in, kept in the workspace. */
		workPlan: text('work_plan').notNull().default(''),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('citizen_groups_municipality_idx').on(t.municipalityId, t.status),
		check('citizen_groups_status_valid', sql`${t.status} IN (${inList(GROUP_STATUSES)})`),
		check('citizen_groups_budget_valid', sql`${t.budgetCents} >= 0`),
		check('citizen_groups_threshold_valid', sql`${t.approvalThresholdCents} >= 0`)
	]
);

/** One possible action on the call's menu card; once picked it is a real action of the platform. */
export const groupMenuItems = pgTable(
	'group_menu_items',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		tags: jsonb('tags').$type<string[]>().notNull().default([]),
		position: integer('position').notNull().default(0),
		/** The action it became when the group picked it. */
		actionId: integer('action_id').references(() => actions.id, { onDelete: 'set null' }),
		pickedAt: timestamp('picked_at', { withTimezone: true })
	},
	(t) => [index('group_menu_items_group_idx').on(t.municipalityId, t.groupId, t.position)]
);

/** A person's sign-up with their motivation: pending, accepted (a member) or declined. */
export const groupMembers = pgTable(
	'group_members',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		motivation: text('motivation').notNull().default(''),
		status: text('status', { enum: MEMBER_STATUSES }).notNull().default('pending'),
		role: text('role', { enum: MEMBER_ROLES }).notNull().default('member'),
		createdAt: createdAt(),
		decidedAt: timestamp('decided_at', { withTimezone: true })
	},
	(t) => [
		index('group_members_group_idx').on(t.municipalityId, t.groupId, t.status),
		uniqueIndex('group_members_person_idx').on(t.groupId, t.userId),
		index('group_members_user_idx').on(t.userId),
		check('group_members_status_valid', sql`${t.status} IN (${inList(MEMBER_STATUSES)})`),
		check('group_members_role_valid', sql`${t.role} IN (${inList(MEMBER_ROLES)})`)
	]
);

/** Who works on a picked action (a sub-group), one of them its coordinator. */
export const groupSubgroupMembers = pgTable(
	'group_subgroup_members',
	{
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		menuItemId: integer('menu_item_id')
			.notNull()
			.references(() => groupMenuItems.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		coordinator: boolean('coordinator').notNull().default(false)
	},
	(t) => [
		primaryKey({ columns: [t.menuItemId, t.userId] }),
		index('group_subgroup_members_group_idx').on(t.municipalityId, t.groupId),
		index('group_subgroup_members_user_idx').on(t.userId)
	]
);

export const groupThreads = pgTable(
	'group_threads',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('group_threads_group_idx').on(t.municipalityId, t.groupId, t.lastPostAt)]
);

export const groupPosts = pgTable(
	'group_posts',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		threadId: integer('thread_id')
			.notNull()
			.references(() => groupThreads.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		index('group_posts_thread_idx').on(t.municipalityId, t.threadId, t.createdAt),
		index('group_posts_author_idx').on(t.authorId)
	]
);

export const groupTasks = pgTable(
	'group_tasks',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
		dueOn: date('due_on'),
		status: text('status', { enum: TASK_STATUSES }).notNull().default('todo'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('group_tasks_group_idx').on(t.municipalityId, t.groupId, t.status),
		check('group_tasks_status_valid', sql`${t.status} IN (${inList(TASK_STATUSES)})`)
	]
);

/** A file of the workspace (a document, a photo) or a receipt: checked by its bytes, kept in the database. */
export const groupFiles = pgTable(
	'group_files',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: FILE_KINDS }).notNull(),
		name: text('name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		bytes: bytea('bytes').notNull(),
		uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('group_files_group_idx').on(t.municipalityId, t.groupId, t.kind, t.createdAt),
		index('group_files_uploader_idx').on(t.uploadedBy)
	]
);

export const groupNotes = pgTable(
	'group_notes',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		body: text('body').notNull(),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('group_notes_group_idx').on(t.municipalityId, t.groupId, t.createdAt)]
);

/** Co-financing beside the municipal working budget: a sponsor, a subsidy or crowdfunding. */
export const groupFunding = pgTable(
	'group_funding',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: FUNDING_KINDS }).notNull(),
		source: text('source').notNull(),
		amountCents: integer('amount_cents').notNull(),
		status: text('status', { enum: FUNDING_STATUSES }).notNull().default('promised'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('group_funding_group_idx').on(t.municipalityId, t.groupId),
		check('group_funding_amount_valid', sql`${t.amountCents} > 0`),
		check('group_funding_kind_valid', sql`${t.kind} IN (${inList(FUNDING_KINDS)})`),
		check('group_funding_status_valid', sql`${t.status} IN (${inList(FUNDING_STATUSES)})`)
	]
);

/** Money the group spent, with its receipt, category and the picked action it served; staff decide. */
export const groupExpenses = pgTable(
	'group_expenses',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		description: text('description').notNull(),
		amountCents: integer('amount_cents').notNull(),
		category: text('category', { enum: EXPENSE_CATEGORIES }).notNull(),
		/** The menu item (picked action) it served; none for the group as a whole. */
		menuItemId: integer('menu_item_id').references(() => groupMenuItems.id, { onDelete: 'set null' }),
		receiptId: uuid('receipt_id').references(() => groupFiles.id, { onDelete: 'set null' }),
		spentOn: date('spent_on').notNull(),
		status: text('status', { enum: EXPENSE_STATUSES }).notNull().default('submitted'),
		refuseReason: text('refuse_reason'),
		submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('group_expenses_group_idx').on(t.municipalityId, t.groupId, t.status),
		index('group_expenses_submitter_idx').on(t.submittedBy),
		check('group_expenses_amount_valid', sql`${t.amountCents} > 0`),
		check('group_expenses_status_valid', sql`${t.status} IN (${inList(EXPENSE_STATUSES)})`),
		check('group_expenses_category_valid', sql`${t.category} IN (${inList(EXPENSE_CATEGORIES)})`)
	]
);

/** A member's invitation link (after the coaching): only its hash is kept; one use. */
export const groupInvitations = pgTable(
	'group_invitations',
	{
		id: serial('id').primaryKey(),
		municipalityId: municipalityId(),
		groupId: integer('group_id')
			.notNull()
			.references(() => citizenGroups.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedBy: uuid('used_by').references(() => users.id, { onDelete: 'set null' }),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [
		index('group_invitations_group_idx').on(t.municipalityId, t.groupId),
		uniqueIndex('group_invitations_token_idx').on(t.tokenHash)
	]
);
