// What leaves the server about citizen groups, field by field: the public call and group pages, the back
// office's view, the workspace and the budget. Amounts stay whole cents; the pages format them.
import { renderMarkdown } from '$lib/server/platform/markdown';
import { actionPath } from '$lib/domain/actions';
import {
	callPath,
	groupPath,
	workspacePath,
	type ExpenseCategory,
	type ExpenseStatus,
	type FundingKind,
	type FundingStatus,
	type GroupStatus,
	type MemberRole,
	type MemberStatus
} from '$lib/domain/groups';
import type { ExpenseRow, GroupRow, MemberRow, MenuItemRow } from './groups.queries';

export interface GroupSummaryView {
	id: number;
	name: string;
	purpose: string;
	status: GroupStatus;
	deadline: string | null;
	budgetCents: number;
	callPath: string;
	groupPath: string;
	workspacePath: string;
}

export function presentGroupSummary(slug: string, row: GroupRow): GroupSummaryView {
	return {
		id: row.id,
		name: row.name,
		purpose: row.purpose,
		status: row.status,
		deadline: row.deadline,
		budgetCents: row.budgetCents,
		callPath: callPath(slug, row.id),
		groupPath: groupPath(slug, row.id),
		workspacePath: workspacePath(slug, row.id)
	};
}

export interface GroupDetailView extends GroupSummaryView {
	rules: string;
	/** The rules as sanitised HTML (Markdown). */
	rulesHtml: string;
	confirmSignups: boolean;
	approvalThresholdCents: number;
	workPlan: string;
}

export function presentGroupDetail(slug: string, row: GroupRow): GroupDetailView {
	return {
		...presentGroupSummary(slug, row),
		rules: row.rules,
		rulesHtml: renderMarkdown(row.rules),
		confirmSignups: row.confirmSignups,
		approvalThresholdCents: row.approvalThresholdCents,
		workPlan: row.workPlan
	};
}

export interface MenuItemView {
	id: number;
	title: string;
	description: string;
	tags: string[];
	picked: boolean;
	/** The action it became: its public page. */
	actionPath: string | null;
}

export function presentMenuItem(slug: string, row: MenuItemRow): MenuItemView {
	return {
		id: row.id,
		title: row.title,
		description: row.description,
		tags: row.tags,
		picked: row.actionId !== null,
		actionPath: row.actionId !== null ? actionPath(slug, row.actionId, row.actionSlug ?? '') : null
	};
}

export interface MemberView {
	id: number;
	userId: string;
	name: string;
	motivation: string;
	status: MemberStatus;
	role: MemberRole;
	createdAt: string;
}

export function presentMember(row: MemberRow, formerName: string): MemberView {
	return {
		id: row.id,
		userId: row.userId,
		name: row.name ?? formerName,
		motivation: row.motivation,
		status: row.status,
		role: row.role,
		createdAt: row.createdAt.toISOString()
	};
}

export interface FundingView {
	id: number;
	kind: FundingKind;
	source: string;
	amountCents: number;
	status: FundingStatus;
}

export interface ExpenseView {
	id: number;
	description: string;
	amountCents: number;
	category: ExpenseCategory;
	actionTitle: string | null;
	spentOn: string;
	status: ExpenseStatus;
	refuseReason: string | null;
	submittedBy: string;
	/** The receipt, for members and staff of this group only. */
	receiptPath: string | null;
}

export function presentExpense(
	slug: string,
	groupId: number,
	row: ExpenseRow,
	formerName: string
): ExpenseView {
	return {
		id: row.id,
		description: row.description,
		amountCents: row.amountCents,
		category: row.category,
		actionTitle: row.menuItemTitle,
		spentOn: row.spentOn,
		status: row.status,
		refuseReason: row.refuseReason,
		submittedBy: row.submittedByName ?? formerName,
		receiptPath: row.receiptId ? `${workspacePath(slug, groupId)}/bestanden/${row.receiptId}` : null
	};
}

export interface BudgetView {
	budgetCents: number;
	receivedCents: number;
	promisedCents: number;
	approvedCents: number;
	waitingCents: number;
	/** Budget plus received co-financing minus approved expenses. */
	balanceCents: number;
	/** The balance less what waits for approval. */
	availableCents: number;
	approvalThresholdCents: number;
	/** Approved spending per picked action, and for the group as a whole (title null). */
	perAction: { title: string | null; approvedCents: number; waitingCents: number }[];
	funding: FundingView[];
	expenses: ExpenseView[];
}

export function presentBudget(
	slug: string,
	group: GroupRow,
	totals: {
		budgetCents: number;
		receivedCents: number;
		promisedCents: number;
		approvedCents: number;
		waitingCents: number;
	},
	funding: FundingView[],
	expenses: ExpenseRow[],
	formerName: string
): BudgetView {
	const balanceCents = totals.budgetCents + totals.receivedCents - totals.approvedCents;
	const per = new Map<string, { title: string | null; approvedCents: number; waitingCents: number }>();
	for (const e of expenses) {
		const key = e.menuItemTitle ?? '';
		const entry = per.get(key) ?? { title: e.menuItemTitle, approvedCents: 0, waitingCents: 0 };
		if (e.status === 'approved') entry.approvedCents += e.amountCents;
		if (e.status === 'submitted') entry.waitingCents += e.amountCents;
		per.set(key, entry);
	}
	return {
		...totals,
		balanceCents,
		availableCents: balanceCents - totals.waitingCents,
		approvalThresholdCents: group.approvalThresholdCents,
		perAction: [...per.values()].sort((a, b) =>
			(a.title ?? '\uffff').localeCompare(b.title ?? '\uffff', 'nl')
		),
		funding,
		expenses: expenses.map((e) => presentExpense(slug, group.id, e, formerName))
	};
}
