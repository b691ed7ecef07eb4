// The funder reports' input: a programme's definition (actions with a KPI linked to an impact indicator or
// entered by hand, targets above zero, minimum expectations as checklists, extra sections with a character
// limit), its reviewers, the interim report's answers (drafts keep anything within the limits; submitting asks
// what seed 003 asks), and the reviewer's verdict. Every message is a catalogue key shown beside its field.
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { readImpactNumber } from '$lib/server/features/impact/impact.schemas';

const key = (k: string) => `funderReports.errors.${k}` as MessageKey;

export const FUNDER_LIMITS = {
	/** Seed 003's answers: "max. 250 tekens". */
	answerDefault: 250,
	/** The largest character limit the region may set on an answer. */
	answerMax: 5000,
	longText: 4000,
	items: 20,
	expectations: 10,
	sections: 10,
	questions: 20,
	title: 200,
	initiatives: 20,
	valueMax: 10_000_000
} as const;

const slugKey = z.string().regex(/^[a-z0-9-]{1,40}$/, key('definitionInvalid'));
const title = z.string().trim().min(1, key('titleRequired')).max(FUNDER_LIMITS.title, key('titleTooLong'));
const positive = z
	.number({ error: key('targetPositive') })
	.refine((n) => Number.isFinite(n) && n > 0, key('targetPositive'))
	.refine((n) => n <= FUNDER_LIMITS.valueMax, key('valueTooLarge'));

const kpiSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('indicator'),
		indicator: z.string().min(1).max(100),
		/** Targets per scope; null takes the impact map's target of the indicator. */
		targets: z.object({ municipality: positive.nullable(), region: positive.nullable() })
	}),
	z.object({ kind: z.literal('manual'), label: title, target: positive })
]);

const expectationSchema = z
	.object({
		key: slugKey,
		title,
		/** `atLeast`: at least `min` of the items; `each`: something in each item. */
		kind: z.enum(['atLeast', 'each']),
		min: z.number().int().positive().optional(),
		items: z
			.array(z.object({ key: slugKey, label: title }))
			.min(1)
			.max(FUNDER_LIMITS.items),
		limit: z.number().int().positive().max(FUNDER_LIMITS.answerMax).default(FUNDER_LIMITS.answerDefault)
	})
	.refine((e) => e.kind === 'each' || (e.min !== undefined && e.min <= e.items.length), key('minInvalid'));

const actionSchema = z.object({
	key: slugKey,
	title,
	description: z.string().max(FUNDER_LIMITS.longText).default(''),
	kpi: kpiSchema,
	expectations: z.array(expectationSchema).max(FUNDER_LIMITS.expectations).default([])
});

const questionSchema = z.object({
	key: slugKey,
	label: title,
	kind: z.enum(['count', 'text']),
	limit: z.number().int().positive().max(FUNDER_LIMITS.answerMax).default(FUNDER_LIMITS.answerDefault)
});

const sectionSchema = z.object({
	key: slugKey,
	title,
	questions: z.array(questionSchema).min(1).max(FUNDER_LIMITS.questions)
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, key('dateInvalid'));
const periodSchema = z
	.object({ key: slugKey, label: title, from: day, to: day })
	.refine((p) => p.from < p.to, key('periodInvalid'));

export const programmeDefinitionSchema = z.object({
	// A programme defined from scratch starts without actions; a report opens only once it has one.
	actions: z.array(actionSchema).max(50, key('tooManyActions')),
	sections: z.array(sectionSchema).max(FUNDER_LIMITS.sections).default([])
});

export const programmeSchema = z.object({
	name: title,
	funder: title,
	threshold: z.number().int().min(1, key('thresholdInvalid')).max(100, key('thresholdInvalid')).default(25),
	submitter: z.enum(['municipality', 'region']),
	periods: z.array(periodSchema).min(1, key('periodsRequired')).max(10),
	definition: programmeDefinitionSchema
});

export type ProgrammeDefinition = z.output<typeof programmeDefinitionSchema>;
export type ProgrammeInput = z.input<typeof programmeSchema>;
export type Programme = z.output<typeof programmeSchema>;
export type ProgrammeAction = ProgrammeDefinition['actions'][number];
export type Expectation = ProgrammeAction['expectations'][number];
export type Period = Programme['periods'][number];

// ---------------------------------------------------------------------------------------------
// A programme's settings as the region's form sends them
// ---------------------------------------------------------------------------------------------

const text = z.string().catch('');

/** A number as typed in Belgium (a decimal comma), or undefined when empty or unreadable. */
export function numberOf(raw: unknown): number | undefined {
	return typeof raw === 'string' ? readImpactNumber(raw) : typeof raw === 'number' ? raw : undefined;
}

export const settingsSchema = z.object({
	name: text.pipe(title),
	funder: text.pipe(title),
	threshold: text.transform((v, ctx) => {
		const n = readImpactNumber(v);
		if (n === undefined || !Number.isInteger(n) || n < 1 || n > 100) {
			ctx.addIssue({ code: 'custom', message: key('thresholdInvalid') });
			return z.NEVER;
		}
		return n;
	})
});

/** A KPI's target for one scope as typed: above zero. */
export const targetSchema = z.object({
	action: text.pipe(z.string().min(1, key('actionUnknown')).max(40, key('actionUnknown'))),
	target: text.transform((v, ctx) => {
		const n = readImpactNumber(v);
		if (n === undefined) {
			ctx.addIssue({ code: 'custom', message: key('valueInvalid') });
			return z.NEVER;
		}
		if (n <= 0) {
			ctx.addIssue({ code: 'custom', message: key('targetPositive') });
			return z.NEVER;
		}
		if (n > FUNDER_LIMITS.valueMax) {
			ctx.addIssue({ code: 'custom', message: key('valueTooLarge') });
			return z.NEVER;
		}
		return n;
	})
});

const formDay = text.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, key('dateInvalid')));

/** A programme from scratch as the region's form sends it: no actions yet, up to 10 project years. */
export const newProgrammeSchema = z.object({
	name: text.pipe(title),
	funder: text.pipe(title),
	threshold: settingsSchema.shape.threshold,
	submitter: z.enum(['municipality', 'region'], { error: key('submitterInvalid') }),
	periods: z
		.array(
			z
				.object({ label: text.pipe(title), from: formDay, to: formDay })
				.refine((p) => p.from < p.to, { message: key('periodInvalid'), path: ['to'] })
		)
		.min(1, key('periodsRequired'))
		.max(10, key('periodsRequired'))
});

/** An action with its KPI as the region's form sends it: linked to an impact indicator or entered by hand. */
export const newActionSchema = z
	.object({
		title: text.pipe(title),
		description: text.pipe(z.string().max(FUNDER_LIMITS.longText, key('textTooLong'))),
		kind: z.enum(['indicator', 'manual'], { error: key('kpiKindInvalid') }),
		indicator: text,
		label: text,
		target: targetSchema.shape.target
	})
	.superRefine((a, ctx) => {
		if (a.kind === 'indicator' && !a.indicator)
			ctx.addIssue({ code: 'custom', path: ['indicator'], message: key('indicatorUnknown') });
		if (a.kind === 'manual') {
			const label = a.label.trim();
			if (!label) ctx.addIssue({ code: 'custom', path: ['label'], message: key('titleRequired') });
			else if (label.length > FUNDER_LIMITS.title)
				ctx.addIssue({ code: 'custom', path: ['label'], message: key('titleTooLong') });
		}
	});

/** An answer's character limit as typed: a whole number from 1 to 5000; empty takes seed 003's 250. */
function readLimit(raw: string): number | undefined {
	if (!raw.trim()) return FUNDER_LIMITS.answerDefault;
	const n = readImpactNumber(raw);
	return n !== undefined && Number.isInteger(n) && n >= 1 && n <= FUNDER_LIMITS.answerMax ? n : undefined;
}

/** A name's problem (empty, too long), or null. */
function titleProblem(raw: string): MessageKey | null {
	const v = raw.trim();
	return !v ? key('titleRequired') : v.length > FUNDER_LIMITS.title ? key('titleTooLong') : null;
}

/** The lines of a textarea, trimmed, blank lines left out (Windows and old Mac line ends too). */
const lines = (v: string) =>
	v
		.split(/\r\n|\r|\n/)
		.map((l) => l.trim())
		.filter(Boolean);

/**
 * A minimum expectation as the region's form sends it: "at least N of these M" (`atLeast`, 1 ≤ N ≤ M) or
 * "something in each of these" (`each`), its items one per line, and the answers' character limit. Every
 * field's problem is named at once (the checks run on plain strings, so one bad field hides no other).
 */
export const expectationFormSchema = z
	.object({
		action: text,
		title: text,
		kind: text,
		min: text,
		limit: text,
		items: text
	})
	.transform((v, ctx) => {
		const fail = (path: string, message: MessageKey) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		if (!/^[a-z0-9-]{1,40}$/.test(v.action)) fail('action', key('actionUnknown'));
		const titleIssue = titleProblem(v.title);
		if (titleIssue) fail('title', titleIssue);
		const kind: 'atLeast' | 'each' | null = v.kind === 'atLeast' || v.kind === 'each' ? v.kind : null;
		if (!kind) fail('kind', key('expectationKindInvalid'));
		const limit = readLimit(v.limit);
		if (limit === undefined) fail('limit', key('limitInvalid'));
		// Far more text than 20 labels of 200 characters is refused before it is split.
		const items =
			v.items.length > FUNDER_LIMITS.items * (FUNDER_LIMITS.title + 2) * 2 ? null : lines(v.items);
		if (items === null || items.length > FUNDER_LIMITS.items) fail('items', key('tooManyItems'));
		else if (items.length === 0) fail('items', key('itemsRequired'));
		else if (items.some((i) => i.length > FUNDER_LIMITS.title)) fail('items', key('itemTooLong'));
		let min: number | undefined;
		if (kind === 'atLeast') {
			const n = readImpactNumber(v.min);
			const count = items?.length ?? 0;
			if (n === undefined || !Number.isInteger(n) || n < 1 || (count > 0 && n > count))
				fail('min', key('minInvalid'));
			else min = n;
		}
		if (!kind || limit === undefined || !items || titleIssue) return z.NEVER;
		return { action: v.action, title: v.title.trim(), kind, min, limit, items };
	});

/** One question of an extra section as typed: a label, a count or a text, and a text's character limit. */
const questionRowSchema = z.object({ label: text, kind: text, limit: text });

/**
 * An extra section (seed 003's financial stimulus) as the region's form sends it: a title and its question
 * rows; a row left entirely empty is left out, a row with a limit but no label is refused beside the label.
 */
export const sectionFormSchema = z
	.object({
		title: text,
		questions: z.array(questionRowSchema).max(FUNDER_LIMITS.questions, key('tooManyQuestions'))
	})
	.transform((v, ctx) => {
		const fail = (path: (string | number)[], message: MessageKey) =>
			ctx.addIssue({ code: 'custom', path, message });
		const titleIssue = titleProblem(v.title);
		if (titleIssue) fail(['title'], titleIssue);
		const questions: { label: string; kind: 'text' | 'count'; limit: number }[] = [];
		let bad = Boolean(titleIssue);
		v.questions.forEach((q, n) => {
			if (!q.label.trim() && !q.limit.trim()) return;
			const labelIssue = titleProblem(q.label);
			const kind: 'text' | 'count' | null = q.kind === 'text' || q.kind === 'count' ? q.kind : null;
			const limit = readLimit(q.limit);
			if (labelIssue) fail(['questions', n, 'label'], labelIssue);
			if (!kind) fail(['questions', n, 'kind'], key('questionKindInvalid'));
			if (limit === undefined) fail(['questions', n, 'limit'], key('limitInvalid'));
			if (labelIssue || !kind || limit === undefined) bad = true;
			else questions.push({ label: q.label.trim(), kind, limit });
		});
		if (!bad && questions.length === 0) {
			fail(['questions', 0, 'label'], key('questionsRequired'));
			bad = true;
		}
		return bad ? z.NEVER : { title: v.title.trim(), questions };
	});

export const reviewerSchema = z.object({
	email: text.transform((v) => v.trim().toLowerCase()).pipe(z.string().email(key('emailInvalid')).max(254))
});

// ---------------------------------------------------------------------------------------------
// The interim report's answers
// ---------------------------------------------------------------------------------------------

export interface Initiative {
	description: string;
	timing: string;
	contribution: string;
}

export interface ActionAnswer {
	/** The reached value as typed when it differs from the computed one (or for a KPI entered by hand). */
	reached: string;
	reason: string;
	motivation: string;
	initiatives: Initiative[];
	stopped: boolean;
	notDone: string;
	efforts: string;
}

export interface ExpectationAnswer {
	answer: '' | 'yes' | 'no';
	text: string;
	items: Record<string, string>;
}

export interface ReportAnswers {
	actions: Record<string, ActionAnswer>;
	expectations: Record<string, ExpectationAnswer>;
	sections: Record<string, string>;
}

export interface Verdict {
	enough: '' | 'yes' | 'no';
	mayContinue: '' | 'yes' | 'no';
	conclusion: string;
}

export const emptyActionAnswer = (): ActionAnswer => ({
	reached: '',
	reason: '',
	motivation: '',
	initiatives: [],
	stopped: false,
	notDone: '',
	efforts: ''
});

const str = (max: number) =>
	z
		.string()
		.catch('')
		.transform((v) => v.replace(/\r\n/g, '\n').slice(0, max + 1));

/** The loose shape of answers from a form or a test: everything optional, strings cut just past their limit. */
export const answersInputSchema = z.object({
	actions: z
		.record(
			z.string(),
			z.object({
				reached: str(40).default(''),
				reason: str(FUNDER_LIMITS.longText).default(''),
				motivation: str(FUNDER_LIMITS.longText).default(''),
				initiatives: z
					.array(
						z.object({
							description: str(FUNDER_LIMITS.longText).default(''),
							timing: str(FUNDER_LIMITS.title).default(''),
							contribution: str(40).default('')
						})
					)
					.max(FUNDER_LIMITS.initiatives, key('tooManyInitiatives'))
					.default([]),
				stopped: z.boolean().catch(false).default(false),
				notDone: str(FUNDER_LIMITS.longText).default(''),
				efforts: str(FUNDER_LIMITS.longText).default('')
			})
		)
		.default({}),
	expectations: z
		.record(
			z.string(),
			z.object({
				answer: z.enum(['', 'yes', 'no']).catch(''),
				text: str(FUNDER_LIMITS.answerMax).default(''),
				items: z.record(z.string(), str(FUNDER_LIMITS.answerMax)).default({})
			})
		)
		.default({}),
	sections: z.record(z.string(), str(FUNDER_LIMITS.answerMax)).default({})
});

export const verdictInputSchema = z.record(
	z.string(),
	z.object({
		enough: z.enum(['', 'yes', 'no']).catch(''),
		mayContinue: z.enum(['', 'yes', 'no']).catch(''),
		conclusion: str(FUNDER_LIMITS.longText).default('')
	})
);
