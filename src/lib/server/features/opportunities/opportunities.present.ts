// What leaves the server about opportunities, field by field: on an action's page, in the rung browser and
// on the back office's edit form.
import { actionPath, type ActionStatus, type OpportunityKind } from '$lib/domain/actions';
import { rungLevel, type LadderRung } from '$lib/domain/ladder';
import { renderMarkdown } from '$lib/server/platform/markdown';
import type { OpenOpportunityRow, OpportunityRow } from './opportunities.queries';
import { dateToBrusselsLocal } from './opportunities.schemas';
import { nextStepHref, nextStepOf, windowOpen, type NextStep } from './opportunities.next-step';

export type { OpportunityRow } from './opportunities.queries';

function iso(value: Date | null): string | null {
	return value ? value.toISOString() : null;
}

export interface OpportunityView {
	id: number;
	title: string;
	rung: LadderRung;
	level: number;
	kind: OpportunityKind;
	howToHtml: string;
	opensAt: string | null;
	closesAt: string | null;
	/** Open at the moment the page was made: its window is open and it has a next step that works. */
	open: boolean;
	/** Not open yet (opens later), as opposed to closed. */
	upcoming: boolean;
	/** Its window is open, but taking part does not go through the platform yet (no next step). */
	offline: boolean;
	/** The one obvious next step of an open opportunity. */
	nextStep: NextStepView | null;
}

export interface NextStepView {
	kind: NextStep['kind'];
	href: string;
}

export interface OpenOpportunityView {
	id: number;
	title: string;
	kind: OpportunityKind;
	howToHtml: string;
	closesAt: string | null;
	nextStep: NextStepView;
	action: { path: string; title: string; summary: string; status: ActionStatus };
	municipality: { slug: string; name: string };
}

/** One opportunity on its action's page; `siblings` are all of the action's opportunities. */
export function presentOpportunity(
	row: OpportunityRow,
	siblings: readonly OpportunityRow[],
	now: Date,
	where: { municipalitySlug: string; actionPath: string }
): OpportunityView {
	const opened = !row.opensAt || row.opensAt <= now;
	const step = nextStepOf(row, siblings, now);
	return {
		id: row.id,
		title: row.title,
		rung: row.rung,
		level: rungLevel(row.rung),
		kind: row.kind,
		howToHtml: renderMarkdown(row.howTo),
		opensAt: iso(row.opensAt),
		closesAt: iso(row.closesAt),
		open: step !== null,
		upcoming: !opened,
		offline: step === null && windowOpen(row, now),
		nextStep: step && {
			kind: step.kind,
			href: nextStepHref(step, where.municipalitySlug, where.actionPath)
		}
	};
}

export function presentOpenOpportunity(row: OpenOpportunityRow, step: NextStep): OpenOpportunityView {
	const path = actionPath(row.municipalitySlug, row.actionId, row.actionSlug);
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		howToHtml: renderMarkdown(row.howTo),
		closesAt: iso(row.closesAt),
		nextStep: { kind: step.kind, href: nextStepHref(step, row.municipalitySlug, path) },
		action: {
			path,
			title: row.actionTitle,
			summary: row.actionSummary,
			status: row.actionStatus
		},
		municipality: { slug: row.municipalitySlug, name: row.municipalityName }
	};
}

export interface OpportunityEditView {
	id: number;
	title: string;
	kind: OpportunityKind;
	rung: LadderRung;
	howTo: string;
	opensAt: string | null;
	closesAt: string | null;
	/** The window as datetime-local values in Brussels time, for the edit form. */
	opensLocal: string;
	closesLocal: string;
}

export function presentOpportunityForEdit(
	row: Pick<OpportunityRow, 'id' | 'title' | 'kind' | 'rung' | 'howTo' | 'opensAt' | 'closesAt'>
): OpportunityEditView {
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		rung: row.rung,
		howTo: row.howTo,
		opensAt: row.opensAt?.toISOString() ?? null,
		closesAt: row.closesAt?.toISOString() ?? null,
		opensLocal: dateToBrusselsLocal(row.opensAt),
		closesLocal: dateToBrusselsLocal(row.closesAt)
	};
}
