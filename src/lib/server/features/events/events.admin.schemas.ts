// Input of the back office for events: the event form (times typed as Brussels wall-clock time), the list's
// and the registration list's filters, check-in and the "yes, I am sure" of cancelling. Dutch message keys
// per field.
import { z } from 'zod';
import {
	EVENT_KINDS,
	EVENT_ORIGINS,
	EVENT_QUESTION_TYPES,
	MAX_COMPANIONS_LIMIT,
	REGISTRATION_STATUSES
} from '$lib/domain/events';
import { LADDER_RUNGS } from '$lib/domain/ladder';
import type { MessageKey } from '$lib/i18n';
import { brusselsLocalToDate } from '$lib/server/features/opportunities/opportunities.schemas';

export const TITLE_MAX = 200;
export const MARKDOWN_MAX = 50_000;
export const SHORT_TEXT_MAX = 300;
export const LONG_TEXT_MAX = 2_000;
export const URL_MAX = 500;
export const CAPACITY_MAX = 100_000;
export const QUESTIONS_MAX = 10;
export const QUESTION_LABEL_MAX = 200;
export const EVENTS_PAGE_SIZE = 25;
export const REGISTRATIONS_PAGE_SIZE = 500;
export const CHECK_IN_MAX = 1_000;
export const BULK_MAX = 200;

/** The statuses a form may choose; cancelling is its own step. */
export const EVENT_FORM_STATUSES = ['draft', 'published'] as const;

/** The field a problem belongs to: the first path segment, except for question rows (`questions.2.label`). */
export function eventFieldOf(path: readonly PropertyKey[]): string {
	if (path[0] === 'questions' && path.length >= 3) return `questions.${String(path[1])}.${String(path[2])}`;
	// The report's answer per chosen suggestion: the field beside that suggestion.
	if (path[0] === 'answers' && path.length >= 2) return `answer.${String(path[1])}`;
	return String(path[0] ?? 'form');
}

const text = (max: number, error: MessageKey) =>
	z
		.string({ error })
		.max(max, { error })
		.optional()
		.transform((v) => (v ?? '').trim());

/** A Brussels wall-clock time from a datetime-local field; required or not. */
const brusselsDateTime = (required: MessageKey | null) =>
	z
		.string({ error: 'eventsAdmin.errors.dateTime' })
		.max(25, { error: 'eventsAdmin.errors.dateTime' })
		.optional()
		.transform((v, issue) => {
			const raw = v?.trim().replace(' ', 'T');
			if (!raw) {
				if (required) {
					issue.addIssue({ code: 'custom', message: required });
					return z.NEVER;
				}
				return null;
			}
			const date = brusselsLocalToDate(raw);
			if (!date) {
				issue.addIssue({ code: 'custom', message: 'eventsAdmin.errors.dateTime' });
				return z.NEVER;
			}
			return date;
		});

/** A whole number in a range from a text field; null for an empty field when `optional`. */
const wholeNumber = (min: number, max: number, error: MessageKey) =>
	z
		.union([z.string(), z.number()], { error })
		.optional()
		.transform((v, issue) => {
			const raw = typeof v === 'number' ? String(v) : (v ?? '').trim();
			if (raw === '') return null;
			const n = Number(raw);
			if (raw.length > 9 || !/^\d+$/.test(raw) || n < min || n > max) {
				issue.addIssue({ code: 'custom', message: error });
				return z.NEVER;
			}
			return n;
		});

function isHttpsUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && !url.username && !url.password && url.hostname.includes('.');
	} catch {
		return false;
	}
}

/** An id of a select: digits, or empty for none. */
const optionalId = (error: MessageKey) =>
	z
		.union([z.string(), z.number()], { error })
		.optional()
		.transform((v, issue) => {
			const raw = typeof v === 'number' ? String(v) : (v ?? '').trim();
			if (raw === '') return null;
			if (!/^\d{1,9}$/.test(raw)) {
				issue.addIssue({ code: 'custom', message: error });
				return z.NEVER;
			}
			return Number(raw);
		});

const question = z.object({
	id: z
		.string()
		.max(40)
		.optional()
		.transform((v) => (v && /^[a-z0-9-]{1,40}$/.test(v) ? v : null)),
	label: z
		.string({ error: 'eventsAdmin.errors.questionLabel' })
		.trim()
		.min(1, { error: 'eventsAdmin.errors.questionLabel' })
		.max(QUESTION_LABEL_MAX, { error: 'eventsAdmin.errors.questionLabel' }),
	type: z.enum(EVENT_QUESTION_TYPES, { error: 'eventsAdmin.errors.questionType' })
});

export const eventSchema = z
	.object({
		actionId: optionalId('eventsAdmin.errors.action'),
		opportunityId: optionalId('eventsAdmin.errors.opportunity'),
		kind: z.enum(EVENT_KINDS, { error: 'eventsAdmin.errors.kind' }),
		/** Empty: the usual rung of the kind. */
		rung: z.preprocess(
			(v) => (v === '' || v === undefined || v === null ? null : v),
			z.enum(LADDER_RUNGS, { error: 'eventsAdmin.errors.rung' }).nullable()
		),
		title: z
			.string({ error: 'eventsAdmin.errors.titleRequired' })
			.trim()
			.min(1, { error: 'eventsAdmin.errors.titleRequired' })
			.max(TITLE_MAX, { error: 'eventsAdmin.errors.titleTooLong' }),
		description: text(MARKDOWN_MAX, 'eventsAdmin.errors.markdownTooLong'),
		startsAt: brusselsDateTime('eventsAdmin.errors.startRequired'),
		endsAt: brusselsDateTime('eventsAdmin.errors.endRequired'),
		venueName: text(SHORT_TEXT_MAX, 'eventsAdmin.errors.tooLong'),
		address: text(SHORT_TEXT_MAX, 'eventsAdmin.errors.tooLong'),
		accessibility: text(LONG_TEXT_MAX, 'eventsAdmin.errors.tooLong'),
		whatToBring: text(LONG_TEXT_MAX, 'eventsAdmin.errors.tooLong'),
		onlineUrl: z
			.string({ error: 'eventsAdmin.errors.onlineUrl' })
			.max(URL_MAX, { error: 'eventsAdmin.errors.onlineUrl' })
			.optional()
			.transform((v) => v?.trim() || null)
			.refine((v) => v === null || isHttpsUrl(v), { error: 'eventsAdmin.errors.onlineUrl' }),
		organiser: text(SHORT_TEXT_MAX, 'eventsAdmin.errors.tooLong'),
		capacity: wholeNumber(1, CAPACITY_MAX, 'eventsAdmin.errors.capacity'),
		registrationDeadline: brusselsDateTime(null),
		maxCompanions: wholeNumber(0, MAX_COMPANIONS_LIMIT, 'eventsAdmin.errors.maxCompanions').transform(
			(v) => v ?? 0
		),
		questions: z
			.array(z.unknown(), { error: 'eventsAdmin.errors.tooManyQuestions' })
			.max(QUESTIONS_MAX, { error: 'eventsAdmin.errors.tooManyQuestions' })
			.optional()
			.transform((v) => v ?? [])
			.pipe(z.array(question)),
		status: z.enum(EVENT_FORM_STATUSES, { error: 'eventsAdmin.errors.status' })
	})
	.superRefine((e, issue) => {
		if (e.startsAt && e.endsAt && e.endsAt <= e.startsAt)
			issue.addIssue({ code: 'custom', path: ['endsAt'], message: 'eventsAdmin.errors.endBeforeStart' });
		if (e.startsAt && e.registrationDeadline && e.registrationDeadline > e.startsAt)
			issue.addIssue({
				code: 'custom',
				path: ['registrationDeadline'],
				message: 'eventsAdmin.errors.deadlineAfterStart'
			});
		if (e.kind === 'online' && !e.onlineUrl)
			issue.addIssue({
				code: 'custom',
				path: ['onlineUrl'],
				message: 'eventsAdmin.errors.onlineUrlRequired'
			});
	});
export type EventInput = z.output<typeof eventSchema>;

// The shared "yes, I mean it" box of destructive actions.
export { confirmSchema } from '$lib/server/platform/validation';

export const EVENT_WHEN = ['upcoming', 'past'] as const;
export const EVENT_LIST_STATUSES = ['draft', 'published', 'cancelled'] as const;

/** Filters of the list; a value that makes no sense falls back to the default instead of failing. */
export const eventFiltersSchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	status: z.enum(EVENT_LIST_STATUSES).optional().catch(undefined),
	kind: z.enum(EVENT_KINDS).optional().catch(undefined),
	origin: z.enum(EVENT_ORIGINS).optional().catch(undefined),
	when: z.enum(EVENT_WHEN).catch('upcoming'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});
export type EventFilters = z.output<typeof eventFiltersSchema>;

/** Filters of an event's registrations. */
export const registrationFiltersSchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	status: z.enum(REGISTRATION_STATUSES).optional().catch(undefined)
});
export type RegistrationFilters = z.output<typeof registrationFiltersSchema>;

const idList = z
	.array(z.unknown(), { error: 'backoffice.errors.invalid' })
	.max(CHECK_IN_MAX, { error: 'backoffice.errors.tooMany' })
	.optional()
	.transform((ids) => [
		...new Set(
			(ids ?? [])
				.map((id) => (typeof id === 'number' ? String(id) : id))
				.filter((id): id is string => typeof id === 'string' && /^\d{1,15}$/.test(id))
				.map(Number)
		)
	]);

/**
 * The check-in form: the registrations it showed (`shown`) and those ticked as present among them. Whoever
 * was shown and not ticked is not (or no longer) checked in; others are left as they were.
 */
export const checkInSchema = z.object({ shown: idList, present: idList });
export type CheckInInput = z.output<typeof checkInSchema>;

/** The events ticked in the list for a bulk change (publishing drafts). */
export const bulkSchema = z.object({
	ids: z
		.array(z.unknown(), { error: 'backoffice.errors.invalid' })
		.max(BULK_MAX, { error: 'backoffice.errors.tooMany' })
		.optional()
		.transform((ids) => [
			...new Set(
				(ids ?? [])
					.map((id) => (typeof id === 'number' ? String(id) : id))
					.filter((id): id is string => typeof id === 'string' && /^\d{1,9}$/.test(id))
					.map(Number)
			)
		])
});

/** The answer a chosen suggestion's author reads (a status reason of the suggestion: its limit). */
export const REPORT_ANSWER_MAX = 1_000;
/** Suggestions one report may choose. */
export const REPORT_CHOSEN_MAX = 200;
export const REPORT_INTENTS = ['draft', 'publish'] as const;
/** Photos one report may show. */
export const REPORT_PHOTOS_MAX = 12;
/** The largest photo file accepted (as a suggestion's; BODY_SIZE_LIMIT leaves room for it and the text). */
export const REPORT_PHOTO_BYTES_MAX = 10 * 1024 * 1024;
/** A photo's alt text: what someone who cannot see it needs to know. */
export const REPORT_PHOTO_ALT_MAX = 300;

/**
 * The report (verslag) form: the Markdown text, how many people came, the suggestions ticked as chosen with an
 * answer each (`answers` by suggestion id) or the shared answer for those left empty, the alt text of a photo
 * added with it, and whether to keep it as a draft or publish it.
 */
export const reportSchema = z
	.object({
		report: text(MARKDOWN_MAX, 'eventsAdmin.report.errors.reportTooLong'),
		attendance: wholeNumber(0, CAPACITY_MAX, 'eventsAdmin.report.errors.attendance'),
		chosen: z
			.array(z.unknown(), { error: 'backoffice.errors.invalid' })
			.max(REPORT_CHOSEN_MAX, { error: 'backoffice.errors.tooMany' })
			.optional()
			.transform((ids, issue) => {
				const raw = (ids ?? []).map((id) => (typeof id === 'number' ? String(id) : id));
				if (raw.some((id) => typeof id !== 'string' || !/^\d{1,9}$/.test(id))) {
					issue.addIssue({ code: 'custom', message: 'suggestionsAdmin.errors.notOfAction' });
					return z.NEVER;
				}
				return [...new Set(raw.map(Number))];
			}),
		answers: z
			.record(
				z.string().regex(/^\d{1,9}$/, { error: 'backoffice.errors.invalid' }),
				z
					.string({ error: 'eventsAdmin.report.errors.answerTooLong' })
					.max(REPORT_ANSWER_MAX, { error: 'eventsAdmin.report.errors.answerTooLong' })
					.transform((v) => v.trim())
			)
			.optional()
			.transform((v) => v ?? {}),
		sharedAnswer: text(REPORT_ANSWER_MAX, 'eventsAdmin.report.errors.answerTooLong'),
		/** The alt text of a photo added with this save (required with a photo: checked with the upload). */
		photoAlt: text(REPORT_PHOTO_ALT_MAX, 'eventsAdmin.report.errors.photoAltTooLong'),
		intent: z.enum(REPORT_INTENTS, { error: 'backoffice.errors.invalid' })
	})
	.superRefine((r, issue) => {
		if (r.intent === 'publish' && !r.report)
			issue.addIssue({
				code: 'custom',
				path: ['report'],
				message: 'eventsAdmin.report.errors.reportRequired'
			});
	});
export type ReportInput = z.output<typeof reportSchema>;
