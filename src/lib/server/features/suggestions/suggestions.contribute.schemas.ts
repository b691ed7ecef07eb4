// Input of citizens who add a suggestion, comment, report, vote: what forms and the API may send, with Dutch
// message keys per field. Whether a place lies in the municipality is platform/geo's to say.
import { z } from 'zod';
import { MODERATION_REASONS, SUGGESTION_LIMITS } from '$lib/domain/suggestions';
import type { MessageKey } from '$lib/i18n';
import { validateInput } from '$lib/server/platform/validation';
import { isUuid } from '$lib/domain/ids';
import { parseId } from '$lib/domain/ids';

/** Suggestions this close to the chosen place are shown as possibly the same. */
export const SIMILAR_RADIUS_METRES = 250;
export const SIMILAR_MAX = 5;

export const RATE_LIMITS = {
	suggestions: { limit: 5, windowSeconds: 3_600 },
	comments: { limit: 20, windowSeconds: 3_600 },
	votes: { limit: 60, windowSeconds: 60 },
	reports: { limit: 20, windowSeconds: 3_600 }
} as const;

/** What a person reads when a rate limit of contributing (votes included) stops them. */
export const RATE_LIMITED = 'suggestionsContribute.errors.rateLimited' as const;

const E = 'suggestionsContribute.errors';

export function validateContribution<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	return validateInput(schema, input, { fallback: `${E}.invalid` as MessageKey });
}

/** Links in a text: anything that a reader's client would turn into one. */
export function countLinks(text: string): number {
	return (text.match(/\bhttps?:\/\/|\bwww\.|\]\(/gi) ?? []).length;
}

const required = (max: number, empty: MessageKey, tooLong: MessageKey) =>
	z
		.string({ error: empty })
		.transform((v) => v.trim())
		.pipe(z.string().min(1, { error: empty }).max(max, { error: tooLong }))
		.refine((v) => countLinks(v) <= SUGGESTION_LIMITS.linksMax, {
			error: `${E}.tooManyLinks`
		});

const optional = (max: number, tooLong: MessageKey) =>
	z
		.union([z.string(), z.null()], { error: tooLong })
		.optional()
		.transform((v) => (v ?? '').trim())
		.pipe(z.string().max(max, { error: tooLong }));

/** A decimal number, also with the Belgian decimal comma; null for an empty field; NaN and text refused. */
const coordinate = z
	.union([z.string(), z.number(), z.null()], { error: `${E}.coordinate` })
	.optional()
	.transform((v, issue) => {
		if (v === undefined || v === null) return null;
		const raw = typeof v === 'number' ? String(v) : v.trim().replace(',', '.');
		if (raw === '') return null;
		const n = Number(raw);
		if (raw.length > 20 || !/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(n)) {
			issue.addIssue({ code: 'custom', message: `${E}.coordinate` });
			return z.NEVER;
		}
		return n;
	});

export const suggestionSchema = z
	.object({
		title: required(
			SUGGESTION_LIMITS.titleMax,
			`${E}.titleRequired` as MessageKey,
			`${E}.titleTooLong` as MessageKey
		),
		body: required(
			SUGGESTION_LIMITS.bodyMax,
			`${E}.bodyRequired` as MessageKey,
			`${E}.bodyTooLong` as MessageKey
		),
		theme: optional(100, `${E}.theme` as MessageKey).transform((v) => v || null),
		placeName: optional(SUGGESTION_LIMITS.placeNameMax, `${E}.placeNameTooLong` as MessageKey)
			.refine((v) => countLinks(v) === 0, { error: `${E}.tooManyLinks` })
			.transform((v) => v || null),
		lat: coordinate,
		lng: coordinate,
		imageAlt: optional(SUGGESTION_LIMITS.altMax, `${E}.altTooLong` as MessageKey),
		/** Set by "Toch indienen": the person saw the similar suggestions and submits anyway. */
		confirm: z
			.unknown()
			.optional()
			.transform((v) => v === true || v === 'true' || v === '1' || v === 'on'),
		/** A photo uploaded on the first submit, kept across the "Bedoel je één van deze?" step. */
		photoId: z
			.unknown()
			.optional()
			.transform((v) => (isUuid(v) ? v : null))
	})
	.superRefine((v, issue) => {
		if ((v.lat === null) !== (v.lng === null)) {
			issue.addIssue({
				code: 'custom',
				path: [v.lat === null ? 'lat' : 'lng'],
				message: `${E}.coordinatesBoth`
			});
		}
	});

export type SuggestionInput = z.output<typeof suggestionSchema>;

export const commentSchema = z.object({
	body: required(
		SUGGESTION_LIMITS.commentMax,
		`${E}.commentRequired` as MessageKey,
		`${E}.commentTooLong` as MessageKey
	),
	parentId: z
		.unknown()
		.optional()
		.transform((v) => parseId(v))
});

export const reportSchema = z
	.object({
		reason: z.enum(MODERATION_REASONS, { error: `${E}.reason` }),
		note: optional(SUGGESTION_LIMITS.reasonMax, `${E}.noteTooLong` as MessageKey),
		commentId: z
			.unknown()
			.optional()
			.transform((v) => parseId(v))
	})
	.superRefine((v, issue) => {
		if (v.reason === 'other' && !v.note)
			issue.addIssue({ code: 'custom', path: ['note'], message: `${E}.noteRequired` });
	});

/** A local path to go back to after a vote (`terug`): starts with one "/", never "//" or "/\". */
export function safeLocalPath(value: unknown): string | null {
	if (typeof value !== 'string' || value.length > 1_000) return null;
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
	// eslint-disable-next-line no-control-regex -- control characters never belong in a path
	if (/[\u0000-\u001f]/.test(value)) return null;
	return value;
}
