// What leaves the server of the playbook, field by field.
import type {
	PlaybookChannel,
	PlaybookContent,
	PlaybookRole,
	PlaybookSession,
	ProposalStatus,
	TemplateStatus,
	TrajectoryStatus
} from '$lib/domain/playbook';
import type { PhaseRow, ProposalRow, StepRow, TemplateRow, TrajectoryRow } from './playbook.queries';

export interface TemplateListItemView {
	slug: string;
	title: string;
	theme: string;
	status: TemplateStatus;
	version: number;
	/** The working copy differs from what was published last. */
	changed: boolean;
	phases: number;
	steps: number;
	openProposals: number;
}

function sameAsPublished(row: TemplateRow): boolean {
	return (
		row.publishedContent !== null &&
		row.publishedTitle === row.title &&
		(row.publishedSummary ?? '') === row.summary &&
		(row.publishedTheme ?? '') === row.theme &&
		JSON.stringify(row.publishedContent) === JSON.stringify(row.content)
	);
}

export function presentTemplateListItem(row: TemplateRow, openProposals: number): TemplateListItemView {
	return {
		slug: row.slug,
		title: row.title,
		theme: row.theme,
		status: row.status,
		version: row.version,
		changed: !sameAsPublished(row),
		phases: row.content.phases.length,
		steps: row.content.phases.reduce((n, p) => n + p.steps.length, 0),
		openProposals
	};
}

export interface TemplateEditView extends TemplateListItemView {
	summary: string;
	content: PlaybookContent;
	publishedAt: string | null;
}

export function presentTemplateForEdit(row: TemplateRow, openProposals: number): TemplateEditView {
	return {
		...presentTemplateListItem(row, openProposals),
		summary: row.summary,
		content: row.content,
		publishedAt: row.publishedAt?.toISOString() ?? null
	};
}

export interface ProposalView {
	id: number;
	municipalityName: string;
	stepKey: string;
	stepTitle: string | null;
	title: string;
	description: string;
	checklist: string[];
	reason: string;
	status: ProposalStatus;
	createdAt: string;
}

export function presentProposal(row: ProposalRow, content: PlaybookContent): ProposalView {
	const current = content.phases.flatMap((p) => p.steps).find((s) => s.key === row.stepKey);
	return {
		id: row.id,
		municipalityName: row.municipalityName,
		stepKey: row.stepKey,
		stepTitle: current?.title ?? null,
		title: row.title,
		description: row.description,
		checklist: row.checklist,
		reason: row.reason,
		status: row.status,
		createdAt: row.createdAt.toISOString()
	};
}

/** A published template as the public and the municipalities read it. */
export interface PublishedTemplateView {
	slug: string;
	title: string;
	summary: string;
	theme: string;
	version: number;
	publishedAt: string | null;
	content: PlaybookContent;
	/** How many steps its phases hold together. */
	steps: number;
}

export function presentPublishedTemplate(row: {
	slug: string;
	title: string | null;
	summary: string | null;
	theme: string | null;
	version: number;
	publishedAt: Date | null;
	content: PlaybookContent | null;
}): PublishedTemplateView {
	const content = row.content ?? { phases: [], documents: [] };
	return {
		slug: row.slug,
		title: row.title ?? '',
		summary: row.summary ?? '',
		theme: row.theme ?? '',
		version: row.version,
		publishedAt: row.publishedAt?.toISOString() ?? null,
		content,
		steps: content.phases.reduce((n, p) => n + p.steps.length, 0)
	};
}

export interface TrajectoryListItemView {
	id: number;
	title: string;
	theme: string;
	templateTitle: string;
	startsOn: string;
	status: TrajectoryStatus;
	stepsDone: number;
	stepsTotal: number;
}

export function presentTrajectoryListItem(row: TrajectoryRow): TrajectoryListItemView {
	return {
		id: row.id,
		title: row.title,
		theme: row.theme,
		templateTitle: row.templateTitle,
		startsOn: row.startsOn,
		status: row.status,
		stepsDone: row.stepsDone,
		stepsTotal: row.stepsTotal
	};
}

export interface TrajectoryStepView {
	id: number;
	stepKey: string;
	title: string;
	description: string;
	role: PlaybookRole;
	dueOn: string;
	checklist: string[];
	session: PlaybookSession | null;
	communication: Partial<Record<PlaybookChannel, string>>;
	sessionStartsAt: string | null;
	eventId: number | null;
	/** When the session's event takes place. */
	eventStartsAt: string | null;
	/** The citizen groups whose session it is. */
	sessionGroups: string | null;
	doneAt: string | null;
	doneByName: string | null;
	overdue: boolean;
}

export function presentStep(row: StepRow, today: string): TrajectoryStepView {
	return {
		id: row.id,
		stepKey: row.stepKey,
		title: row.title,
		description: row.description,
		role: row.role,
		dueOn: row.dueOn,
		checklist: row.checklist,
		session: row.session,
		communication: row.communication,
		sessionStartsAt: row.sessionStartsAt?.toISOString() ?? null,
		eventId: row.eventId,
		eventStartsAt: row.eventStartsAt?.toISOString() ?? null,
		sessionGroups: row.sessionGroups ?? null,
		doneAt: row.doneAt?.toISOString() ?? null,
		doneByName: row.doneAt ? (row.doneByName ?? null) : null,
		overdue: !row.doneAt && row.dueOn < today
	};
}

export interface TrajectoryPhaseView {
	id: number;
	title: string;
	description: string;
	startsOn: string;
	endsOn: string;
	steps: TrajectoryStepView[];
}

export function presentPhases(phases: PhaseRow[], steps: StepRow[], today: string): TrajectoryPhaseView[] {
	return phases.map((p) => ({
		id: p.id,
		title: p.title,
		description: p.description,
		startsOn: p.startsOn,
		endsOn: p.endsOn,
		steps: steps.filter((s) => s.phaseId === p.id).map((s) => presentStep(s, today))
	}));
}
