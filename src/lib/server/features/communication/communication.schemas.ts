// Input of communication plans: the subject of a new plan, a moment (its kind, day and channels), a channel's
// text, the texts to mark published, and the week's filters. Dutch message keys per field.
import { z } from 'zod';
import {
	COMMUNICATION_CHANNELS,
	COMMUNICATION_MOMENTS,
	PUBLICATION_STATES,
	parseSubjectRef
} from '$lib/domain/communication';
import { parseId } from '$lib/domain/ids';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 5_000;
export const SELECT_MAX = 200;

/** A calendar day as YYYY-MM-DD that exists (no 31 February), between 2000 and 2100. */
export function isDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

const day = z
	.string({ error: 'communication.errors.date' })
	.trim()
	.max(20, { error: 'communication.errors.date' })
	.refine(isDay, { error: 'communication.errors.date' })
	.refine((v) => v >= '2000-01-01' && v < '2100-01-01', { error: 'communication.errors.dateRange' });

export const createPlanSchema = z.object({
	subject: z
		.string({ error: 'communication.errors.subject' })
		.max(40, { error: 'communication.errors.subject' })
		.transform((v, issue) => {
			const ref = parseSubjectRef(v);
			if (!ref) {
				issue.addIssue({ code: 'custom', message: 'communication.errors.subject' });
				return z.NEVER;
			}
			return ref;
		})
});

export const momentSchema = z.object({
	kind: z.enum(COMMUNICATION_MOMENTS, { error: 'communication.errors.kind' }),
	dueOn: day,
	channels: z
		.array(z.string(), { error: 'communication.errors.channels' })
		.max(COMMUNICATION_CHANNELS.length * 2, { error: 'communication.errors.channels' })
		.transform((v, issue) => {
			const known = new Set<string>(COMMUNICATION_CHANNELS);
			if (v.length === 0 || v.some((c) => !known.has(c))) {
				issue.addIssue({ code: 'custom', message: 'communication.errors.channels' });
				return z.NEVER;
			}
			return COMMUNICATION_CHANNELS.filter((c) => v.includes(c));
		})
});

export const moveSchema = z.object({ dueOn: day });

/**
 * Raw HTML and script-like links in a channel's text: none belongs in a post, a message or a news item (the
 * website takes Markdown), and a text pasted into a CMS must not carry a script along.
 */
const HTML =
	/<\s*\/?\s*(?!https?:)[a-z!?][^<>]*>|<\s*\/?\s*(?:script|iframe|object|embed|style|img|svg|link|meta)\b/i;
// `Data: 10 en 12 september` is Dutch; `data:text/html,…` is a script's way in.
const SCHEME = /\b(?:javascript|vbscript)\s*:|\bdata:[a-z]+\//i;

const text = (max: number, long: 'communication.errors.bodyLong' | 'communication.errors.subjectLong') =>
	z
		.string({ error: 'communication.errors.body' })
		.max(max, { error: long })
		.transform((v) => v.replace(/\r\n?/g, '\n').trim())
		.refine((v) => !HTML.test(v), { error: 'communication.errors.html' })
		.refine((v) => !SCHEME.test(v), { error: 'communication.errors.link' });

export const textSchema = z.object({
	subject: text(SUBJECT_MAX, 'communication.errors.subjectLong').optional().default(''),
	body: text(BODY_MAX, 'communication.errors.bodyLong').refine((v) => v.length > 0, {
		error: 'communication.errors.body'
	})
});
export type TextInput = z.output<typeof textSchema>;

export const selectionSchema = z.object({
	ids: z
		.array(z.string())
		.max(SELECT_MAX, { error: 'backoffice.errors.tooMany' })
		.transform((v, issue) => {
			const ids = [...new Set(v.map((id) => parseId(id)).filter((id): id is number => id !== null))];
			if (ids.length === 0) {
				issue.addIssue({ code: 'custom', message: 'communication.errors.select' });
				return z.NEVER;
			}
			return ids;
		})
});

// The shared "yes, I mean it" box of destructive actions.
export { confirmSchema } from '$lib/server/platform/validation';

/** The week's filters: a bad value is left out (the page says so for the week). */
export const weekFiltersSchema = z.object({
	week: z.string().max(20).optional().catch(undefined),
	channel: z.enum(COMMUNICATION_CHANNELS).optional().catch(undefined),
	state: z.enum(PUBLICATION_STATES).optional().catch(undefined),
	q: z
		.string()
		.max(200)
		.optional()
		.catch(undefined)
		.transform((v) => v?.trim() || undefined)
});
export type WeekFilters = z.output<typeof weekFiltersSchema>;

export function communicationFieldOf(path: readonly PropertyKey[]): string {
	return String(path[0] ?? 'form');
}
