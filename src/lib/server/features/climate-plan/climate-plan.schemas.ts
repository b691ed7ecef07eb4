// Input of the climate plan: a plan action's fields as a form sends them and as an import's row holds them (one
// reading of amounts, dates and choices serves both), monitoring updates, bulk changes, filters and views. Every
// message is a catalogue key; text loses control characters here as well as in hooks.server.ts.
import { z } from 'zod';
import {
	COVENANT_SECTORS,
	PLAN_LIMITS,
	PLAN_PRIORITIES,
	PLAN_PUBLIC_PARTS,
	PLAN_STATUSES,
	type CovenantSector,
	type PlanPriority,
	type PlanStatus
} from '$lib/domain/climate-plan';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { parseId, isUuid } from '$lib/domain/ids';
import type { MessageKey } from '$lib/i18n';
import { PLAN_SORTS } from './climate-plan.queries';

const E = 'climatePlan.errors';
const key = (k: string) => `${E}.${k}` as MessageKey;

/** Text as typed: control characters out, trimmed; anything that is no text counts as empty. */
const text = z
	.unknown()
	.optional()
	.transform((v) => (typeof v === 'string' ? withoutControlCharacters(v).trim() : ''));

const optionalText = (max: number, field: string) =>
	text.pipe(z.string().max(max, { error: key(`${field}TooLong`) }));

// ---------------------------------------------------------------------------------------------
// Amounts, quantities and dates, as a person types them in Belgium or a spreadsheet holds them
// ---------------------------------------------------------------------------------------------

/**
 * A number as typed in Belgium or written by a spreadsheet: "12.500,50", "12500,5", "12500.50", "€ 1 250".
 * A dot followed by groups of three digits only is a thousands separator ("1.500" is 1500). Null for empty,
 * undefined for anything that is no number.
 */
export function readNumber(raw: string): number | null | undefined {
	let s = raw.replace(/[€\s\u00a0]/g, '').replace(/eur$/i, '');
	if (s === '') return null;
	if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
	else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
	if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
	const n = Number(s);
	return Number.isFinite(n) ? n : undefined;
}

/** An ISO date from "2026-03-01", "1/3/2026" or "01-03-2026" (day first); null for empty, undefined if invalid. */
export function readDate(raw: string): string | null | undefined {
	const s = raw.trim();
	if (s === '') return null;
	let y: number, m: number, d: number;
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
	const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
	if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else if (be) [y, m, d] = [Number(be[3]), Number(be[2]), Number(be[1])];
	else return undefined;
	const date = new Date(Date.UTC(y, m - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
		return undefined;
	if (y < 1990 || y > 2100) return undefined;
	return date.toISOString().slice(0, 10);
}

const amountCents = (field: string) =>
	text.transform((v, ctx) => {
		const n = readNumber(v);
		if (n === undefined) {
			ctx.addIssue({ code: 'custom', message: key(`${field}Invalid`) });
			return z.NEVER;
		}
		if (n === null) return null;
		if (n < 0) {
			ctx.addIssue({ code: 'custom', message: key(`${field}Negative`) });
			return z.NEVER;
		}
		const cents = Math.round(n * 100);
		if (cents > PLAN_LIMITS.centsMax) {
			ctx.addIssue({ code: 'custom', message: key(`${field}TooLarge`) });
			return z.NEVER;
		}
		return cents;
	});

const quantity = (field: string) =>
	text.transform((v, ctx) => {
		const n = readNumber(v);
		if (n === undefined) {
			ctx.addIssue({ code: 'custom', message: key('quantityInvalid') });
			return z.NEVER;
		}
		if (n === null) return null;
		if (n < 0) {
			ctx.addIssue({ code: 'custom', message: key(`${field}Negative`) });
			return z.NEVER;
		}
		if (n > PLAN_LIMITS.quantityMax) {
			ctx.addIssue({ code: 'custom', message: key('quantityTooLarge') });
			return z.NEVER;
		}
		return Math.round(n * 1000) / 1000;
	});

const dateField = text.transform((v, ctx) => {
	const d = readDate(v);
	if (d === undefined) {
		ctx.addIssue({ code: 'custom', message: key('dateInvalid') });
		return z.NEVER;
	}
	return d;
});

/** The Dutch words a spreadsheet may hold for a choice, besides the code itself. */
const STATUS_WORDS: Record<string, PlanStatus> = {
	'niet gestart': 'not_started',
	'nog niet gestart': 'not_started',
	gepland: 'not_started',
	lopend: 'ongoing',
	'in uitvoering': 'ongoing',
	bezig: 'ongoing',
	afgerond: 'completed',
	voltooid: 'completed',
	uitgesteld: 'postponed',
	stopgezet: 'stopped',
	gestopt: 'stopped'
};
const PRIORITY_WORDS: Record<string, PlanPriority> = {
	hoog: 'high',
	middel: 'medium',
	gemiddeld: 'medium',
	normaal: 'medium',
	laag: 'low'
};
const SECTOR_WORDS: Record<string, CovenantSector> = {
	'gemeentelijke gebouwen': 'municipal_buildings',
	'gemeentelijke gebouwen, uitrusting en voorzieningen': 'municipal_buildings',
	'tertiaire gebouwen': 'tertiary_buildings',
	tertiair: 'tertiary_buildings',
	woningen: 'residential_buildings',
	'residentiële gebouwen': 'residential_buildings',
	wonen: 'residential_buildings',
	'openbare verlichting': 'public_lighting',
	industrie: 'industry',
	transport: 'transport',
	mobiliteit: 'transport',
	'lokale elektriciteitsproductie': 'local_electricity',
	'lokale warmte- en koudeproductie': 'local_heat_cold',
	'lokale warmte/koude': 'local_heat_cold',
	andere: 'other',
	overige: 'other',
	adaptatie: 'adaptation',
	klimaatadaptatie: 'adaptation'
} as Record<string, CovenantSector>;

function choice<T extends string>(
	values: readonly T[],
	words: Record<string, T>,
	fallback: T,
	error: string
) {
	return text.transform((v, ctx) => {
		if (v === '') return fallback;
		const lower = v.toLowerCase().replace(/\s+/g, ' ');
		const found = (values as readonly string[]).includes(lower) ? (lower as T) : words[lower];
		if (!found) {
			ctx.addIssue({ code: 'custom', message: key(error) });
			return z.NEVER;
		}
		return found;
	});
}

// ---------------------------------------------------------------------------------------------
// A plan action
// ---------------------------------------------------------------------------------------------

const baseFields = {
	code: optionalText(PLAN_LIMITS.codeMax, 'code').transform((v) => (v === '' ? null : v)),
	title: text.pipe(
		z
			.string()
			.min(1, { error: key('titleRequired') })
			.max(PLAN_LIMITS.titleMax, { error: key('titleTooLong') })
	),
	description: optionalText(PLAN_LIMITS.descriptionMax, 'description'),
	sector: choice(COVENANT_SECTORS, SECTOR_WORDS, 'other', 'sector'),
	priority: choice(PLAN_PRIORITIES, PRIORITY_WORDS, 'medium', 'priority'),
	status: choice(PLAN_STATUSES, STATUS_WORDS, 'not_started', 'status'),
	plannedStart: dateField,
	plannedEnd: dateField,
	actualStart: dateField,
	actualEnd: dateField,
	budget: amountCents('budget'),
	spent: amountCents('spent'),
	co2Planned: quantity('co2'),
	co2Achieved: quantity('co2'),
	energySavings: quantity('energy'),
	renewable: quantity('energy'),
	areaOfIntervention: optionalText(PLAN_LIMITS.textMax, 'text'),
	policyInstrument: optionalText(PLAN_LIMITS.textMax, 'text'),
	origin: optionalText(PLAN_LIMITS.textMax, 'text')
};

type Checked = {
	plannedStart: string | null;
	plannedEnd: string | null;
	actualStart: string | null;
	actualEnd: string | null;
};

function checkDates(v: Checked, ctx: z.RefinementCtx) {
	if (v.plannedStart && v.plannedEnd && v.plannedStart > v.plannedEnd)
		ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: key('plannedOrder') });
	if (v.actualStart && v.actualEnd && v.actualStart > v.actualEnd)
		ctx.addIssue({ code: 'custom', path: ['actualEnd'], message: key('actualOrder') });
}

/** An optional id from a select: empty is none. */
const optionalId = (error: string) =>
	text.transform((v, ctx) => {
		if (v === '') return null;
		const id = parseId(v);
		if (id === null) {
			ctx.addIssue({ code: 'custom', message: key(error) });
			return z.NEVER;
		}
		return id;
	});

/** The ids of repeated checkboxes or a multiple select. */
const idList = (error: string) =>
	z
		.array(z.unknown())
		.optional()
		.transform((values, ctx) => {
			const list = values ?? [];
			if (list.length > PLAN_LIMITS.involvedMax) {
				ctx.addIssue({ code: 'custom', message: key('tooManyDepartments') });
				return z.NEVER;
			}
			const ids = list.map((v) => parseId(v));
			if (ids.some((id) => id === null)) {
				ctx.addIssue({ code: 'custom', message: key(error) });
				return z.NEVER;
			}
			return [...new Set(ids as number[])];
		});

/** The back office's form of a plan action: theme, departments and responsible person chosen from lists. */
export const planActionSchema = z
	.object({
		...baseFields,
		theme: optionalId('theme'),
		lead: optionalId('department'),
		involved: idList('department'),
		responsible: text.transform((v, ctx) => {
			if (v === '') return null;
			if (!isUuid(v)) {
				ctx.addIssue({ code: 'custom', message: key('responsible') });
				return z.NEVER;
			}
			return v;
		})
	})
	.superRefine(checkDates);
export type PlanActionInput = z.output<typeof planActionSchema>;

/** One row of an import: theme, departments by name (created when new), the responsible person by address. */
export const importRowSchema = z
	.object({
		...baseFields,
		theme: optionalText(PLAN_LIMITS.nameMax, 'themeName'),
		lead: optionalText(PLAN_LIMITS.nameMax, 'departmentName'),
		involved: optionalText(PLAN_LIMITS.nameMax * PLAN_LIMITS.involvedMax, 'departmentName').transform(
			(v, ctx) => {
				const names = [
					...new Set(
						v
							.split(/[;,\n]/)
							.map((n) => n.trim())
							.filter(Boolean)
					)
				];
				if (names.length > PLAN_LIMITS.involvedMax || names.some((n) => n.length > PLAN_LIMITS.nameMax)) {
					ctx.addIssue({ code: 'custom', message: key('tooManyDepartments') });
					return z.NEVER;
				}
				return names;
			}
		),
		responsible: text.transform((v, ctx) => {
			if (v === '') return null;
			const email = v.toLowerCase();
			if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
				ctx.addIssue({ code: 'custom', message: key('responsibleEmail') });
				return z.NEVER;
			}
			return email;
		})
	})
	.superRefine(checkDates);
export type ImportRowValues = z.output<typeof importRowSchema>;

/** The fields an import can fill, in the order of the mapping form; `title` is the one that must be mapped. */
export const IMPORT_FIELDS = [
	'code',
	'title',
	'description',
	'theme',
	'sector',
	'lead',
	'involved',
	'responsible',
	'priority',
	'status',
	'plannedStart',
	'plannedEnd',
	'actualStart',
	'actualEnd',
	'budget',
	'spent',
	'co2Planned',
	'co2Achieved',
	'energySavings',
	'renewable',
	'areaOfIntervention',
	'policyInstrument',
	'origin'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column headings that map themselves (lower case, without accents). */
export const IMPORT_HEADINGS: Record<ImportField, readonly string[]> = {
	code: ['code', 'nr', 'nummer', 'referentie', 'id'],
	title: ['titel', 'actie', 'naam', 'title', 'omschrijving actie'],
	description: ['beschrijving', 'omschrijving', 'description', 'toelichting'],
	theme: ['thema', 'theme'],
	sector: ['sector', 'covenant sector', 'burgemeestersconvenant sector'],
	lead: ['trekkende dienst', 'trekker', 'dienst', 'lead department', 'verantwoordelijke dienst'],
	involved: ['betrokken diensten', 'betrokken dienst', 'involved departments', 'partners'],
	responsible: ['verantwoordelijke', 'e-mail verantwoordelijke', 'eigenaar', 'responsible'],
	priority: ['prioriteit', 'priority'],
	status: ['status', 'stand'],
	plannedStart: ['geplande start', 'start gepland', 'start', 'planned start'],
	plannedEnd: ['gepland einde', 'einde gepland', 'einde', 'planned end', 'deadline'],
	actualStart: ['werkelijke start', 'actual start'],
	actualEnd: ['werkelijk einde', 'actual end'],
	budget: ['budget', 'budget (eur)', 'geraamde kost', 'kostprijs'],
	spent: ['besteed', 'uitgegeven', 'spent'],
	co2Planned: [
		'co2',
		'co2-reductie',
		'co2 reductie (t/jaar)',
		'co2-reductie (ton/jaar)',
		'geplande co2-reductie'
	],
	co2Achieved: ['bereikte co2-reductie', 'co2 bereikt', 'co2-reductie bereikt'],
	energySavings: ['energiebesparing', 'energiebesparing (mwh/jaar)', 'besparing (mwh/jaar)'],
	renewable: ['hernieuwbare productie', 'hernieuwbare energie (mwh/jaar)', 'hernieuwbare energie'],
	areaOfIntervention: ['interventiegebied', 'domein', 'area of intervention'],
	policyInstrument: ['beleidsinstrument', 'instrument', 'policy instrument'],
	origin: ['oorsprong', 'herkomst', 'origin']
};

/** The mapping form: for each field the number of the file's column (or nothing). */
export function mappingSchema(columnCount: number) {
	const column = text.transform((v, ctx) => {
		if (v === '') return null;
		const n = Number(v);
		if (!Number.isInteger(n) || n < 0 || n >= columnCount) {
			ctx.addIssue({ code: 'custom', message: key('mappingColumn') });
			return z.NEVER;
		}
		return n;
	});
	return z
		.object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, column])) as Record<ImportField, typeof column>)
		.superRefine((m, ctx) => {
			if (m.title === null) ctx.addIssue({ code: 'custom', path: ['title'], message: key('mappingTitle') });
			const used = new Map<number, string>();
			for (const f of IMPORT_FIELDS) {
				const c = m[f];
				if (c === null) continue;
				if (used.has(c)) ctx.addIssue({ code: 'custom', path: [f], message: key('mappingTwice') });
				used.set(c, f);
			}
		});
}
export type ImportMapping = Record<ImportField, number | null>;

// ---------------------------------------------------------------------------------------------
// Monitoring, indicators, milestones, the public part
// ---------------------------------------------------------------------------------------------

export const planUpdateSchema = z
	.object({
		done: text.pipe(
			z
				.string()
				.min(1, { error: key('doneRequired') })
				.max(PLAN_LIMITS.updateMax, { error: key('updateTooLong') })
		),
		blockers: optionalText(PLAN_LIMITS.updateMax, 'update'),
		adjustment: optionalText(PLAN_LIMITS.updateMax, 'update'),
		adjustmentReason: optionalText(PLAN_LIMITS.updateMax, 'update'),
		status: text.transform((v, ctx) => {
			if (v === '') return null;
			if (!(PLAN_STATUSES as readonly string[]).includes(v)) {
				ctx.addIssue({ code: 'custom', message: key('status') });
				return z.NEVER;
			}
			return v as PlanStatus;
		})
	})
	.superRefine((v, ctx) => {
		if (v.adjustment && !v.adjustmentReason)
			ctx.addIssue({ code: 'custom', path: ['adjustmentReason'], message: key('reasonRequired') });
	});

export const indicatorSchema = z.object({
	name: text.pipe(
		z
			.string()
			.min(1, { error: key('indicatorRequired') })
			.max(PLAN_LIMITS.textMax, { error: key('textTooLong') })
	),
	unit: optionalText(40, 'text'),
	target: quantity('indicator'),
	current: quantity('indicator')
});

export const indicatorCurrentSchema = z.object({
	indicator: optionalId('indicator').pipe(z.number({ error: key('indicator') })),
	current: quantity('indicator')
});

export const milestoneSchema = z.object({
	title: text.pipe(
		z
			.string()
			.min(1, { error: key('milestoneRequired') })
			.max(PLAN_LIMITS.textMax, { error: key('textTooLong') })
	),
	dueOn: dateField,
	doneOn: dateField
});

export const publicLinkSchema = z.object({
	action: optionalId('publicAction'),
	parts: z
		.array(z.unknown())
		.optional()
		.transform((values, ctx) => {
			const parts = [...new Set((values ?? []).map(String))];
			if (parts.some((p) => !(PLAN_PUBLIC_PARTS as readonly string[]).includes(p))) {
				ctx.addIssue({ code: 'custom', message: key('publicParts') });
				return z.NEVER;
			}
			return PLAN_PUBLIC_PARTS.filter((p) => parts.includes(p));
		})
});

// ---------------------------------------------------------------------------------------------
// The board: filters, bulk changes, saved views, themes and departments
// ---------------------------------------------------------------------------------------------

const flag = z.preprocess((v) => v === 'ja' || v === '1' || v === 'on' || v === true, z.boolean());

/** The table's filters: lenient, an unknown value is left out. */
export const planFiltersSchema = z.object({
	q: z.string().max(200).optional().catch(undefined),
	department: z.coerce.number().int().positive().optional().catch(undefined),
	theme: z.coerce.number().int().positive().optional().catch(undefined),
	status: z.enum(PLAN_STATUSES).optional().catch(undefined),
	priority: z.enum(PLAN_PRIORITIES).optional().catch(undefined),
	late: flag.optional().catch(false),
	stale: flag.optional().catch(false),
	sort: z.enum(PLAN_SORTS).optional().default('priority').catch('priority'),
	dir: z.enum(['asc', 'desc']).optional().default('asc').catch('asc'),
	page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1)
});
export type PlanFilters = z.output<typeof planFiltersSchema>;

export const planIdsSchema = z
	.array(z.unknown(), { error: 'backoffice.errors.invalid' })
	.max(PLAN_LIMITS.bulkMax, { error: 'backoffice.errors.tooMany' })
	.transform((ids) => [...new Set(ids.map(parseId).filter((id): id is number => id !== null))]);

/** A bulk operation: `status:ongoing`, `priority:high` or `department:12`. */
export const bulkOperationSchema = text.transform((v, ctx) => {
	const [kind, value = ''] = v.split(':', 2);
	if (kind === 'status' && (PLAN_STATUSES as readonly string[]).includes(value))
		return { kind: 'status' as const, status: value as PlanStatus };
	if (kind === 'priority' && (PLAN_PRIORITIES as readonly string[]).includes(value))
		return { kind: 'priority' as const, priority: value as PlanPriority };
	const id = kind === 'department' ? parseId(value) : null;
	if (id !== null) return { kind: 'department' as const, departmentId: id };
	ctx.addIssue({ code: 'custom', message: key('operation') });
	return z.NEVER;
});
export type BulkOperation = z.output<typeof bulkOperationSchema>;

export const bulkSchema = z.object({ ids: planIdsSchema, operation: bulkOperationSchema });

export const viewSchema = z.object({
	name: text.pipe(
		z
			.string()
			.min(1, { error: key('viewNameRequired') })
			.max(PLAN_LIMITS.nameMax, { error: key('nameTooLong') })
	),
	query: text.pipe(z.string().max(1_000, { error: key('viewQuery') }))
});

export const nameSchema = z.object({
	name: text.pipe(
		z
			.string()
			.min(1, { error: key('nameRequired') })
			.max(PLAN_LIMITS.nameMax, { error: key('nameTooLong') })
	)
});

export function planFieldOf(path: readonly PropertyKey[]): string {
	return String(path[0] ?? 'form');
}
