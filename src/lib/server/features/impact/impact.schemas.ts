// The impact feature's input: numbers as typed in Belgium (a decimal comma), targets above zero, baselines not in
// the future, a reason for every change of a baseline, a note with every entered figure, the strategy's form.
import { z } from 'zod';
import { PLAYBOOK_CHANNELS } from '$lib/domain/playbook';
import type { MessageKey } from '$lib/i18n';

const key = (k: string) => `impact.errors.${k}` as MessageKey;
export const IMPACT_LIMITS = { valueMax: 10_000_000, noteMax: 1000, textMax: 4000 } as const;

const text = z.string().catch('');

/** "12,5", "12.5", "1.500" (a thousands dot), "1 500": a finite number, or undefined. */
export function readImpactNumber(raw: string): number | undefined {
	let s = raw.replace(/[\s\u00a0]/g, '');
	if (s === '') return undefined;
	if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
	else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
	if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
	const n = Number(s);
	return Number.isFinite(n) ? n : undefined;
}

const number = (rule: 'positive' | 'zeroOrMore') =>
	text.transform((v, ctx) => {
		if (v.trim() === '') {
			ctx.addIssue({ code: 'custom', message: key('valueRequired') });
			return z.NEVER;
		}
		const n = readImpactNumber(v);
		if (n === undefined) {
			ctx.addIssue({ code: 'custom', message: key('valueInvalid') });
			return z.NEVER;
		}
		if (rule === 'positive' && n <= 0) {
			ctx.addIssue({ code: 'custom', message: key('targetPositive') });
			return z.NEVER;
		}
		if (rule === 'zeroOrMore' && n < 0) {
			ctx.addIssue({ code: 'custom', message: key('valueNegative') });
			return z.NEVER;
		}
		if (n > IMPACT_LIMITS.valueMax) {
			ctx.addIssue({ code: 'custom', message: key('valueTooLarge') });
			return z.NEVER;
		}
		return n;
	});

const requiredText = (max: number, missing: string, tooLong: string) =>
	text.transform((v) => v.trim()).pipe(z.string().min(1, key(missing)).max(max, key(tooLong)));

/** Which figure: an indicator's key and a scope (`region` or a municipality's slug, checked by the service). */
const figure = {
	indicator: text.pipe(z.string().min(1, key('indicatorUnknown')).max(100, key('indicatorUnknown'))),
	scope: text.pipe(z.string().max(100, key('scopeUnknown')))
};

export const targetSchema = z.object({ ...figure, target: number('positive') });

export const baselineSchema = z.object({
	...figure,
	value: number('zeroOrMore'),
	recordedOn: text.transform((v, ctx) => {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
		const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
		if (!m || !d || d.toISOString().slice(0, 10) !== v.trim()) {
			ctx.addIssue({ code: 'custom', message: key('dateInvalid') });
			return z.NEVER;
		}
		return v.trim();
	}),
	reason: requiredText(IMPACT_LIMITS.noteMax, 'reasonRequired', 'reasonTooLong')
});

export const entrySchema = z.object({
	...figure,
	value: number('zeroOrMore'),
	note: requiredText(IMPACT_LIMITS.noteMax, 'noteRequired', 'noteTooLong')
});

export const strategySchema = z.object({
	channels: z
		.array(z.string())
		.catch([])
		.transform((list) => [...new Set(list)])
		.pipe(
			z.array(z.enum(PLAYBOOK_CHANNELS, { message: key('channelUnknown') })).max(PLAYBOOK_CHANNELS.length)
		),
	agreements: text.transform((v) => v.trim()).pipe(z.string().max(IMPACT_LIMITS.textMax, key('textTooLong'))),
	internal: text.transform((v) => v.trim()).pipe(z.string().max(IMPACT_LIMITS.textMax, key('textTooLong')))
});

/** The region dashboard's sort: an indicator's key or the municipality's name. */
export const regionSortSchema = z.object({
	sort: z.string().max(100).catch('name'),
	dir: z.enum(['asc', 'desc']).catch('asc')
});
