// Citizen groups with a working budget (Klimaatdoeners, seed 002): a municipality's call, the people who sign
// up, the group's menu card of actions, its workspace and its budget. Shared by the server and the pages.
import { LEKP_WERVEN } from './themes';

/** A call is prepared (draft), open for sign-ups, or closed (the group works on, nobody signs up). */
export const GROUP_STATUSES = ['draft', 'open', 'closed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

/** A sign-up waits for staff (when the call says so), is accepted (a member) or declined. */
export const MEMBER_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A member, or the group's coordinator (at most one). */
export const MEMBER_ROLES = ['member', 'coordinator'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** The menu card's tags: the four werven of the Local Energy and Climate Pact, and circular economy and food. */
export const MENU_TAGS = [...LEKP_WERVEN, 'circular'] as const;
export type MenuTag = (typeof MENU_TAGS)[number];
export const LEKP_TAGS: readonly MenuTag[] = LEKP_WERVEN;

export const TASK_STATUSES = ['todo', 'doing', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Where co-financing comes from, and whether the money is only promised or already received. */
export const FUNDING_KINDS = ['sponsor', 'subsidy', 'crowdfunding'] as const;
export type FundingKind = (typeof FUNDING_KINDS)[number];
export const FUNDING_STATUSES = ['promised', 'received'] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

/** An expense waits for staff, is approved (by staff, or by the call's rule when small) or refused. */
export const EXPENSE_STATUSES = ['submitted', 'approved', 'refused'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];
export const EXPENSE_CATEGORIES = [
	'material',
	'rent',
	'food',
	'communication',
	'transport',
	'other'
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** A file of the workspace: a document, a photo, or an expense's receipt. */
export const FILE_KINDS = ['document', 'photo', 'receipt'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const GROUP_LIMITS = {
	nameMax: 120,
	purposeMax: 4_000,
	rulesMax: 20_000,
	motivationMax: 1_000,
	menuTitleMax: 120,
	menuDescriptionMax: 1_000,
	menuItemsMax: 30,
	threadTitleMax: 160,
	postMax: 5_000,
	taskTitleMax: 200,
	noteTitleMax: 160,
	noteMax: 20_000,
	fundingSourceMax: 160,
	expenseDescriptionMax: 300,
	reasonMax: 500,
	fileNameMax: 200,
	fileBytesMax: 10 * 1024 * 1024,
	/** The largest working budget a call may have: €1,000,000. */
	budgetCentsMax: 100_000_000,
	/** The largest single amount of co-financing or an expense: €100,000. */
	amountCentsMax: 10_000_000,
	/** Expenses above this need staff's approval first unless the call says otherwise: €250. */
	approvalThresholdCentsDefault: 25_000
} as const;

/**
 * An amount in euros as typed in Flanders ("250", "1.250,50", "12,5", "€ 3,99", "12.50") as whole cents,
 * without ever passing through a float: null when it is no amount (letters, a minus sign, three decimals).
 */
export function parseEuroCents(typed: string): number | null {
	let s = typed.replace(/[\s\u00a0€]/g, '').replace(/^EUR/i, '');
	if (!/^\d[\d.,]*$/.test(s)) return null;
	// The last comma, or a dot followed by one or two digits at the end, is the decimal separator.
	let whole = s;
	let fraction = '';
	const comma = s.lastIndexOf(',');
	if (comma >= 0) {
		whole = s.slice(0, comma);
		fraction = s.slice(comma + 1);
	} else {
		const m = /^(.*)\.(\d{1,2})$/.exec(s);
		if (m) {
			whole = m[1]!;
			fraction = m[2]!;
		}
	}
	if (fraction.length > 2 || /[^\d]/.test(fraction)) return null;
	// Dots left in the euros are thousands separators: groups of three.
	if (whole.includes('.')) {
		if (!/^\d{1,3}(\.\d{3})+$/.test(whole)) return null;
		whole = whole.replace(/\./g, '');
	}
	if (!/^\d+$/.test(whole) || whole.length > 12) return null;
	s = whole.replace(/^0+(?=\d)/, '');
	const cents = Number(s) * 100 + Number(fraction.padEnd(2, '0') || '0');
	return Number.isSafeInteger(cents) ? cents : null;
}

/** Whole cents as Flemish euros ("€ 1.250,50"), computed on integers. */
export function formatEuroCents(cents: number): string {
	const negative = cents < 0;
	const abs = Math.abs(cents);
	const rest = abs % 100;
	const euros = String((abs - rest) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	return `${negative ? '-' : ''}€ ${euros},${String(rest).padStart(2, '0')}`;
}

/** Whole cents as a plain amount for a form field ("1250,50"). */
export function centsToInput(cents: number): string {
	const rest = cents % 100;
	return `${(cents - rest) / 100},${String(rest).padStart(2, '0')}`;
}

export function callPath(municipalitySlug: string, id: number): string {
	return `/${municipalitySlug}/groepen/${id}/oproep`;
}

export function groupPath(municipalitySlug: string, id: number): string {
	return `/${municipalitySlug}/groepen/${id}`;
}

export function workspacePath(municipalitySlug: string, id: number): string {
	return `/${municipalitySlug}/groepen/${id}/werkruimte`;
}

/** The fields of the call's form in the back office, as the routes read them. */
export const GROUP_FORM_FIELDS = [
	'name',
	'purpose',
	'rules',
	'budget',
	'deadline',
	'confirmSignups',
	'approvalThreshold',
	'status'
] as const;
