// Use cases of the back office of citizen groups (groups.access.ts: whoever prepares working groups here): the
// calls with their menu card, deciding sign-ups (one or many), deciding expenses, and the budget's export for
// the financial service (CSV and XLSX). Each change writes its audit row in its transaction.
import ExcelJS from 'exceljs';
import { translate, type MessageKey } from '$lib/i18n';
import { AppError } from '$lib/server/platform/errors';
import { toCsv } from '$lib/server/platform/csv';
import { writeScopedAudit } from '$lib/server/platform/backoffice';
import { confirmSchema, validateInput, type RawInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';
import { formatEuroCents, GROUP_LIMITS, type GroupStatus } from '$lib/domain/groups';
import { slugify } from '$lib/server/platform/text';
import { command, findGroup } from './groups.access';
import {
	decideExpense,
	deleteMenuItem,
	getBudgetTotals,
	insertGroup,
	insertMember,
	insertMenuItem,
	listExpenses,
	listFunding,
	listGroups,
	listMembers,
	listMembersByIds,
	listMenuItems,
	updateGroup,
	updateMember,
	type GroupRow
} from './groups.queries';
import {
	chosenSignupsSchema,
	decisionSchema,
	groupSchema,
	menuItemSchema,
	refuseSchema,
	type GroupInput
} from './groups.schemas';
import {
	presentBudget,
	presentGroupDetail,
	presentGroupSummary,
	presentMember,
	presentMenuItem,
	type BudgetView,
	type GroupDetailView,
	type GroupSummaryView,
	type MemberView,
	type MenuItemView
} from './groups.present';
import type { Db } from '$lib/server/db/client';

const audited = (row: { id: number; name: string }, more: Record<string, unknown> = {}) => ({
	groupId: row.id,
	name: row.name,
	...more
});

export interface GroupsOverview {
	groups: (GroupSummaryView & { members: number; pending: number })[];
}

export const listGroupsForBackoffice = command({
	load: async (ctx, scope, _input: object): Promise<GroupsOverview> => {
		const rows = await listGroups(ctx.db, { municipalityId: scope.municipality.id });
		return {
			groups: rows.map((r) => ({
				...presentGroupSummary(scope.municipality.slug, r),
				members: r.members,
				pending: r.pending
			}))
		};
	}
});

function fieldsOf(values: GroupInput) {
	return {
		name: values.name,
		purpose: values.purpose,
		rules: values.rules,
		budgetCents: values.budget,
		deadline: values.deadline,
		confirmSignups: values.confirmSignups,
		approvalThresholdCents: values.approvalThreshold
	};
}

/** A new call (draft or open at once); its menu card is filled on its page. */
export const createGroup = command({
	load: async (_ctx, _scope, input: RawInput<typeof groupSchema>) => input,
	schema: groupSchema,
	execute: async (tx, { scope, values, record }): Promise<{ id: number }> => {
		const row = await insertGroup(tx, {
			municipalityId: scope.municipality.id,
			...fieldsOf(values),
			status: values.status,
			createdBy: scope.actor.userId
		});
		record.audit({
			action: 'group.created',
			details: audited(
				{ id: row.id, name: values.name },
				{ status: values.status, budgetCents: values.budget }
			)
		});
		return row;
	}
});

export interface GroupBackofficePage {
	group: GroupDetailView;
	menu: MenuItemView[];
	members: MemberView[];
	budget: BudgetView;
}

async function budgetOf(db: Db, slug: string, group: GroupRow, formerName: string): Promise<BudgetView> {
	const tenant = { municipalityId: group.municipalityId, groupId: group.id };
	const [totals, funding, expenses] = await Promise.all([
		getBudgetTotals(db, tenant),
		listFunding(db, tenant),
		listExpenses(db, tenant)
	]);
	if (!totals) throw new AppError('not_found');
	return presentBudget(slug, group, totals, funding, expenses, formerName);
}

/** Exposed to the workspace's service: the same budget, computed once. */
export { budgetOf };

export const getGroupForBackoffice = command({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<GroupBackofficePage> => {
		const group = await findGroup(ctx.db, scope.municipality.id, input.unverifiedId);
		const slug = scope.municipality.slug;
		const tenant = { municipalityId: group.municipalityId, groupId: group.id };
		const former = translate(ctx.locale, 'groups.formerMember');
		const [menu, members, budget] = await Promise.all([
			listMenuItems(ctx.db, tenant),
			listMembers(ctx.db, tenant),
			budgetOf(ctx.db, slug, group, former)
		]);
		return {
			group: presentGroupDetail(slug, group),
			menu: menu.map((m) => presentMenuItem(slug, m)),
			members: members.map((m) => presentMember(m, former)),
			budget
		};
	}
});

const COMPARED = [
	'name',
	'purpose',
	'rules',
	'budgetCents',
	'deadline',
	'confirmSignups',
	'approvalThresholdCents'
] as const;

/** Saves the call's form; an unchanged form writes nothing. The audit names the fields and the budget's change. */
export const changeGroup = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof groupSchema>) =>
		findGroup(ctx.db, scope.municipality.id, input.unverifiedId),
	schema: groupSchema,
	execute: async (tx, { scope, loaded, values, record }): Promise<{ changed: boolean }> => {
		const row = await findGroup(tx, scope.municipality.id, loaded.id, true);
		const next = { ...fieldsOf(values), status: values.status as GroupStatus };
		const fields = [...COMPARED, 'status' as const].filter((k) => row[k] !== next[k]);
		if (fields.length === 0) return { changed: false };
		await updateGroup(tx, { municipalityId: row.municipalityId, id: row.id, values: next });
		record.audit({
			action: 'group.changed',
			details: audited(
				{ id: row.id, name: values.name },
				{
					fields,
					...(fields.includes('budgetCents')
						? { budgetCentsBefore: row.budgetCents, budgetCentsAfter: values.budget }
						: {}),
					...(fields.includes('approvalThresholdCents')
						? {
								thresholdCentsBefore: row.approvalThresholdCents,
								thresholdCentsAfter: values.approvalThreshold
							}
						: {}),
					...(fields.includes('status') ? { statusBefore: row.status, statusAfter: values.status } : {})
				}
			)
		});
		return { changed: true };
	}
});

/** A possible action on the menu card, with its LEKP-relevant tags. */
export const addMenuItem = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof menuItemSchema>) =>
		findGroup(ctx.db, scope.municipality.id, input.unverifiedId),
	schema: menuItemSchema,
	execute: async (tx, { loaded, values, record }): Promise<{ id: number }> => {
		const tenant = { municipalityId: loaded.municipalityId, groupId: loaded.id };
		const existing = await listMenuItems(tx, tenant);
		if (existing.length >= GROUP_LIMITS.menuItemsMax)
			throw new AppError('validation', {
				fields: { title: ['groups.errors.menuFull'] },
				message: 'groups.errors.menuFull'
			});
		const row = await insertMenuItem(tx, {
			...tenant,
			title: values.title,
			description: values.description,
			tags: values.tags,
			position: existing.length
		});
		record.audit({
			action: 'group.menu_item_added',
			details: audited(loaded, { menuItemId: row.id, title: values.title, tags: values.tags })
		});
		return row;
	}
});

/** Takes a menu item off the card; one the group picked stays (it is an action now). */
export const removeMenuItem = command({
	load: (ctx, scope, input: { unverifiedId: unknown; unverifiedItemId: unknown }) =>
		findGroup(ctx.db, scope.municipality.id, input.unverifiedId),
	execute: async (tx, { loaded, input, record }): Promise<{ removed: boolean }> => {
		const id = parseId(input.unverifiedItemId);
		if (id === null) throw new AppError('not_found');
		const removed = await deleteMenuItem(tx, {
			municipalityId: loaded.municipalityId,
			groupId: loaded.id,
			id
		});
		if (!removed) throw new AppError('conflict', { message: 'groups.errors.menuItemPicked' });
		record.audit({ action: 'group.menu_item_removed', details: audited(loaded, { menuItemId: id }) });
		return { removed };
	}
});

/**
 * The "are you sure?" step before declining: the names of the chosen sign-ups that still wait, of this group of
 * this municipality. Ids of another group or municipality, and sign-ups already decided, are left out.
 */
export const previewSignupDecline = command({
	load: async (
		ctx,
		scope,
		input: { unverifiedId: unknown } & RawInput<typeof chosenSignupsSchema>
	): Promise<{ group: { id: number; name: string }; items: { id: number; name: string }[] }> => {
		const group = await findGroup(ctx.db, scope.municipality.id, input.unverifiedId);
		const { ids } = validateInput(chosenSignupsSchema, input, { fallback: 'groups.errors.invalid' });
		const rows = await listMembersByIds(ctx.db, {
			municipalityId: group.municipalityId,
			groupId: group.id,
			ids
		});
		const former = translate(ctx.locale, 'groups.formerMember');
		return {
			group: { id: group.id, name: group.name },
			items: rows.filter((r) => r.status === 'pending').map((r) => ({ id: r.id, name: r.name ?? former }))
		};
	}
});

/**
 * Accepts or declines sign-ups, one (a row's button) or many (ticked): only those that wait change; a sign-up
 * of another group or municipality is left alone. Each decision is one audit row. Declining is final and the
 * person is told, so it needs the "yes, decline" box ticked (`confirm`, the back office's confirmSchema);
 * without it nothing changes. Accepting needs no tick.
 */
export const decideSignups = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof decisionSchema>) =>
		findGroup(ctx.db, scope.municipality.id, input.unverifiedId),
	schema: decisionSchema,
	execute: async (tx, { scope, loaded, values, record }): Promise<{ changed: number }> => {
		if (values.ids.length === 0) throw new AppError('validation', { message: 'groups.errors.noneChosen' });
		if (values.decision === 'decline') validateInput(confirmSchema, values);
		const tenant = { municipalityId: loaded.municipalityId, groupId: loaded.id };
		const rows = await listMembersByIds(tx, { ...tenant, ids: values.ids, forUpdate: true });
		let changed = 0;
		for (const row of rows.filter((r) => r.status === 'pending')) {
			const status = values.decision === 'accept' ? 'accepted' : 'declined';
			await updateMember(tx, { ...tenant, id: row.id, values: { status } });
			record.audit({
				action: status === 'accepted' ? 'group.member_joined' : 'group.signup_declined',
				details: audited(loaded, { memberId: row.id, via: 'staff' })
			});
			// The person hears of it (notifications.groups.ts).
			record.event({
				type: status === 'accepted' ? 'group.signup_accepted' : 'group.signup_declined',
				municipalityId: loaded.municipalityId,
				subjectId: loaded.id,
				actorId: scope.actor.userId,
				payload: { memberId: row.id, userId: row.userId }
			});
			changed += 1;
		}
		return { changed };
	}
});

/** Adds a person to a group directly from the back office (the demo, or an intake done on paper). */
export async function addMemberInTransaction(
	tx: Db,
	group: { municipalityId: string; id: number },
	person: { userId: string; motivation: string; role?: 'member' | 'coordinator' }
) {
	return insertMember(tx, {
		municipalityId: group.municipalityId,
		groupId: group.id,
		userId: person.userId,
		motivation: person.motivation,
		status: 'accepted',
		role: person.role ?? 'member'
	});
}

async function findExpense(db: Db, group: GroupRow, unverifiedExpenseId: unknown, forUpdate = false) {
	const id = parseId(unverifiedExpenseId);
	const [row] =
		id === null
			? []
			: await listExpenses(db, {
					municipalityId: group.municipalityId,
					groupId: group.id,
					ids: [id],
					forUpdate
				});
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * Approves an expense that waits: the balance moves. One that would take the balance below zero is refused
 * (the call's rule: the group spends what it has), with the balance named.
 */
export const approveExpense = command({
	load: (ctx, scope, input: { unverifiedId: unknown; unverifiedExpenseId: unknown }) =>
		findGroup(ctx.db, scope.municipality.id, input.unverifiedId),
	execute: async (tx, { scope, loaded, input, record }): Promise<{ id: number }> => {
		const group = await findGroup(tx, loaded.municipalityId, loaded.id, true);
		const expense = await findExpense(tx, group, input.unverifiedExpenseId, true);
		if (expense.status !== 'submitted')
			throw new AppError('conflict', { message: 'groups.errors.expenseDecided' });
		const totals = await getBudgetTotals(tx, { municipalityId: group.municipalityId, groupId: group.id });
		const balance = totals ? totals.budgetCents + totals.receivedCents - totals.approvedCents : 0;
		if (expense.amountCents > balance)
			throw new AppError('conflict', {
				message: 'groups.errors.overBalanceApprove',
				details: { balance: formatEuroCents(balance) }
			});
		await decideExpense(tx, {
			municipalityId: group.municipalityId,
			groupId: group.id,
			id: expense.id,
			status: 'approved',
			reason: null,
			decidedBy: scope.actor.userId
		});
		record.audit({
			action: 'group.expense_approved',
			details: audited(group, {
				expenseId: expense.id,
				amountCents: expense.amountCents,
				balanceCentsBefore: balance,
				balanceCentsAfter: balance - expense.amountCents
			})
		});
		record.event({
			type: 'group.expense_approved',
			municipalityId: group.municipalityId,
			subjectId: group.id,
			actorId: scope.actor.userId,
			payload: { expenseId: expense.id, description: expense.description }
		});
		return { id: expense.id };
	}
});

/** Refuses an expense (waiting, or approved by the rule) with a reason the members read; the balance moves back. */
export const refuseExpense = command({
	load: (
		ctx,
		scope,
		input: { unverifiedId: unknown; unverifiedExpenseId: unknown } & RawInput<typeof refuseSchema>
	) => findGroup(ctx.db, scope.municipality.id, input.unverifiedId),
	schema: refuseSchema,
	execute: async (tx, { scope, loaded, input, values, record }): Promise<{ id: number }> => {
		const expense = await findExpense(tx, loaded, input.unverifiedExpenseId, true);
		if (expense.status === 'refused')
			throw new AppError('conflict', { message: 'groups.errors.expenseDecided' });
		await decideExpense(tx, {
			municipalityId: loaded.municipalityId,
			groupId: loaded.id,
			id: expense.id,
			status: 'refused',
			reason: values.reason,
			decidedBy: scope.actor.userId
		});
		record.audit({
			action: 'group.expense_refused',
			details: audited(loaded, {
				expenseId: expense.id,
				amountCents: expense.amountCents,
				statusBefore: expense.status,
				reason: values.reason
			})
		});
		record.event({
			type: 'group.expense_refused',
			municipalityId: loaded.municipalityId,
			subjectId: loaded.id,
			actorId: scope.actor.userId,
			payload: { expenseId: expense.id, description: expense.description }
		});
		return { id: expense.id };
	}
});

export interface BudgetExport {
	filename: string;
	contentType: string;
	body: string | Uint8Array<ArrayBuffer>;
}

/**
 * The group's money for the municipality's financial service, as CSV (Excel in Belgium) or XLSX: every
 * expense with its date, description, category, action, status, who, receipt, and every co-financing source.
 * Amounts are whole cents (a number column) beside the euro text; nothing is computed in floating point.
 */
export const exportBudget = command({
	load: async (
		ctx,
		scope,
		input: { unverifiedId: unknown; format: 'csv' | 'xlsx' }
	): Promise<BudgetExport> => {
		const group = await findGroup(ctx.db, scope.municipality.id, input.unverifiedId);
		const t = (key: string) => translate(ctx.locale, `groups.${key}` as MessageKey);
		const budget = await budgetOf(ctx.db, scope.municipality.slug, group, t('formerMember'));
		const header = [
			t('export.kind'),
			t('export.date'),
			t('export.description'),
			t('export.category'),
			t('export.action'),
			t('export.status'),
			t('export.by'),
			t('export.cents'),
			t('export.euros')
		];
		const rows: (string | number)[][] = [
			...budget.expenses.map((e) => [
				t('export.expense'),
				e.spentOn,
				e.description,
				t(`expenseCategory.${e.category}`),
				e.actionTitle ?? t('export.wholeGroup'),
				t(`expenseStatus.${e.status}`),
				e.submittedBy,
				e.amountCents,
				formatEuroCents(e.amountCents)
			]),
			...budget.funding.map((f) => [
				t('export.funding'),
				'',
				f.source,
				t(`fundingKind.${f.kind}`),
				'',
				t(`fundingStatus.${f.status}`),
				'',
				f.amountCents,
				formatEuroCents(f.amountCents)
			])
		];
		const summary: [string, number][] = [
			[t('budget.working'), budget.budgetCents],
			[t('budget.received'), budget.receivedCents],
			[t('budget.promised'), budget.promisedCents],
			[t('budget.approved'), budget.approvedCents],
			[t('budget.waiting'), budget.waitingCents],
			[t('budget.balance'), budget.balanceCents]
		];
		await writeScopedAudit(ctx.db, scope, [
			{
				action: 'group.exported',
				details: audited(group, { format: input.format, expenses: budget.expenses.length })
			}
		]);
		const date = new Date().toISOString().slice(0, 10);
		const base = `budget-${scope.municipality.slug}-${group.id}-${slugify(group.name).slice(0, 40).replace(/-+$/, '')}-${date}`;
		if (input.format === 'csv')
			return {
				filename: `${base}.csv`,
				contentType: 'text/csv; charset=utf-8',
				body: toCsv([
					header,
					...rows,
					[],
					...summary.map(([label, cents]) => [label, '', '', '', '', '', '', cents, formatEuroCents(cents)])
				])
			};
		const workbook = new ExcelJS.Workbook();
		workbook.creator = 'Meedoen';
		workbook.created = new Date();
		const lines = workbook.addWorksheet(t('export.sheetLines'));
		lines.addRow(header).font = { bold: true };
		for (const row of rows) lines.addRow(row);
		[14, 12, 40, 18, 30, 16, 24, 18, 16].forEach((width, i) => (lines.getColumn(i + 1).width = width));
		lines.views = [{ state: 'frozen', ySplit: 1 }];
		const totals = workbook.addWorksheet(t('export.sheetSummary'));
		totals.addRow([t('export.item'), t('export.cents'), t('export.euros')]).font = { bold: true };
		for (const [label, cents] of summary) totals.addRow([label, cents, formatEuroCents(cents)]);
		[30, 18, 16].forEach((width, i) => (totals.getColumn(i + 1).width = width));
		const buffer = await workbook.xlsx.writeBuffer();
		return {
			filename: `${base}.xlsx`,
			contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			body: new Uint8Array(buffer as ArrayBuffer)
		};
	}
});
