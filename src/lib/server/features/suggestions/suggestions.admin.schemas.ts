// Input of the back office for suggestions: queue filters, bulk decisions, answers, statuses, places, merges,
// blocks and settings, each with Dutch message keys per field.
import { z } from 'zod';
import {
	DECISION_STATUSES,
	MODERATION_MODES,
	MODERATION_REASONS,
	SUGGESTION_LIMITS,
	type ModerationReason
} from '$lib/domain/suggestions';
import { validateInput } from '$lib/server/platform/validation';
import { parseId, parseSluggedId } from '$lib/domain/ids';

export const QUEUE_PAGE_SIZE = 25;
export const BULK_MAX = 200;
export const VOTE_LIMIT_MAX = 100;

/** Parses back-office input for suggestions, or refuses it with per-field catalogue keys. */
export function validateSuggestionsAdminInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	return validateInput(schema, input, { fallback: 'backoffice.errors.invalid' });
}

export const QUEUE_VIEWS = ['all', 'waiting', 'reported'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_SORTS = ['oldest', 'newest', 'reports'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** Filters of the queue; a value that makes no sense falls back to the default instead of failing. */
export const queueFiltersSchema = z.object({
	view: z.enum(QUEUE_VIEWS).catch('all'),
	opportunityId: z
		.unknown()
		.transform((v) => parseId(v) ?? undefined)
		.optional(),
	q: z.string().trim().max(100).optional().catch(undefined),
	sort: z.enum(QUEUE_SORTS).catch('oldest'),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type QueueFilters = z.output<typeof queueFiltersSchema>;

/** One selected item of the queue: "s12" is suggestion 12, "c5" comment 5. */
export interface ItemRef {
	kind: 'suggestion' | 'comment';
	id: number;
}

export function parseItemRef(value: unknown): ItemRef | null {
	if (typeof value !== 'string') return null;
	const m = /^([sc])(\d{1,9})$/.exec(value);
	if (!m) return null;
	return { kind: m[1] === 's' ? 'suggestion' : 'comment', id: Number(m[2]) };
}

export function itemRefValue(ref: ItemRef): string {
	return `${ref.kind === 'suggestion' ? 's' : 'c'}${ref.id}`;
}

const refs = z
	.array(z.unknown(), { error: 'backoffice.errors.invalid' })
	.max(BULK_MAX, { error: 'backoffice.errors.tooMany' })
	.optional()
	.transform((values) => {
		const seen = new Set<string>();
		const out: ItemRef[] = [];
		for (const value of values ?? []) {
			const ref = parseItemRef(value);
			if (!ref || seen.has(itemRefValue(ref))) continue;
			seen.add(itemRefValue(ref));
			out.push(ref);
		}
		return out;
	});

const reasonText = z
	.string({ error: 'suggestionsAdmin.errors.reasonTooLong' })
	.max(SUGGESTION_LIMITS.reasonMax, { error: 'suggestionsAdmin.errors.reasonTooLong' })
	.optional()
	.transform((v) => (v ?? '').trim());

const reasonCode = z.preprocess(
	(v) => (v === '' || v === undefined || v === null ? undefined : v),
	z.enum(MODERATION_REASONS, { error: 'suggestionsAdmin.errors.reasonRequired' }).optional()
);

/** A rejection: a reason from the list, with a typed text that is required for "other". */
export const rejectionSchema = z
	.object({ reason: reasonCode, note: reasonText })
	.superRefine((r, issue) => {
		if (!r.reason)
			issue.addIssue({ code: 'custom', path: ['reason'], message: 'suggestionsAdmin.errors.reasonRequired' });
		else if (r.reason === 'other' && !r.note)
			issue.addIssue({ code: 'custom', path: ['note'], message: 'suggestionsAdmin.errors.noteRequired' });
	})
	.transform((r) => ({ reason: r.reason as ModerationReason, note: r.note }));
export type Rejection = z.output<typeof rejectionSchema>;

export const BULK_OPERATIONS = ['approve', 'reject', 'dismiss'] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

export const bulkSelectionSchema = z.object({
	items: refs,
	operation: z.enum(BULK_OPERATIONS, { error: 'suggestionsAdmin.bulk.operationRequired' })
});

export const bulkSchema = z
	.object({
		items: refs,
		operation: z.enum(BULK_OPERATIONS, { error: 'suggestionsAdmin.bulk.operationRequired' }),
		reason: reasonCode,
		note: reasonText
	})
	.superRefine((b, issue) => {
		if (b.operation !== 'reject') return;
		if (!b.reason)
			issue.addIssue({ code: 'custom', path: ['reason'], message: 'suggestionsAdmin.errors.reasonRequired' });
		else if (b.reason === 'other' && !b.note)
			issue.addIssue({ code: 'custom', path: ['note'], message: 'suggestionsAdmin.errors.noteRequired' });
	});
export type BulkInput = z.output<typeof bulkSchema>;

export const answerSchema = z.object({
	answer: z
		.string({ error: 'suggestionsAdmin.errors.answerRequired' })
		.max(SUGGESTION_LIMITS.answerMax, { error: 'suggestionsAdmin.errors.answerTooLong' })
		.transform((v) => v.trim())
		.pipe(z.string().min(1, { error: 'suggestionsAdmin.errors.answerRequired' }))
});

export const statusSchema = z
	.object({
		status: z.enum(DECISION_STATUSES, { error: 'suggestionsAdmin.errors.status' }),
		reason: reasonText
	})
	.superRefine((s, issue) => {
		if (s.status === 'notChosen' && !s.reason)
			issue.addIssue({
				code: 'custom',
				path: ['reason'],
				message: 'suggestionsAdmin.errors.notChosenReason'
			});
	});

/** A decimal number, also with the Belgian decimal comma. */
const coordinate = z
	.union([z.string(), z.number()], { error: 'suggestionsAdmin.errors.coordinate' })
	.transform((v, issue) => {
		const raw = typeof v === 'number' ? String(v) : v.trim().replace(',', '.');
		const n = Number(raw);
		if (raw === '' || raw.length > 20 || !/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(n)) {
			issue.addIssue({ code: 'custom', message: 'suggestionsAdmin.errors.coordinate' });
			return z.NEVER;
		}
		return n;
	});

/** Whether the place lies in the municipality is checked by the service (platform/geo), as for citizens. */
export const placeSchema = z.object({
	lat: coordinate,
	lng: coordinate,
	placeName: z
		.string({ error: 'suggestionsAdmin.errors.placeTooLong' })
		.max(SUGGESTION_LIMITS.placeNameMax, { error: 'suggestionsAdmin.errors.placeTooLong' })
		.optional()
		.transform((v) => (v ?? '').trim() || null)
});

export const officialCommentSchema = z.object({
	body: z
		.string({ error: 'suggestionsAdmin.errors.commentRequired' })
		.max(SUGGESTION_LIMITS.commentMax, { error: 'suggestionsAdmin.errors.commentTooLong' })
		.transform((v) => v.trim())
		.pipe(z.string().min(1, { error: 'suggestionsAdmin.errors.commentRequired' }))
});

export const mergeSchema = z.object({
	into: z.unknown().transform((v, issue) => {
		const id = parseSluggedId(typeof v === 'string' ? v.trim().replace(/^#/, '') : v)?.id ?? null;
		if (id === null) {
			issue.addIssue({ code: 'custom', message: 'suggestionsAdmin.errors.mergeTarget' });
			return z.NEVER;
		}
		return id;
	})
});

/** A destructive or public change needs the "yes, I am sure" box ticked. */
/** One row of the queue, approved from its own button. */
export const queueRowSchema = z.object({
	item: z.unknown().transform((v, issue) => {
		const ref = parseItemRef(v);
		if (!ref) {
			issue.addIssue({ code: 'custom', message: 'backoffice.errors.invalid' });
			return z.NEVER;
		}
		return ref;
	})
});

/** At most this many suggestions are offered to merge into; a search narrows them down. */
export const MERGE_CANDIDATES_MAX = 50;

export const mergeSearchSchema = z.object({
	q: z
		.string()
		.max(200)
		.optional()
		.catch(undefined)
		.transform((v) => (v ?? '').trim())
});

// The shared "yes, I mean it" box of destructive actions.
export { confirmSchema } from '$lib/server/platform/validation';

export const blockSchema = z.object({
	reason: z
		.string({ error: 'suggestionsAdmin.errors.reasonTooLong' })
		.max(SUGGESTION_LIMITS.reasonMax, { error: 'suggestionsAdmin.errors.reasonTooLong' })
		.optional()
		.transform((v) => (v ?? '').trim())
});

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const settingsSchema = z.object({
	moderation: z.enum(MODERATION_MODES, { error: 'suggestionsAdmin.errors.moderationMode' }),
	submissionsOpen: checkbox,
	votingOpen: checkbox,
	/** Empty: no limit. */
	voteLimit: z
		.union([z.string(), z.number()], { error: 'suggestionsAdmin.errors.voteLimit' })
		.optional()
		.transform((v, issue) => {
			const raw = typeof v === 'number' ? String(v) : (v ?? '').trim();
			if (raw === '') return null;
			const n = Number(raw);
			if (!/^\d{1,3}$/.test(raw) || n < 1 || n > VOTE_LIMIT_MAX) {
				issue.addIssue({ code: 'custom', message: 'suggestionsAdmin.errors.voteLimit' });
				return z.NEVER;
			}
			return n;
		})
});
export type SettingsInput = z.output<typeof settingsSchema>;
