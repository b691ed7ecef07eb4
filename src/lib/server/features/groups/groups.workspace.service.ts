// Use cases of a group's private workspace (groups.access.ts: accepted members and the municipality's coaching
// staff): discussion threads with replies, tasks, files, notes and the work plan; picking an action from the
// menu card (a real action of the municipality, rung 6, owned by the group) and its sub-group; the budget with
// co-financing and expenses with a receipt; and, after the coaching, invitations and handing over the
// coordinator's role. Every change of money or membership writes an audit row in its transaction.
import { translate, type MessageKey } from '$lib/i18n';
import type { TenantCtx } from '$lib/server/platform/context';
import { AppError, isAppError, type FieldErrors } from '$lib/server/platform/errors';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import type { UploadedFile } from '$lib/server/platform/forms';
import { newToken, hashToken } from '$lib/server/platform/tokens';
import { writeDomainEvent } from '$lib/server/platform/events';
import { isUuid, parseId } from '$lib/domain/ids';
import { formatEuroCents, type TaskStatus } from '$lib/domain/groups';
import { createGroupActionInTransaction } from '$lib/server/features/actions/actions.groups.service';
import { auditWorkspace, findGroup, openWorkspace, type WorkspaceScope } from './groups.access';
import { budgetOf } from './groups.admin.service';
import { checkUpload, type FileError } from './groups.files';
import { sessionsOfGroup, type GroupSessionView } from './groups.sessions';
import {
	limitMentions,
	listMentionable,
	listMentionsOfPosts,
	prepareMentions,
	recordMentions,
	splitMentions,
	type Mentionable,
	type PostPart
} from './groups.mentions';
import {
	deleteSubgroupMember,
	getBudgetTotals,
	getFile,
	getFunding,
	getThread,
	insertExpense,
	insertFile,
	insertFunding,
	insertInvitation,
	insertNote,
	insertPost,
	insertTask,
	insertThread,
	listFiles,
	listMembers,
	listMenuItems,
	listNotes,
	listPosts,
	listSubgroupMembers,
	listTasks,
	listThreads,
	markMenuItemPicked,
	updateFundingStatus,
	updateGroup,
	updateMember,
	updateTaskStatus,
	upsertSubgroupMember
} from './groups.queries';
import {
	expenseSchema,
	fundingSchema,
	fundingStatusSchema,
	groupFieldOf,
	noteSchema,
	personSchema,
	postSchema,
	subgroupSchema,
	taskSchema,
	taskStatusSchema,
	threadSchema,
	workPlanSchema
} from './groups.schemas';
import {
	presentGroupDetail,
	presentMember,
	presentMenuItem,
	type BudgetView,
	type GroupDetailView,
	type MemberView,
	type MenuItemView
} from './groups.present';

const validate = <S extends Parameters<typeof validateInput>[0]>(schema: S, input: unknown) =>
	validateInput(schema, input, { fallback: 'groups.errors.invalid', fieldOf: groupFieldOf });

export interface WorkspacePage {
	group: GroupDetailView;
	me: { userId: string; isStaff: boolean; canSteer: boolean; role: 'member' | 'coordinator' | null };
	members: MemberView[];
	menu: (MenuItemView & { people: { userId: string; name: string; coordinator: boolean }[] })[];
	threads: { id: number; title: string; authorName: string; lastPostAt: string; posts: number }[];
	tasks: {
		id: number;
		title: string;
		ownerName: string | null;
		dueOn: string | null;
		status: TaskStatus;
	}[];
	files: {
		id: string;
		kind: string;
		name: string;
		size: number;
		uploaderName: string;
		createdAt: string;
		path: string;
	}[];
	notes: { id: number; title: string; body: string; authorName: string; createdAt: string }[];
	budget: BudgetView;
	/** Who can be mentioned (the list beside a new thread's text). */
	mentionable: Mentionable[];
	/** The coaching sessions (groups.sessions.ts). */
	sessions: GroupSessionView[];
}

const fileBase = (scope: WorkspaceScope) => `/${scope.slug}/groepen/${scope.group.id}/werkruimte/bestanden`;

export async function getWorkspace(ctx: TenantCtx, input: { unverifiedId: unknown }): Promise<WorkspacePage> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const tenant = { municipalityId: scope.group.municipalityId, groupId: scope.group.id };
	const former = translate(ctx.locale, 'groups.formerMember');
	const [members, menu, subgroups, threads, tasks, files, notes, budget, mentionable, sessions] =
		await Promise.all([
			listMembers(ctx.db, { ...tenant, statuses: ['accepted'] }),
			listMenuItems(ctx.db, tenant),
			listSubgroupMembers(ctx.db, tenant),
			listThreads(ctx.db, tenant),
			listTasks(ctx.db, tenant),
			listFiles(ctx.db, { ...tenant, kinds: ['document', 'photo'] }),
			listNotes(ctx.db, tenant),
			budgetOf(ctx.db, scope.slug, scope.group, former),
			listMentionable(ctx.db, tenant),
			sessionsOfGroup(ctx.db, scope.slug, scope.group)
		]);
	return {
		group: presentGroupDetail(scope.slug, scope.group),
		mentionable,
		me: {
			userId: scope.actor.userId,
			isStaff: scope.isStaff,
			canSteer: scope.canSteer,
			role: scope.membership?.role ?? null
		},
		members: members.map((m) => presentMember(m, former)),
		menu: menu.map((m) => ({
			...presentMenuItem(scope.slug, m),
			people: subgroups
				.filter((s) => s.menuItemId === m.id)
				.map((s) => ({ userId: s.userId, name: s.name ?? former, coordinator: s.coordinator }))
		})),
		threads: threads.map((t) => ({
			id: t.id,
			title: t.title,
			authorName: t.authorName ?? former,
			lastPostAt: t.lastPostAt.toISOString(),
			posts: t.posts
		})),
		tasks: tasks.map((t) => ({
			id: t.id,
			title: t.title,
			ownerName: t.ownerId ? (t.ownerName ?? former) : null,
			dueOn: t.dueOn,
			status: t.status
		})),
		files: files.map((f) => ({
			id: f.id,
			kind: f.kind,
			name: f.name,
			size: f.size,
			uploaderName: f.uploaderName ?? former,
			createdAt: f.createdAt.toISOString(),
			path: `${fileBase(scope)}/${f.id}`
		})),
		notes: notes.map((n) => ({
			id: n.id,
			title: n.title,
			body: n.body,
			authorName: n.authorName ?? former,
			createdAt: n.createdAt.toISOString()
		})),
		budget,
		sessions
	};
}

const tenantOf = (scope: WorkspaceScope) => ({
	municipalityId: scope.group.municipalityId,
	groupId: scope.group.id
});

// ---------------------------------------------------------------------------------------------
// Discussion, tasks, notes, work plan
// ---------------------------------------------------------------------------------------------

export async function startThread(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof threadSchema>; mentions?: unknown[] }
): Promise<{ id: number }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const values = validate(threadSchema, input.values);
	const mention = await prepareMentions(ctx.db, tenantOf(scope), values.body, input.mentions ?? []);
	await limitMentions(ctx.db, { userId: scope.actor.userId, mentions: mention.mentioned.length });
	return ctx.db.transaction(async (tx) => {
		const thread = await insertThread(tx, {
			...tenantOf(scope),
			title: values.title,
			authorId: scope.actor.userId
		});
		const post = await insertPost(tx, {
			...tenantOf(scope),
			threadId: thread.id,
			authorId: scope.actor.userId,
			body: mention.body
		});
		await recordMentions(tx, {
			...tenantOf(scope),
			threadId: thread.id,
			threadTitle: values.title,
			postId: post.id,
			authorId: scope.actor.userId,
			mentioned: mention.mentioned
		});
		return thread;
	});
}

export interface ThreadPage {
	group: { id: number; name: string };
	thread: { id: number; title: string };
	posts: { id: number; body: string; parts: PostPart[]; authorName: string; createdAt: string }[];
	/** Who can be mentioned here (the list beside the reply), by public name. */
	mentionable: Mentionable[];
}

export async function getThreadPage(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; unverifiedThreadId: unknown }
): Promise<ThreadPage> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const id = parseId(input.unverifiedThreadId);
	const thread = id === null ? undefined : await getThread(ctx.db, { ...tenantOf(scope), id });
	if (!thread) throw new AppError('not_found');
	const former = translate(ctx.locale, 'groups.formerMember');
	const posts = await listPosts(ctx.db, { municipalityId: scope.group.municipalityId, threadId: thread.id });
	const [mentions, mentionable] = await Promise.all([
		listMentionsOfPosts(ctx.db, {
			municipalityId: scope.group.municipalityId,
			postIds: posts.map((p) => p.id)
		}),
		listMentionable(ctx.db, tenantOf(scope))
	]);
	return {
		group: { id: scope.group.id, name: scope.group.name },
		thread: { id: thread.id, title: thread.title },
		mentionable,
		posts: posts.map((p) => ({
			id: p.id,
			body: p.body,
			parts: splitMentions(p.body, mentions.get(p.id) ?? []),
			authorName: p.authorName ?? former,
			createdAt: p.createdAt.toISOString()
		}))
	};
}

export async function replyToThread(
	ctx: TenantCtx,
	input: {
		unverifiedId: unknown;
		unverifiedThreadId: unknown;
		values: RawInput<typeof postSchema>;
		mentions?: unknown[];
	}
): Promise<{ id: number }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const id = parseId(input.unverifiedThreadId);
	const thread = id === null ? undefined : await getThread(ctx.db, { ...tenantOf(scope), id });
	if (!thread) throw new AppError('not_found');
	const values = validate(postSchema, input.values);
	const mention = await prepareMentions(ctx.db, tenantOf(scope), values.body, input.mentions ?? []);
	await limitMentions(ctx.db, { userId: scope.actor.userId, mentions: mention.mentioned.length });
	return ctx.db.transaction(async (tx) => {
		const post = await insertPost(tx, {
			...tenantOf(scope),
			threadId: thread.id,
			authorId: scope.actor.userId,
			body: mention.body
		});
		await recordMentions(tx, {
			...tenantOf(scope),
			threadId: thread.id,
			threadTitle: thread.title,
			postId: post.id,
			authorId: scope.actor.userId,
			mentioned: mention.mentioned
		});
		return post;
	});
}

export async function addTask(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof taskSchema> }
): Promise<{ id: number }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const values = validate(taskSchema, input.values);
	if (values.owner) {
		const members = await listMembers(ctx.db, { ...tenantOf(scope), statuses: ['accepted'] });
		if (!members.some((m) => m.userId === values.owner))
			throw new AppError('validation', {
				fields: { owner: ['groups.errors.ownerInvalid'] },
				message: 'groups.errors.ownerInvalid'
			});
	}
	return insertTask(ctx.db, {
		...tenantOf(scope),
		title: values.title,
		ownerId: values.owner,
		dueOn: values.dueOn,
		createdBy: scope.actor.userId
	});
}

export async function changeTaskStatus(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; unverifiedTaskId: unknown; values: RawInput<typeof taskStatusSchema> }
): Promise<void> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const values = validate(taskStatusSchema, input.values);
	const id = parseId(input.unverifiedTaskId);
	const changed =
		id !== null && (await updateTaskStatus(ctx.db, { ...tenantOf(scope), id, status: values.status }));
	if (!changed) throw new AppError('not_found');
}

export async function addNote(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof noteSchema> }
): Promise<{ id: number }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const values = validate(noteSchema, input.values);
	return insertNote(ctx.db, {
		...tenantOf(scope),
		title: values.title,
		body: values.body,
		authorId: scope.actor.userId
	});
}

export async function saveWorkPlan(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof workPlanSchema> }
): Promise<{ changed: boolean }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const values = validate(workPlanSchema, input.values);
	if (values.workPlan === scope.group.workPlan) return { changed: false };
	await ctx.db.transaction(async (tx) => {
		await updateGroup(tx, {
			municipalityId: scope.group.municipalityId,
			id: scope.group.id,
			values: { workPlan: values.workPlan }
		});
		await auditWorkspace(tx, scope, 'group.work_plan_changed');
	});
	return { changed: true };
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

const FILE_ERRORS: Record<FileError, MessageKey> = {
	type: 'groups.errors.fileType',
	tooBig: 'groups.errors.fileTooBig',
	tooManyPixels: 'groups.errors.fileTooManyPixels',
	unreadable: 'groups.errors.fileUnreadable',
	missing: 'groups.errors.fileMissing'
};
const RECEIPT_ERRORS: Record<FileError, MessageKey> = {
	...FILE_ERRORS,
	type: 'groups.errors.receiptType',
	missing: 'groups.errors.receiptMissing'
};

export async function uploadFile(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; file: (UploadedFile & { name?: string }) | null }
): Promise<{ id: string }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const checked = await checkUpload(input.file, 'file');
	if ('error' in checked)
		throw new AppError('validation', {
			fields: { file: [FILE_ERRORS[checked.error]] },
			message: FILE_ERRORS[checked.error]
		});
	return insertFile(ctx.db, {
		...tenantOf(scope),
		kind: checked.kind,
		name: checked.name,
		contentType: checked.contentType,
		bytes: checked.bytes,
		uploadedBy: scope.actor.userId
	});
}

/** A file or receipt of the group, for its members and coaching staff only. */
export async function getWorkspaceFile(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; unverifiedFileId: string }
): Promise<{ name: string; contentType: string; bytes: Buffer; createdAt: Date }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	if (!isUuid(input.unverifiedFileId)) throw new AppError('not_found');
	const row = await getFile(ctx.db, { ...tenantOf(scope), id: input.unverifiedFileId });
	if (!row) throw new AppError('not_found');
	return row;
}

// ---------------------------------------------------------------------------------------------
// The menu card: picking an action and its sub-group
// ---------------------------------------------------------------------------------------------

/**
 * The group picks a menu item: it becomes a published action of the municipality (rung 6, owned by the
 * group, with a way to join it), through the actions feature in this transaction; the one who picked it
 * starts its sub-group as its coordinator. A picked item cannot be picked again.
 */
export async function pickMenuItem(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; unverifiedItemId: unknown }
): Promise<{ actionId: number }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const id = parseId(input.unverifiedItemId);
	const items = await listMenuItems(ctx.db, tenantOf(scope));
	const item = items.find((m) => m.id === id);
	if (!item) throw new AppError('not_found');
	if (item.actionId !== null) throw new AppError('conflict', { message: 'groups.errors.alreadyPicked' });
	const t = (key: MessageKey, p?: Record<string, string>) => translate(ctx.locale, key, p);
	return ctx.db.transaction(async (tx) => {
		const action = await createGroupActionInTransaction(tx, {
			municipalityId: scope.group.municipalityId,
			actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
			title: item.title,
			summary: item.description || t('groups.pick.summary', { group: scope.group.name }),
			groupName: scope.group.name,
			joinTitle: t('groups.pick.joinTitle', { group: scope.group.name }),
			joinHowTo: t('groups.pick.joinHowTo', { path: `/${scope.slug}/groepen/${scope.group.id}` })
		});
		const marked = await markMenuItemPicked(tx, { ...tenantOf(scope), id: item.id, actionId: action.id });
		if (!marked) throw new AppError('conflict', { message: 'groups.errors.alreadyPicked' });
		if (scope.membership)
			await upsertSubgroupMember(tx, {
				...tenantOf(scope),
				menuItemId: item.id,
				userId: scope.actor.userId,
				coordinator: true
			});
		await auditWorkspace(tx, scope, 'group.action_picked', {
			menuItemId: item.id,
			title: item.title,
			actionId: action.id
		});
		return { actionId: action.id };
	});
}

/** A member joins the sub-group of a picked action (optionally as its coordinator) or leaves it. */
export async function changeSubgroup(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof subgroupSchema>; leave: boolean }
): Promise<void> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	if (!scope.membership) throw new AppError('forbidden', { message: 'groups.errors.membersOnly' });
	const values = validate(subgroupSchema, input.values);
	const items = await listMenuItems(ctx.db, tenantOf(scope));
	const item = items.find((m) => m.id === values.menuItem && m.actionId !== null);
	if (!item) throw new AppError('not_found');
	await ctx.db.transaction(async (tx) => {
		if (input.leave)
			await deleteSubgroupMember(tx, {
				municipalityId: scope.group.municipalityId,
				menuItemId: item.id,
				userId: scope.actor.userId
			});
		else
			await upsertSubgroupMember(tx, {
				...tenantOf(scope),
				menuItemId: item.id,
				userId: scope.actor.userId,
				coordinator: values.coordinator
			});
		await auditWorkspace(tx, scope, 'group.subgroup_changed', {
			menuItemId: item.id,
			change: input.leave ? 'left' : values.coordinator ? 'coordinator' : 'joined'
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------------------------

/** Co-financing beside the working budget; only what is received counts in the balance. */
export async function addFunding(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof fundingSchema> }
): Promise<{ id: number }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const values = validate(fundingSchema, input.values);
	return ctx.db.transaction(async (tx) => {
		const row = await insertFunding(tx, {
			...tenantOf(scope),
			kind: values.kind,
			source: values.source,
			amountCents: values.amount,
			status: values.status,
			createdBy: scope.actor.userId
		});
		await auditWorkspace(tx, scope, 'group.funding_added', {
			fundingId: row.id,
			kind: values.kind,
			source: values.source,
			amountCents: values.amount,
			status: values.status
		});
		return row;
	});
}

export async function changeFundingStatus(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; unverifiedFundingId: unknown; values: RawInput<typeof fundingStatusSchema> }
): Promise<{ changed: boolean }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const values = validate(fundingStatusSchema, input.values);
	const id = parseId(input.unverifiedFundingId);
	if (id === null) throw new AppError('not_found');
	return ctx.db.transaction(async (tx) => {
		const row = await getFunding(tx, { ...tenantOf(scope), id, forUpdate: true });
		if (!row) throw new AppError('not_found');
		if (row.status === values.status) return { changed: false };
		await updateFundingStatus(tx, { ...tenantOf(scope), id, status: values.status });
		await auditWorkspace(tx, scope, 'group.funding_changed', {
			fundingId: id,
			amountCents: row.amountCents,
			statusBefore: row.status,
			statusAfter: values.status
		});
		return { changed: true };
	});
}

/**
 * An expense with its receipt (a photo or a PDF, checked by its bytes). At or below the call's threshold it
 * counts at once (approved by the rule; staff may still refuse it); above it, it waits for staff. An expense
 * larger than what is available (balance less what waits) is refused with a warning naming the balance,
 * unless the member ticks that they send it all the same: then it waits for staff whatever its size, and
 * staff cannot approve it beyond the balance. All fields and the receipt are judged together.
 */
export async function addExpense(
	ctx: TenantCtx,
	input: {
		unverifiedId: unknown;
		values: RawInput<typeof expenseSchema>;
		receipt: (UploadedFile & { name?: string }) | null;
	}
): Promise<{ id: number; status: 'submitted' | 'approved' }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const fields: FieldErrors = {};
	let values: ReturnType<typeof expenseSchema.parse> | null = null;
	try {
		values = validate(expenseSchema, input.values);
	} catch (err) {
		if (!isAppError(err) || err.code !== 'validation') throw err;
		Object.assign(fields, err.options.fields ?? {});
	}
	const receipt = await checkUpload(input.receipt, 'receipt');
	if ('error' in receipt) fields.receipt = [RECEIPT_ERRORS[receipt.error]];
	const items = await listMenuItems(ctx.db, tenantOf(scope));
	const chosenAction = values?.action ?? null;
	if (chosenAction !== null && !items.some((m) => m.id === chosenAction && m.actionId !== null))
		fields.action = ['groups.errors.actionInvalid'];
	let balance = 0;
	if (values && !fields.amount) {
		const totals = await getBudgetTotals(ctx.db, tenantOf(scope));
		const available = totals
			? totals.budgetCents + totals.receivedCents - totals.approvedCents - totals.waitingCents
			: 0;
		balance = available;
		if (values.amount > available && !values.overBalance) fields.amount = ['groups.errors.overBalance'];
	}
	if (!values || 'error' in receipt || Object.keys(fields).length > 0)
		throw new AppError('validation', {
			fields,
			message: 'groups.errors.formSummary',
			details: { balance: formatEuroCents(balance) }
		});
	const v = values;
	return ctx.db.transaction(async (tx) => {
		// The group row is locked and what is available read again, so two expenses sent at once are judged
		// against each other's.
		await findGroup(tx, scope.group.municipalityId, scope.group.id, true);
		const totals = await getBudgetTotals(tx, tenantOf(scope));
		const available = totals
			? totals.budgetCents + totals.receivedCents - totals.approvedCents - totals.waitingCents
			: 0;
		const overBalance = v.amount > available;
		if (overBalance && !v.overBalance)
			throw new AppError('validation', {
				fields: { amount: ['groups.errors.overBalance'] },
				message: 'groups.errors.formSummary',
				details: { balance: formatEuroCents(available) }
			});
		const status: 'approved' | 'submitted' =
			!overBalance && v.amount <= scope.group.approvalThresholdCents ? 'approved' : 'submitted';
		const file = await insertFile(tx, {
			...tenantOf(scope),
			kind: 'receipt',
			name: receipt.name,
			contentType: receipt.contentType,
			bytes: receipt.bytes,
			uploadedBy: scope.actor.userId
		});
		const row = await insertExpense(tx, {
			...tenantOf(scope),
			description: v.description,
			amountCents: v.amount,
			category: v.category,
			menuItemId: v.action,
			receiptId: file.id,
			spentOn: v.spentOn!,
			status,
			submittedBy: scope.actor.userId
		});
		await auditWorkspace(tx, scope, 'group.expense_added', {
			expenseId: row.id,
			amountCents: v.amount,
			category: v.category,
			status,
			approvedByRule: status === 'approved',
			overBalance
		});
		return { id: row.id, status };
	});
}

// ---------------------------------------------------------------------------------------------
// After the coaching: invitations and the coordinator's role
// ---------------------------------------------------------------------------------------------

export const INVITATION_DAYS = 14;

/** A one-use invitation link (14 days), made by a member; only its hash is kept. */
export async function createInvitation(
	ctx: TenantCtx,
	input: { unverifiedId: unknown }
): Promise<{ path: string }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	if (!scope.membership && !scope.isStaff)
		throw new AppError('forbidden', { message: 'groups.errors.membersOnly' });
	const token = newToken(24);
	await ctx.db.transaction(async (tx) => {
		await insertInvitation(tx, {
			...tenantOf(scope),
			tokenHash: hashToken(token),
			createdBy: scope.actor.userId,
			expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000)
		});
		await auditWorkspace(tx, scope, 'group.invitation_created');
	});
	return { path: `/${scope.slug}/groepen/${scope.group.id}/uitnodiging/${token}` };
}

/**
 * Hands the coordinator's role to another accepted member: the coordinator (or staff) does it, the former
 * coordinator stays a member. A person who is no member is refused beside the field.
 */
export async function handOverCoordinator(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof personSchema> }
): Promise<void> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	if (!scope.canSteer) throw new AppError('forbidden', { message: 'groups.errors.coordinatorOnly' });
	const values = validate(personSchema, input.values);
	await ctx.db.transaction(async (tx) => {
		const members = await listMembers(tx, { ...tenantOf(scope), statuses: ['accepted'] });
		const next = members.find((m) => m.userId === values.person);
		if (!next)
			throw new AppError('validation', {
				fields: { person: ['groups.errors.personInvalid'] },
				message: 'groups.errors.personInvalid'
			});
		for (const m of members.filter((m) => m.role === 'coordinator' && m.id !== next.id))
			await updateMember(tx, { ...tenantOf(scope), id: m.id, values: { role: 'member' } });
		await updateMember(tx, { ...tenantOf(scope), id: next.id, values: { role: 'coordinator' } });
		await auditWorkspace(tx, scope, 'group.coordinator_changed', { memberId: next.id });
		// The new coordinator and the other members hear of it (notifications.groups.ts).
		await writeDomainEvent(tx, {
			type: 'group.coordinator_changed',
			municipalityId: scope.group.municipalityId,
			subjectId: scope.group.id,
			actorId: scope.actor.userId,
			payload: { memberId: next.id, userId: next.userId }
		});
	});
}
