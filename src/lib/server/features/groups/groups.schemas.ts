// Input of citizen groups: the call staff write, a sign-up, what members write in the workspace and the
// budget's amounts. Every message is a catalogue key; text loses control characters and is trimmed here as
// well as in hooks.server.ts; amounts are read as whole cents from the text typed, never through a float.
import { z } from 'zod';
import {
	EXPENSE_CATEGORIES,
	FUNDING_KINDS,
	FUNDING_STATUSES,
	GROUP_LIMITS as L,
	GROUP_STATUSES,
	MENU_TAGS,
	TASK_STATUSES,
	parseEuroCents
} from '$lib/domain/groups';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { isUuid, parseId } from '$lib/domain/ids';
import type { MessageKey } from '$lib/i18n';

const E = (k: string) => `groups.errors.${k}` as MessageKey;

const text = z
	.unknown()
	.optional()
	.transform((v) => (typeof v === 'string' ? withoutControlCharacters(v).trim() : ''));

const required = (max: number, empty: string, tooLong: string) =>
	text.pipe(
		z
			.string()
			.min(1, { error: E(empty) })
			.max(max, { error: E(tooLong) })
	);
const optional = (max: number, tooLong: string) => text.pipe(z.string().max(max, { error: E(tooLong) }));

/** An amount in euros as typed, as whole cents within [min, max]. */
const money = (options: { min: number; max: number; empty?: string }) =>
	text.transform((v, ctx) => {
		if (v === '') {
			ctx.addIssue({ code: 'custom', message: E(options.empty ?? 'amountRequired') });
			return z.NEVER;
		}
		if (/^\s*-/.test(v)) {
			ctx.addIssue({ code: 'custom', message: E('amountNegative') });
			return z.NEVER;
		}
		const cents = parseEuroCents(v);
		if (cents === null) {
			ctx.addIssue({ code: 'custom', message: E('amountInvalid') });
			return z.NEVER;
		}
		if (cents < options.min) {
			ctx.addIssue({ code: 'custom', message: E('amountTooSmall') });
			return z.NEVER;
		}
		if (cents > options.max) {
			ctx.addIssue({ code: 'custom', message: E('amountTooLarge') });
			return z.NEVER;
		}
		return cents;
	});

/** A date as yyyy-mm-dd that exists; empty is none when optional. */
const isoDate = (invalid: string, optionalDate: boolean) =>
	text.transform((v, ctx) => {
		if (v === '' && optionalDate) return null;
		const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
		if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
			ctx.addIssue({ code: 'custom', message: E(invalid) });
			return z.NEVER;
		}
		return v;
	});

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const groupSchema = z.object({
	name: required(L.nameMax, 'nameRequired', 'nameTooLong'),
	purpose: required(L.purposeMax, 'purposeRequired', 'purposeTooLong'),
	rules: optional(L.rulesMax, 'rulesTooLong'),
	budget: money({ min: 0, max: L.budgetCentsMax, empty: 'budgetRequired' }),
	deadline: isoDate('deadlineInvalid', true),
	confirmSignups: checkbox,
	approvalThreshold: money({ min: 0, max: L.amountCentsMax, empty: 'thresholdRequired' }),
	status: text.pipe(z.enum(GROUP_STATUSES, { error: E('statusInvalid') }))
});
export type GroupInput = z.output<typeof groupSchema>;

export const menuItemSchema = z.object({
	title: required(L.menuTitleMax, 'menuTitleRequired', 'menuTitleTooLong'),
	description: optional(L.menuDescriptionMax, 'menuDescriptionTooLong'),
	tags: z
		.array(z.unknown())
		.max(MENU_TAGS.length, { error: E('tagInvalid') })
		.optional()
		.transform((v, ctx) => {
			const tags = [...new Set((v ?? []).map((t) => (typeof t === 'string' ? t : '')))];
			if (tags.some((t) => !(MENU_TAGS as readonly string[]).includes(t))) {
				ctx.addIssue({ code: 'custom', message: E('tagInvalid') });
				return z.NEVER;
			}
			return tags;
		})
});

export const signUpSchema = z.object({
	motivation: required(L.motivationMax, 'motivationRequired', 'motivationTooLong')
});

/** Sign-ups chosen by their ids (ticked rows, or `?aanmelding=` in the address): unreadable ids drop out. */
export const chosenSignupsSchema = z.object({
	ids: z
		.array(z.unknown())
		.max(200, { error: 'backoffice.errors.tooMany' })
		.transform((ids) => [...new Set(ids.map(parseId).filter((id): id is number => id !== null))])
});

/** Accepting or declining the chosen sign-ups; declining is final, so the service asks for the tick (confirmSchema). */
export const decisionSchema = chosenSignupsSchema.extend({
	decision: text.pipe(z.enum(['accept', 'decline'], { error: E('decisionInvalid') })),
	confirm: z.unknown().optional()
});

export const threadSchema = z.object({
	title: required(L.threadTitleMax, 'threadTitleRequired', 'threadTitleTooLong'),
	body: required(L.postMax, 'postRequired', 'postTooLong')
});

export const postSchema = z.object({
	body: required(L.postMax, 'postRequired', 'postTooLong')
});

export const taskSchema = z.object({
	title: required(L.taskTitleMax, 'taskTitleRequired', 'taskTitleTooLong'),
	owner: text.transform((v, ctx) => {
		if (v === '') return null;
		if (!isUuid(v)) {
			ctx.addIssue({ code: 'custom', message: E('ownerInvalid') });
			return z.NEVER;
		}
		return v;
	}),
	dueOn: isoDate('dueInvalid', true)
});

export const taskStatusSchema = z.object({
	status: text.pipe(z.enum(TASK_STATUSES, { error: E('statusInvalid') }))
});

export const noteSchema = z.object({
	title: required(L.noteTitleMax, 'noteTitleRequired', 'noteTitleTooLong'),
	body: required(L.noteMax, 'noteRequired', 'noteTooLong')
});

export const fundingSchema = z.object({
	kind: text.pipe(z.enum(FUNDING_KINDS, { error: E('fundingKindInvalid') })),
	source: required(L.fundingSourceMax, 'sourceRequired', 'sourceTooLong'),
	amount: money({ min: 1, max: L.amountCentsMax }),
	status: text.pipe(z.enum(FUNDING_STATUSES, { error: E('fundingStatusInvalid') }))
});

export const fundingStatusSchema = z.object({
	status: text.pipe(z.enum(FUNDING_STATUSES, { error: E('fundingStatusInvalid') }))
});

export const expenseSchema = z.object({
	description: required(L.expenseDescriptionMax, 'descriptionRequired', 'descriptionTooLong'),
	amount: money({ min: 1, max: L.amountCentsMax }),
	category: text.pipe(z.enum(EXPENSE_CATEGORIES, { error: E('categoryInvalid') })),
	action: text.transform((v, ctx) => {
		if (v === '') return null;
		const id = parseId(v);
		if (id === null) {
			ctx.addIssue({ code: 'custom', message: E('actionInvalid') });
			return z.NEVER;
		}
		return id;
	}),
	spentOn: isoDate('spentOnInvalid', false),
	/** The member saw the warning that the expense is more than the balance, and sends it all the same. */
	overBalance: checkbox
});
export type ExpenseInput = z.output<typeof expenseSchema>;

export const refuseSchema = z.object({
	reason: required(L.reasonMax, 'reasonRequired', 'reasonTooLong')
});

export const subgroupSchema = z.object({
	menuItem: text.transform((v, ctx) => {
		const id = parseId(v);
		if (id === null) {
			ctx.addIssue({ code: 'custom', message: E('actionInvalid') });
			return z.NEVER;
		}
		return id;
	}),
	coordinator: checkbox
});

export const personSchema = z.object({
	person: text.transform((v, ctx) => {
		if (!isUuid(v)) {
			ctx.addIssue({ code: 'custom', message: E('personInvalid') });
			return z.NEVER;
		}
		return v;
	})
});

export const workPlanSchema = z.object({
	workPlan: optional(L.noteMax, 'noteTooLong')
});

export function groupFieldOf(path: readonly PropertyKey[]): string {
	return String(path[0] ?? 'form');
}
