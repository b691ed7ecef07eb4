// The regional playbook (draaiboek burgerparticipatie): trajectory templates of a region, with phases, steps,
// sessions, documents and suggested communication per channel, and the trajectories municipalities run from
// them. Shared by the server and the pages.

/** Who carries a step: the municipality's own duties and the roles around a trajectory (seed 002). */
export const PLAYBOOK_ROLES = [
	'municipality',
	'contact',
	'sustainabilityOfficer',
	'communication',
	'coach',
	'participationExpert',
	'alderman',
	'citizens'
] as const;
export type PlaybookRole = (typeof PLAYBOOK_ROLES)[number];

/** The channels of the citizen journey (seed 001): each step may suggest a text per channel. */
export const PLAYBOOK_CHANNELS = ['magazine', 'website', 'facebook', 'whatsapp', 'mail', 'poster'] as const;
export type PlaybookChannel = (typeof PLAYBOOK_CHANNELS)[number];

export const DURATION_UNITS = ['days', 'weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** The kinds of document a template carries, in Markdown. */
export const DOCUMENT_KINDS = ['rules', 'call', 'menu', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The kind of event a session becomes (a subset of the events feature's kinds). */
export const SESSION_KINDS = ['workingGroup', 'actionDay', 'infoEvening'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const TEMPLATE_STATUSES = ['draft', 'published'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const TRAJECTORY_STATUSES = ['running', 'finished'] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

export const PROPOSAL_STATUSES = ['open', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface PlaybookSession {
	title: string;
	kind: SessionKind;
	/** Agenda, materials and what to prepare: plain text, one item a line. */
	agenda: string;
	materials: string;
	prepare: string;
	durationMinutes: number;
}

export interface PlaybookStep {
	/** Stable within its template (`s7`): proposals and trajectories name the step by it. */
	key: string;
	title: string;
	description: string;
	role: PlaybookRole;
	/** Days after the start of its phase. */
	offsetDays: number;
	checklist: string[];
	session: PlaybookSession | null;
	communication: Partial<Record<PlaybookChannel, string>>;
}

export interface PlaybookPhase {
	key: string;
	title: string;
	description: string;
	duration: number;
	unit: DurationUnit;
	steps: PlaybookStep[];
}

export interface PlaybookDocument {
	key: string;
	title: string;
	kind: DocumentKind;
	/** Markdown. */
	body: string;
}

/** A template's whole content: kept as one document, changed and published as a whole. */
export interface PlaybookContent {
	phases: PlaybookPhase[];
	documents: PlaybookDocument[];
}

export const PLAYBOOK_LIMITS = {
	titleMax: 160,
	summaryMax: 4_000,
	themeMax: 80,
	descriptionMax: 4_000,
	lineMax: 300,
	checklistMax: 30,
	sessionTextMax: 4_000,
	communicationMax: 2_000,
	documentMax: 50_000,
	phasesMax: 12,
	stepsMax: 60,
	documentsMax: 20,
	reasonMax: 2_000,
	/** A phase lasts at most this many days (two years), in any unit. */
	durationDaysMax: 730,
	offsetDaysMax: 730
} as const;

/** 'YYYY-MM-DD' of a UTC date. */
export function isoDate(date: Date): string {
	return date.toISOString().slice(0, 10);
}

/** The calendar day `days` after `day` ('YYYY-MM-DD'). */
export function addDays(day: string, days: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return isoDate(d);
}

/** The day a duration after `day`: months by the calendar (31 January + 1 month is the last of February). */
export function addDuration(day: string, amount: number, unit: DurationUnit): string {
	if (unit === 'days') return addDays(day, amount);
	if (unit === 'weeks') return addDays(day, amount * 7);
	const d = new Date(`${day}T00:00:00Z`);
	const target = d.getUTCMonth() + amount;
	const first = new Date(Date.UTC(d.getUTCFullYear(), target, 1));
	const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d.getUTCDate(), lastDay));
	return isoDate(first);
}

export interface PlannedPhase {
	key: string;
	startsOn: string;
	/** The last day of the phase (inclusive). */
	endsOn: string;
	steps: { key: string; dueOn: string }[];
}

/**
 * The dates of a trajectory from its start: each phase follows the previous one and lasts its duration; a step
 * is due its offset after the start of its phase, and never after the phase's last day.
 */
export function planTrajectory(startsOn: string, phases: readonly PlaybookPhase[]): PlannedPhase[] {
	let start = startsOn;
	return phases.map((phase) => {
		const endsOn = addDays(addDuration(start, phase.duration, phase.unit), -1);
		const planned: PlannedPhase = {
			key: phase.key,
			startsOn: start,
			endsOn: endsOn < start ? start : endsOn,
			steps: phase.steps.map((step) => {
				const due = addDays(start, step.offsetDays);
				return { key: step.key, dueOn: due > endsOn ? (endsOn < start ? start : endsOn) : due };
			})
		};
		start = addDays(planned.endsOn, 1);
		return planned;
	});
}
