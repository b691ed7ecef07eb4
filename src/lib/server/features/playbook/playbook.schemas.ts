// Input of the playbook: the region's templates (their description, phases, steps, documents), a municipality's
// trajectory (starting it, its dates, ticking steps, its own version of a step, a proposal back to the region),
// and the lists' filters. Every message is a catalogue key; text loses control characters (U+0000 first, which
// PostgreSQL refuses) here as well as in hooks.server.ts, so a use case called without a request is just as safe.
import { z } from 'zod';
import {
	DOCUMENT_KINDS,
	DURATION_UNITS,
	PLAYBOOK_CHANNELS,
	PLAYBOOK_LIMITS as L,
	PLAYBOOK_ROLES,
	PROPOSAL_STATUSES,
	SESSION_KINDS,
	TRAJECTORY_STATUSES
} from '$lib/domain/playbook';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { brusselsLocalToDate } from '$lib/server/features/opportunities/opportunities.schemas';
import type { MessageKey } from '$lib/i18n';

const key = (k: string) => `playbookAdmin.errors.${k}` as MessageKey;

/** Text as typed: control characters out, trimmed; anything that is no text counts as empty. */
const text = z
	.unknown()
	.optional()
	.transform((v) => (typeof v === 'string' ? withoutControlCharacters(v).trim() : ''));

const required = (max: number, empty: string, tooLong = 'tooLong') =>
	text.pipe(
		z
			.string()
			.min(1, { error: key(empty) })
			.max(max, { error: key(tooLong) })
	);

const optional = (max: number) => text.pipe(z.string().max(max, { error: key('tooLong') }));

/** One item a line: empty lines left out, each line at most `lineMax`, at most `max` lines. */
const lines = (max: number) =>
	text
		.pipe(z.string().max(max * (L.lineMax + 1), { error: key('tooLong') }))
		.transform((v) =>
			v
				.split(/\r?\n/)
				.map((l) => l.trim())
				.filter(Boolean)
		)
		.pipe(
			z
				.array(z.string().max(L.lineMax, { error: key('lineTooLong') }))
				.max(max, { error: key('tooManyLines') })
		);

/** A whole number from a text field in a range. */
const wholeNumber = (min: number, max: number, error: string) =>
	text.transform((v, issue) => {
		if (!/^\d{1,6}$/.test(v) || Number(v) < min || Number(v) > max) {
			issue.addIssue({ code: 'custom', message: key(error) });
			return z.NEVER;
		}
		return Number(v);
	});

/** A calendar day from a date field ('YYYY-MM-DD'), between 2000 and 2100. */
export const day = (isRequired: boolean) =>
	text.transform((v, issue) => {
		if (v === '' && !isRequired) return null;
		const ok = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
		if (
			!ok ||
			new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v ||
			v < '2000-01-01' ||
			v > '2100-12-31'
		) {
			issue.addIssue({ code: 'custom', message: key(v === '' ? 'dateRequired' : 'date') });
			return z.NEVER;
		}
		return v;
	});

const checkbox = z.preprocess((v) => v === true || v === 'on', z.boolean());

// ---------------------------------------------------------------------------------------------
// The region's templates
// ---------------------------------------------------------------------------------------------

export const templateSchema = z.object({
	title: required(L.titleMax, 'titleRequired'),
	summary: optional(L.summaryMax),
	theme: optional(L.themeMax)
});
export type TemplateInput = z.output<typeof templateSchema>;

export const phaseSchema = z.object({
	title: required(L.titleMax, 'titleRequired'),
	description: optional(L.descriptionMax),
	duration: wholeNumber(1, L.durationDaysMax, 'duration'),
	unit: text.pipe(z.enum(DURATION_UNITS, { error: key('unit') }))
});

const channelFields = Object.fromEntries(
	PLAYBOOK_CHANNELS.map((c) => [`comm_${c}`, optional(L.communicationMax)])
) as Record<`comm_${(typeof PLAYBOOK_CHANNELS)[number]}`, ReturnType<typeof optional>>;

export const stepSchema = z
	.object({
		phase: text.pipe(
			z
				.string()
				.min(1, { error: key('phase') })
				.max(20, { error: key('phase') })
		),
		title: required(L.titleMax, 'titleRequired'),
		description: optional(L.descriptionMax),
		role: text.pipe(z.enum(PLAYBOOK_ROLES, { error: key('role') })),
		offsetDays: wholeNumber(0, L.offsetDaysMax, 'offset'),
		checklist: lines(L.checklistMax),
		hasSession: checkbox,
		sessionTitle: optional(L.titleMax),
		sessionKind: text.pipe(z.enum(SESSION_KINDS, { error: key('sessionKind') })).catch('workingGroup'),
		sessionAgenda: optional(L.sessionTextMax),
		sessionMaterials: optional(L.sessionTextMax),
		sessionPrepare: optional(L.sessionTextMax),
		sessionDuration: text.transform((v, issue) => {
			if (v === '') return 120;
			if (!/^\d{1,4}$/.test(v) || Number(v) < 15 || Number(v) > 1440) {
				issue.addIssue({ code: 'custom', message: key('sessionDuration') });
				return z.NEVER;
			}
			return Number(v);
		}),
		...channelFields
	})
	.superRefine((v, issue) => {
		if (v.hasSession && !v.sessionTitle)
			issue.addIssue({ code: 'custom', path: ['sessionTitle'], message: key('sessionTitleRequired') });
	});
export type StepInput = z.output<typeof stepSchema>;

export const documentSchema = z.object({
	title: required(L.titleMax, 'titleRequired'),
	kind: text.pipe(z.enum(DOCUMENT_KINDS, { error: key('documentKind') })),
	body: optional(L.documentMax)
});

export const newTemplateSchema = z.object({
	title: required(L.titleMax, 'titleRequired'),
	regionId: text
});

// The shared "yes, I mean it" box of destructive actions.
export { confirmSchema } from '$lib/server/platform/validation';

/** A proposal's decision. */
export const decideSchema = z.object({
	decision: text.pipe(z.enum(['accept', 'decline'], { error: key('decision') }))
});

// ---------------------------------------------------------------------------------------------
// A municipality's trajectories
// ---------------------------------------------------------------------------------------------

export const startSchema = z.object({
	template: text.pipe(
		z
			.string()
			.min(1, { error: key('template') })
			.max(100, { error: key('template') })
	),
	title: required(L.titleMax, 'titleRequired'),
	theme: required(L.themeMax, 'themeRequired'),
	startsOn: day(true)
});

export const phaseDatesSchema = z
	.object({ startsOn: day(true), endsOn: day(true) })
	.superRefine((v, issue) => {
		if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
			issue.addIssue({ code: 'custom', path: ['endsOn'], message: key('endBeforeStart') });
	});

/** A Brussels wall-clock time from a datetime-local field, or empty for none. */
const sessionTime = text.transform((v, issue) => {
	if (v === '') return null;
	const date = v.length <= 25 ? brusselsLocalToDate(v.replace(' ', 'T')) : null;
	if (!date) {
		issue.addIssue({ code: 'custom', message: key('dateTime') });
		return z.NEVER;
	}
	return date;
});

export const trajectoryStepSchema = z.object({
	title: required(L.titleMax, 'titleRequired'),
	description: optional(L.descriptionMax),
	checklist: lines(L.checklistMax),
	dueOn: day(true),
	sessionStartsAt: sessionTime
});

export const proposeSchema = z.object({
	reason: required(L.reasonMax, 'reasonRequired')
});

export const TRAJECTORIES_PAGE_SIZE = 25;

/** The list's filters: lenient, an unknown value is left out. */
export const trajectoryFiltersSchema = z.object({
	q: z.string().max(200).optional().catch(undefined),
	status: z.enum(TRAJECTORY_STATUSES).optional().catch(undefined),
	theme: z.string().max(L.themeMax).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1)
});
export type TrajectoryFilters = z.output<typeof trajectoryFiltersSchema>;

export const proposalFiltersSchema = z.object({
	status: z.enum(PROPOSAL_STATUSES).optional().catch(undefined)
});

export function playbookFieldOf(path: readonly PropertyKey[]): string {
	return String(path[0] ?? 'form');
}
