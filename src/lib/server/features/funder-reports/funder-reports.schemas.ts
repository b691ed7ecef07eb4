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
	longText: 4000,
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
			.max(20),
		limit: z.number().int().positive().max(FUNDER_LIMITS.longText).default(FUNDER_LIMITS.answerDefault)
	})
	.refine((e) => e.kind === 'each' || (e.min !== undefined && e.min <= e.items.length), key('minInvalid'));

const actionSchema = z.object({
	key: slugKey,
	title,
	description: z.string().max(FUNDER_LIMITS.longText).default(''),
	kpi: kpiSchema,
	expectations: z.array(expectationSchema).max(10).default([])
});

const questionSchema = z.object({
	key: slugKey,
	label: title,
	kind: z.enum(['count', 'text']),
	limit: z.number().int().positive().max(FUNDER_LIMITS.longText).default(FUNDER_LIMITS.answerDefault)
});

const sectionSchema = z.object({
	key: slugKey,
	title,
	questions: z.array(questionSchema).min(1).max(20)
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, key('dateInvalid'));
const periodSchema = z
	.object({ key: slugKey, label: title, from: day, to: day })
	.refine((p) => p.from < p.to, key('periodInvalid'));

export const programmeDefinitionSchema = z.object({
	// A programme defined from scratch starts without actions; a report opens only once it has one.
	actions: z.array(actionSchema).max(50, key('tooManyActions')),
	sections: z.array(sectionSchema).max(10).default([])
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
				text: str(FUNDER_LIMITS.longText).default(''),
				items: z.record(z.string(), str(FUNDER_LIMITS.longText)).default({})
			})
		)
		.default({}),
	sections: z.record(z.string(), str(FUNDER_LIMITS.longText)).default({})
});

export const verdictInputSchema = z.record(
	z.string(),
	z.object({
		enough: z.enum(['', 'yes', 'no']).catch(''),
		mayContinue: z.enum(['', 'yes', 'no']).catch(''),
		conclusion: str(FUNDER_LIMITS.longText).default('')
	})
);
