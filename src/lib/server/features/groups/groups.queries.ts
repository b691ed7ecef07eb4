// Drizzle queries of citizen groups. Every query names the municipality in its where (a group of another
// municipality is simply not found); a person's own rows (export, erasure) are found by the person's id.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	citizenGroups,
	groupExpenses,
	groupFiles,
	groupFunding,
	groupInvitations,
	groupMembers,
	groupMenuItems,
	groupNotes,
	groupPosts,
	groupSubgroupMembers,
	groupTasks,
	groupThreads,
	municipalities,
	users
} from '$lib/server/db/schema';
import type {
	ExpenseCategory,
	ExpenseStatus,
	FileKind,
	FundingKind,
	FundingStatus,
	GroupStatus,
	MemberRole,
	MemberStatus,
	TaskStatus
} from '$lib/domain/groups';

type Tenant = { municipalityId: string };

/** A person's public name, or null once the account is deleted. */
const publicName = sql<string | null>`CASE WHEN ${users.deletedAt} IS NULL THEN ${users.displayName} END`;

// ---------------------------------------------------------------------------------------------
// Groups (and their calls)
// ---------------------------------------------------------------------------------------------

export interface GroupFields {
	name: string;
	purpose: string;
	rules: string;
	budgetCents: number;
	deadline: string | null;
	confirmSignups: boolean;
	approvalThresholdCents: number;
}

const groupColumns = {
	id: citizenGroups.id,
	municipalityId: citizenGroups.municipalityId,
	regionId: municipalities.regionId,
	name: citizenGroups.name,
	purpose: citizenGroups.purpose,
	rules: citizenGroups.rules,
	budgetCents: citizenGroups.budgetCents,
	deadline: citizenGroups.deadline,
	confirmSignups: citizenGroups.confirmSignups,
	approvalThresholdCents: citizenGroups.approvalThresholdCents,
	status: citizenGroups.status,
	workPlan: citizenGroups.workPlan,
	createdAt: citizenGroups.createdAt
};
export type GroupRow = {
	id: number;
	municipalityId: string;
	regionId: string;
	name: string;
	purpose: string;
	rules: string;
	budgetCents: number;
	deadline: string | null;
	confirmSignups: boolean;
	approvalThresholdCents: number;
	status: GroupStatus;
	workPlan: string;
	createdAt: Date;
};

export async function insertGroup(
	db: Db,
	params: Tenant & GroupFields & { status: GroupStatus; createdBy: string | null }
): Promise<{ id: number }> {
	const [row] = await db.insert(citizenGroups).values(params).returning({ id: citizenGroups.id });
	if (!row) throw new Error('group not inserted');
	return row;
}

export async function updateGroup(
	db: Db,
	params: Tenant & { id: number; values: Partial<GroupFields & { status: GroupStatus; workPlan: string }> }
): Promise<void> {
	await db
		.update(citizenGroups)
		.set({ ...params.values, updatedAt: sql`now()` })
		.where(and(eq(citizenGroups.municipalityId, params.municipalityId), eq(citizenGroups.id, params.id)));
}

export async function getGroup(
	db: Db,
	params: Tenant & { id: number; forUpdate?: boolean }
): Promise<GroupRow | undefined> {
	const query = db
		.select(groupColumns)
		.from(citizenGroups)
		.innerJoin(municipalities, eq(municipalities.id, citizenGroups.municipalityId))
		.where(and(eq(citizenGroups.municipalityId, params.municipalityId), eq(citizenGroups.id, params.id)));
	const [row] = params.forUpdate ? await query.for('update', { of: citizenGroups }) : await query;
	return row;
}

export async function listGroups(
	db: Db,
	params: Tenant & { statuses?: readonly GroupStatus[] }
): Promise<(GroupRow & { members: number; pending: number })[]> {
	return db
		.select({
			...groupColumns,
			members: sql<number>`(SELECT count(*)::int FROM ${groupMembers} m WHERE m.municipality_id = ${citizenGroups.municipalityId} AND m.group_id = ${citizenGroups.id} AND m.status = 'accepted')`,
			pending: sql<number>`(SELECT count(*)::int FROM ${groupMembers} m WHERE m.municipality_id = ${citizenGroups.municipalityId} AND m.group_id = ${citizenGroups.id} AND m.status = 'pending')`
		})
		.from(citizenGroups)
		.innerJoin(municipalities, eq(municipalities.id, citizenGroups.municipalityId))
		.where(
			and(
				eq(citizenGroups.municipalityId, params.municipalityId),
				params.statuses ? inArray(citizenGroups.status, [...params.statuses]) : undefined
			)
		)
		.orderBy(desc(citizenGroups.createdAt), desc(citizenGroups.id));
}

// ---------------------------------------------------------------------------------------------
// The menu card
// ---------------------------------------------------------------------------------------------

export interface MenuItemRow {
	id: number;
	title: string;
	description: string;
	tags: string[];
	position: number;
	actionId: number | null;
	actionSlug: string | null;
	pickedAt: Date | null;
}

export async function listMenuItems(db: Db, params: Tenant & { groupId: number }): Promise<MenuItemRow[]> {
	return db
		.select({
			id: groupMenuItems.id,
			title: groupMenuItems.title,
			description: groupMenuItems.description,
			tags: groupMenuItems.tags,
			position: groupMenuItems.position,
			actionId: groupMenuItems.actionId,
			actionSlug: actions.slug,
			pickedAt: groupMenuItems.pickedAt
		})
		.from(groupMenuItems)
		.leftJoin(
			actions,
			and(eq(actions.id, groupMenuItems.actionId), eq(actions.municipalityId, groupMenuItems.municipalityId))
		)
		.where(
			and(
				eq(groupMenuItems.municipalityId, params.municipalityId),
				eq(groupMenuItems.groupId, params.groupId)
			)
		)
		.orderBy(asc(groupMenuItems.position), asc(groupMenuItems.id));
}

export async function insertMenuItem(
	db: Db,
	params: Tenant & { groupId: number; title: string; description: string; tags: string[]; position: number }
): Promise<{ id: number }> {
	const [row] = await db.insert(groupMenuItems).values(params).returning({ id: groupMenuItems.id });
	if (!row) throw new Error('menu item not inserted');
	return row;
}

export async function deleteMenuItem(db: Db, params: Tenant & { groupId: number; id: number }) {
	const rows = await db
		.delete(groupMenuItems)
		.where(
			and(
				eq(groupMenuItems.municipalityId, params.municipalityId),
				eq(groupMenuItems.groupId, params.groupId),
				eq(groupMenuItems.id, params.id),
				isNull(groupMenuItems.actionId)
			)
		)
		.returning({ id: groupMenuItems.id });
	return rows.length > 0;
}

export async function markMenuItemPicked(
	db: Db,
	params: Tenant & { groupId: number; id: number; actionId: number }
): Promise<boolean> {
	const rows = await db
		.update(groupMenuItems)
		.set({ actionId: params.actionId, pickedAt: sql`now()` })
		.where(
			and(
				eq(groupMenuItems.municipalityId, params.municipalityId),
				eq(groupMenuItems.groupId, params.groupId),
				eq(groupMenuItems.id, params.id),
				isNull(groupMenuItems.actionId)
			)
		)
		.returning({ id: groupMenuItems.id });
	return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Members
// ---------------------------------------------------------------------------------------------

export interface MemberRow {
	id: number;
	userId: string;
	name: string | null;
	motivation: string;
	status: MemberStatus;
	role: MemberRole;
	createdAt: Date;
	decidedAt: Date | null;
}

const memberColumns = {
	id: groupMembers.id,
	userId: groupMembers.userId,
	name: publicName,
	motivation: groupMembers.motivation,
	status: groupMembers.status,
	role: groupMembers.role,
	createdAt: groupMembers.createdAt,
	decidedAt: groupMembers.decidedAt
};

export async function listMembers(
	db: Db,
	params: Tenant & { groupId: number; statuses?: readonly MemberStatus[] }
): Promise<MemberRow[]> {
	return (
		db
			.select(memberColumns)
			.from(groupMembers)
			.innerJoin(users, eq(users.id, groupMembers.userId))
			.where(
				and(
					eq(groupMembers.municipalityId, params.municipalityId),
					eq(groupMembers.groupId, params.groupId),
					params.statuses ? inArray(groupMembers.status, [...params.statuses]) : undefined
				)
			)
			// The coordinator first (coordinator sorts before member), then in the order they joined.
			.orderBy(asc(groupMembers.role), asc(groupMembers.createdAt), asc(groupMembers.id))
	);
}

export async function getMembership(
	db: Db,
	params: Tenant & { groupId: number; userId: string; forUpdate?: boolean }
): Promise<MemberRow | undefined> {
	const query = db
		.select(memberColumns)
		.from(groupMembers)
		.innerJoin(users, eq(users.id, groupMembers.userId))
		.where(
			and(
				eq(groupMembers.municipalityId, params.municipalityId),
				eq(groupMembers.groupId, params.groupId),
				eq(groupMembers.userId, params.userId)
			)
		);
	const [row] = params.forUpdate ? await query.for('update', { of: groupMembers }) : await query;
	return row;
}

/** Inserts a sign-up; undefined when the person signed up before (one row per person and group). */
export async function insertMember(
	db: Db,
	params: Tenant & {
		groupId: number;
		userId: string;
		motivation: string;
		status: MemberStatus;
		role?: MemberRole;
	}
): Promise<{ id: number } | undefined> {
	const [row] = await db
		.insert(groupMembers)
		.values({ ...params, decidedAt: params.status === 'pending' ? null : new Date() })
		.onConflictDoNothing()
		.returning({ id: groupMembers.id });
	return row;
}

export async function listMembersByIds(
	db: Db,
	params: Tenant & { groupId: number; ids: number[]; forUpdate?: boolean }
): Promise<MemberRow[]> {
	if (params.ids.length === 0) return [];
	const query = db
		.select(memberColumns)
		.from(groupMembers)
		.innerJoin(users, eq(users.id, groupMembers.userId))
		.where(
			and(
				eq(groupMembers.municipalityId, params.municipalityId),
				eq(groupMembers.groupId, params.groupId),
				inArray(groupMembers.id, params.ids)
			)
		)
		.orderBy(asc(groupMembers.id));
	return params.forUpdate ? query.for('update', { of: groupMembers }) : query;
}

export async function updateMember(
	db: Db,
	params: Tenant & { groupId: number; id: number; values: { status?: MemberStatus; role?: MemberRole } }
): Promise<void> {
	await db
		.update(groupMembers)
		.set({ ...params.values, ...(params.values.status ? { decidedAt: sql`now()` } : {}) })
		.where(
			and(
				eq(groupMembers.municipalityId, params.municipalityId),
				eq(groupMembers.groupId, params.groupId),
				eq(groupMembers.id, params.id)
			)
		);
}

// ---------------------------------------------------------------------------------------------
// Sub-groups
// ---------------------------------------------------------------------------------------------

export async function listSubgroupMembers(db: Db, params: Tenant & { groupId: number }) {
	return db
		.select({
			menuItemId: groupSubgroupMembers.menuItemId,
			userId: groupSubgroupMembers.userId,
			name: publicName,
			coordinator: groupSubgroupMembers.coordinator
		})
		.from(groupSubgroupMembers)
		.innerJoin(users, eq(users.id, groupSubgroupMembers.userId))
		.where(
			and(
				eq(groupSubgroupMembers.municipalityId, params.municipalityId),
				eq(groupSubgroupMembers.groupId, params.groupId)
			)
		)
		.orderBy(desc(groupSubgroupMembers.coordinator), asc(users.displayName));
}

export async function upsertSubgroupMember(
	db: Db,
	params: Tenant & { groupId: number; menuItemId: number; userId: string; coordinator: boolean }
): Promise<void> {
	if (params.coordinator)
		await db
			.update(groupSubgroupMembers)
			.set({ coordinator: false })
			.where(
				and(
					eq(groupSubgroupMembers.municipalityId, params.municipalityId),
					eq(groupSubgroupMembers.menuItemId, params.menuItemId)
				)
			);
	await db
		.insert(groupSubgroupMembers)
		.values(params)
		.onConflictDoUpdate({
			target: [groupSubgroupMembers.menuItemId, groupSubgroupMembers.userId],
			set: { coordinator: params.coordinator }
		});
}

export async function deleteSubgroupMember(
	db: Db,
	params: Tenant & { menuItemId: number; userId: string }
): Promise<void> {
	await db
		.delete(groupSubgroupMembers)
		.where(
			and(
				eq(groupSubgroupMembers.municipalityId, params.municipalityId),
				eq(groupSubgroupMembers.menuItemId, params.menuItemId),
				eq(groupSubgroupMembers.userId, params.userId)
			)
		);
}

// ---------------------------------------------------------------------------------------------
// Threads and posts
// ---------------------------------------------------------------------------------------------

export async function listThreads(db: Db, params: Tenant & { groupId: number }) {
	return db
		.select({
			id: groupThreads.id,
			title: groupThreads.title,
			authorName: publicName,
			createdAt: groupThreads.createdAt,
			lastPostAt: groupThreads.lastPostAt,
			posts: sql<number>`(SELECT count(*)::int FROM ${groupPosts} p WHERE p.municipality_id = ${groupThreads.municipalityId} AND p.thread_id = ${groupThreads.id})`
		})
		.from(groupThreads)
		.leftJoin(users, eq(users.id, groupThreads.authorId))
		.where(
			and(eq(groupThreads.municipalityId, params.municipalityId), eq(groupThreads.groupId, params.groupId))
		)
		.orderBy(desc(groupThreads.lastPostAt), desc(groupThreads.id))
		.limit(100);
}

export async function getThread(db: Db, params: Tenant & { groupId: number; id: number }) {
	const [row] = await db
		.select({ id: groupThreads.id, title: groupThreads.title, createdAt: groupThreads.createdAt })
		.from(groupThreads)
		.where(
			and(
				eq(groupThreads.municipalityId, params.municipalityId),
				eq(groupThreads.groupId, params.groupId),
				eq(groupThreads.id, params.id)
			)
		);
	return row;
}

export async function insertThread(
	db: Db,
	params: Tenant & { groupId: number; title: string; authorId: string }
): Promise<{ id: number }> {
	const [row] = await db.insert(groupThreads).values(params).returning({ id: groupThreads.id });
	if (!row) throw new Error('thread not inserted');
	return row;
}

export async function insertPost(
	db: Db,
	params: Tenant & { groupId: number; threadId: number; authorId: string; body: string }
): Promise<{ id: number }> {
	const [row] = await db.insert(groupPosts).values(params).returning({ id: groupPosts.id });
	if (!row) throw new Error('post not inserted');
	await db
		.update(groupThreads)
		.set({ lastPostAt: sql`now()` })
		.where(and(eq(groupThreads.municipalityId, params.municipalityId), eq(groupThreads.id, params.threadId)));
	return row;
}

export async function listPosts(db: Db, params: Tenant & { threadId: number }) {
	return db
		.select({
			id: groupPosts.id,
			body: groupPosts.body,
			authorName: publicName,
			createdAt: groupPosts.createdAt
		})
		.from(groupPosts)
		.leftJoin(users, eq(users.id, groupPosts.authorId))
		.where(
			and(eq(groupPosts.municipalityId, params.municipalityId), eq(groupPosts.threadId, params.threadId))
		)
		.orderBy(asc(groupPosts.createdAt), asc(groupPosts.id))
		.limit(500);
}

// ---------------------------------------------------------------------------------------------
// Tasks and notes
// ---------------------------------------------------------------------------------------------

export async function listTasks(db: Db, params: Tenant & { groupId: number }) {
	return db
		.select({
			id: groupTasks.id,
			title: groupTasks.title,
			ownerId: groupTasks.ownerId,
			ownerName: publicName,
			dueOn: groupTasks.dueOn,
			status: groupTasks.status,
			createdAt: groupTasks.createdAt
		})
		.from(groupTasks)
		.leftJoin(users, eq(users.id, groupTasks.ownerId))
		.where(and(eq(groupTasks.municipalityId, params.municipalityId), eq(groupTasks.groupId, params.groupId)))
		.orderBy(sql`${groupTasks.status} = 'done'`, asc(groupTasks.dueOn), asc(groupTasks.id))
		.limit(500);
}

export async function insertTask(
	db: Db,
	params: Tenant & {
		groupId: number;
		title: string;
		ownerId: string | null;
		dueOn: string | null;
		createdBy: string;
	}
): Promise<{ id: number }> {
	const [row] = await db.insert(groupTasks).values(params).returning({ id: groupTasks.id });
	if (!row) throw new Error('task not inserted');
	return row;
}

export async function updateTaskStatus(
	db: Db,
	params: Tenant & { groupId: number; id: number; status: TaskStatus }
): Promise<boolean> {
	const rows = await db
		.update(groupTasks)
		.set({ status: params.status })
		.where(
			and(
				eq(groupTasks.municipalityId, params.municipalityId),
				eq(groupTasks.groupId, params.groupId),
				eq(groupTasks.id, params.id)
			)
		)
		.returning({ id: groupTasks.id });
	return rows.length > 0;
}

export async function listNotes(db: Db, params: Tenant & { groupId: number }) {
	return db
		.select({
			id: groupNotes.id,
			title: groupNotes.title,
			body: groupNotes.body,
			authorName: publicName,
			createdAt: groupNotes.createdAt
		})
		.from(groupNotes)
		.leftJoin(users, eq(users.id, groupNotes.authorId))
		.where(and(eq(groupNotes.municipalityId, params.municipalityId), eq(groupNotes.groupId, params.groupId)))
		.orderBy(desc(groupNotes.createdAt), desc(groupNotes.id))
		.limit(200);
}

export async function insertNote(
	db: Db,
	params: Tenant & { groupId: number; title: string; body: string; authorId: string }
): Promise<{ id: number }> {
	const [row] = await db.insert(groupNotes).values(params).returning({ id: groupNotes.id });
	if (!row) throw new Error('note not inserted');
	return row;
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

export async function insertFile(
	db: Db,
	params: Tenant & {
		groupId: number;
		kind: FileKind;
		name: string;
		contentType: string;
		bytes: Buffer;
		uploadedBy: string;
	}
): Promise<{ id: string }> {
	const [row] = await db
		.insert(groupFiles)
		.values({ ...params, size: params.bytes.length })
		.returning({ id: groupFiles.id });
	if (!row) throw new Error('file not inserted');
	return row;
}

export async function listFiles(db: Db, params: Tenant & { groupId: number; kinds: readonly FileKind[] }) {
	return db
		.select({
			id: groupFiles.id,
			kind: groupFiles.kind,
			name: groupFiles.name,
			contentType: groupFiles.contentType,
			size: groupFiles.size,
			uploaderName: publicName,
			createdAt: groupFiles.createdAt
		})
		.from(groupFiles)
		.leftJoin(users, eq(users.id, groupFiles.uploadedBy))
		.where(
			and(
				eq(groupFiles.municipalityId, params.municipalityId),
				eq(groupFiles.groupId, params.groupId),
				inArray(groupFiles.kind, [...params.kinds])
			)
		)
		.orderBy(desc(groupFiles.createdAt))
		.limit(500);
}

export async function getFile(db: Db, params: Tenant & { groupId: number; id: string }) {
	const [row] = await db
		.select({
			id: groupFiles.id,
			name: groupFiles.name,
			contentType: groupFiles.contentType,
			bytes: groupFiles.bytes,
			createdAt: groupFiles.createdAt
		})
		.from(groupFiles)
		.where(
			and(
				eq(groupFiles.municipalityId, params.municipalityId),
				eq(groupFiles.groupId, params.groupId),
				eq(groupFiles.id, params.id)
			)
		);
	return row;
}

// ---------------------------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------------------------

export async function insertFunding(
	db: Db,
	params: Tenant & {
		groupId: number;
		kind: FundingKind;
		source: string;
		amountCents: number;
		status: FundingStatus;
		createdBy: string;
	}
): Promise<{ id: number }> {
	const [row] = await db.insert(groupFunding).values(params).returning({ id: groupFunding.id });
	if (!row) throw new Error('funding not inserted');
	return row;
}

export async function listFunding(db: Db, params: Tenant & { groupId: number }) {
	return db
		.select({
			id: groupFunding.id,
			kind: groupFunding.kind,
			source: groupFunding.source,
			amountCents: groupFunding.amountCents,
			status: groupFunding.status,
			createdAt: groupFunding.createdAt
		})
		.from(groupFunding)
		.where(
			and(eq(groupFunding.municipalityId, params.municipalityId), eq(groupFunding.groupId, params.groupId))
		)
		.orderBy(asc(groupFunding.createdAt), asc(groupFunding.id));
}

export async function getFunding(
	db: Db,
	params: Tenant & { groupId: number; id: number; forUpdate?: boolean }
) {
	const query = db
		.select({
			id: groupFunding.id,
			source: groupFunding.source,
			amountCents: groupFunding.amountCents,
			status: groupFunding.status
		})
		.from(groupFunding)
		.where(
			and(
				eq(groupFunding.municipalityId, params.municipalityId),
				eq(groupFunding.groupId, params.groupId),
				eq(groupFunding.id, params.id)
			)
		);
	const [row] = params.forUpdate ? await query.for('update') : await query;
	return row;
}

export async function updateFundingStatus(
	db: Db,
	params: Tenant & { groupId: number; id: number; status: FundingStatus }
): Promise<void> {
	await db
		.update(groupFunding)
		.set({ status: params.status })
		.where(
			and(
				eq(groupFunding.municipalityId, params.municipalityId),
				eq(groupFunding.groupId, params.groupId),
				eq(groupFunding.id, params.id)
			)
		);
}

export async function insertExpense(
	db: Db,
	params: Tenant & {
		groupId: number;
		description: string;
		amountCents: number;
		category: ExpenseCategory;
		menuItemId: number | null;
		receiptId: string;
		spentOn: string;
		status: ExpenseStatus;
		submittedBy: string;
	}
): Promise<{ id: number }> {
	const [row] = await db
		.insert(groupExpenses)
		.values({ ...params, decidedAt: params.status === 'submitted' ? null : new Date() })
		.returning({ id: groupExpenses.id });
	if (!row) throw new Error('expense not inserted');
	return row;
}

export interface ExpenseRow {
	id: number;
	description: string;
	amountCents: number;
	category: ExpenseCategory;
	menuItemId: number | null;
	menuItemTitle: string | null;
	receiptId: string | null;
	spentOn: string;
	status: ExpenseStatus;
	refuseReason: string | null;
	submittedByName: string | null;
	createdAt: Date;
	decidedAt: Date | null;
}

export async function listExpenses(
	db: Db,
	params: Tenant & { groupId: number; ids?: number[]; forUpdate?: boolean }
): Promise<ExpenseRow[]> {
	const query = db
		.select({
			id: groupExpenses.id,
			description: groupExpenses.description,
			amountCents: groupExpenses.amountCents,
			category: groupExpenses.category,
			menuItemId: groupExpenses.menuItemId,
			menuItemTitle: groupMenuItems.title,
			receiptId: groupExpenses.receiptId,
			spentOn: groupExpenses.spentOn,
			status: groupExpenses.status,
			refuseReason: groupExpenses.refuseReason,
			submittedByName: publicName,
			createdAt: groupExpenses.createdAt,
			decidedAt: groupExpenses.decidedAt
		})
		.from(groupExpenses)
		.leftJoin(users, eq(users.id, groupExpenses.submittedBy))
		.leftJoin(
			groupMenuItems,
			and(
				eq(groupMenuItems.id, groupExpenses.menuItemId),
				eq(groupMenuItems.municipalityId, groupExpenses.municipalityId)
			)
		)
		.where(
			and(
				eq(groupExpenses.municipalityId, params.municipalityId),
				eq(groupExpenses.groupId, params.groupId),
				params.ids ? inArray(groupExpenses.id, params.ids.length ? params.ids : [-1]) : undefined
			)
		)
		.orderBy(asc(groupExpenses.spentOn), asc(groupExpenses.id));
	return params.forUpdate ? query.for('update', { of: groupExpenses }) : query;
}

export async function decideExpense(
	db: Db,
	params: Tenant & {
		groupId: number;
		id: number;
		status: 'approved' | 'refused';
		reason: string | null;
		decidedBy: string;
	}
): Promise<void> {
	await db
		.update(groupExpenses)
		.set({
			status: params.status,
			refuseReason: params.reason,
			decidedBy: params.decidedBy,
			decidedAt: sql`now()`
		})
		.where(
			and(
				eq(groupExpenses.municipalityId, params.municipalityId),
				eq(groupExpenses.groupId, params.groupId),
				eq(groupExpenses.id, params.id)
			)
		);
}

/** The group's money in one statement: budget, received and promised co-financing, approved and waiting expenses. */
export async function getBudgetTotals(db: Db, params: Tenant & { groupId: number }) {
	const m = params.municipalityId;
	const g = params.groupId;
	const [row] = await db
		.select({
			budgetCents: citizenGroups.budgetCents,
			receivedCents: sql<number>`(SELECT coalesce(sum(amount_cents), 0)::bigint FROM ${groupFunding} f WHERE f.municipality_id = ${m} AND f.group_id = ${g} AND f.status = 'received')`,
			promisedCents: sql<number>`(SELECT coalesce(sum(amount_cents), 0)::bigint FROM ${groupFunding} f WHERE f.municipality_id = ${m} AND f.group_id = ${g} AND f.status = 'promised')`,
			approvedCents: sql<number>`(SELECT coalesce(sum(amount_cents), 0)::bigint FROM ${groupExpenses} e WHERE e.municipality_id = ${m} AND e.group_id = ${g} AND e.status = 'approved')`,
			waitingCents: sql<number>`(SELECT coalesce(sum(amount_cents), 0)::bigint FROM ${groupExpenses} e WHERE e.municipality_id = ${m} AND e.group_id = ${g} AND e.status = 'submitted')`
		})
		.from(citizenGroups)
		.where(and(eq(citizenGroups.municipalityId, m), eq(citizenGroups.id, g)));
	if (!row) return undefined;
	// bigint sums arrive as strings from pg; they are whole cents, far below 2^53.
	return {
		budgetCents: row.budgetCents,
		receivedCents: Number(row.receivedCents),
		promisedCents: Number(row.promisedCents),
		approvedCents: Number(row.approvedCents),
		waitingCents: Number(row.waitingCents)
	};
}

// ---------------------------------------------------------------------------------------------
// Invitations
// ---------------------------------------------------------------------------------------------

export async function insertInvitation(
	db: Db,
	params: Tenant & { groupId: number; tokenHash: string; createdBy: string; expiresAt: Date }
): Promise<void> {
	await db.insert(groupInvitations).values(params);
}

/** Takes an unused, unexpired invitation of this group by its hash; undefined when there is none. */
export async function useInvitation(
	db: Db,
	params: Tenant & { groupId: number; tokenHash: string; userId: string }
): Promise<boolean> {
	const rows = await db
		.update(groupInvitations)
		.set({ usedBy: params.userId, usedAt: sql`now()` })
		.where(
			and(
				eq(groupInvitations.municipalityId, params.municipalityId),
				eq(groupInvitations.groupId, params.groupId),
				eq(groupInvitations.tokenHash, params.tokenHash),
				isNull(groupInvitations.usedAt),
				sql`${groupInvitations.expiresAt} > now()`
			)
		)
		.returning({ id: groupInvitations.id });
	return rows.length > 0;
}

/** What waits for the municipality's staff: sign-ups and expenses, each with since when. */
export async function countWaitingForStaff(db: Db, params: Tenant) {
	const m = params.municipalityId;
	const [row] = await db
		.select({
			signups: sql<number>`(SELECT count(*)::int FROM ${groupMembers} WHERE municipality_id = ${m} AND status = 'pending')`,
			signupsSince: sql<
				string | null
			>`(SELECT to_char(min(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM ${groupMembers} WHERE municipality_id = ${m} AND status = 'pending')`,
			expenses: sql<number>`(SELECT count(*)::int FROM ${groupExpenses} WHERE municipality_id = ${m} AND status = 'submitted')`,
			expensesSince: sql<
				string | null
			>`(SELECT to_char(min(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM ${groupExpenses} WHERE municipality_id = ${m} AND status = 'submitted')`
		})
		.from(sql`(SELECT 1) AS one`);
	return {
		signups: Number(row?.signups ?? 0),
		signupsSince: row?.signupsSince ? new Date(row.signupsSince) : null,
		expenses: Number(row?.expenses ?? 0),
		expensesSince: row?.expensesSince ? new Date(row.expensesSince) : null
	};
}

/** The person's own verified address, to share with a group when they agree. */
export async function getOwnEmail(db: Db, params: { userId: string }): Promise<string | null> {
	const [row] = await db
		.select({ email: users.email, verified: users.emailVerifiedAt })
		.from(users)
		.where(and(eq(users.id, params.userId), isNull(users.deletedAt)));
	return row?.verified ? row.email : null;
}

// ---------------------------------------------------------------------------------------------
// A person's own rows
// ---------------------------------------------------------------------------------------------

export async function listGroupsOfPerson(db: Db, params: { userId: string }) {
	return db
		.select({
			groupId: groupMembers.groupId,
			municipalityId: groupMembers.municipalityId,
			slug: municipalities.slug,
			name: citizenGroups.name,
			motivation: groupMembers.motivation,
			status: groupMembers.status,
			role: groupMembers.role,
			createdAt: groupMembers.createdAt
		})
		.from(groupMembers)
		.innerJoin(citizenGroups, eq(citizenGroups.id, groupMembers.groupId))
		.innerJoin(municipalities, eq(municipalities.id, groupMembers.municipalityId))
		.where(eq(groupMembers.userId, params.userId))
		.orderBy(asc(groupMembers.createdAt));
}

export async function countAuthoredOf(db: Db, params: { userId: string }) {
	const [row] = await db
		.select({
			posts: sql<number>`(SELECT count(*)::int FROM ${groupPosts} WHERE author_id = ${params.userId})`,
			notes: sql<number>`(SELECT count(*)::int FROM ${groupNotes} WHERE author_id = ${params.userId})`,
			expenses: sql<number>`(SELECT count(*)::int FROM ${groupExpenses} WHERE submitted_by = ${params.userId})`
		})
		.from(sql`(SELECT 1) AS one`);
	return row ?? { posts: 0, notes: 0, expenses: 0 };
}

/**
 * Deleting an account: its sign-ups and sub-group places go; what it wrote stays for the group, unsigned, with
 * any of its addresses (shared with a question to the group) taken out of its posts.
 */
export async function eraseMemberships(
	db: Db,
	params: { userId: string; addresses: readonly string[] }
): Promise<void> {
	await db.delete(groupSubgroupMembers).where(eq(groupSubgroupMembers.userId, params.userId));
	await db.delete(groupMembers).where(eq(groupMembers.userId, params.userId));
	for (const address of params.addresses)
		await db
			.update(groupPosts)
			.set({ body: sql`regexp_replace(${groupPosts.body}, ${escapeRegExp(address)}, '', 'gi')` })
			.where(eq(groupPosts.authorId, params.userId));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
