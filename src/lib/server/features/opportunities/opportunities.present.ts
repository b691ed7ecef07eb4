// What leaves the server about opportunities, field by field: on an action's page, in the rung browser and
// on the back office's edit form.
import { actionPath, type ActionStatus, type OpportunityKind } from '$lib/domain/actions';
import { rungLevel, type LadderRung } from '$lib/domain/ladder';
import { renderMarkdown } from '$lib/server/platform/markdown';
import type { OpenOpportunityRow, OpportunityRow } from './opportunities.queries';
import { dateToBrusselsLocal } from './opportunities.schemas';

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
	/** Open at the moment the page was made. */
	open: boolean;
	/** Not open yet (opens later), as opposed to closed. */
	upcoming: boolean;
}

export interface OpenOpportunityView {
	id: number;
	title: string;
	kind: OpportunityKind;
	howToHtml: string;
	closesAt: string | null;
	action: { path: string; title: string; summary: string; status: ActionStatus };
	municipality: { slug: string; name: string };
}

export function presentOpportunity(row: OpportunityRow, now: Date): OpportunityView {
	const opened = !row.opensAt || row.opensAt <= now;
	const notClosed = !row.closesAt || row.closesAt > now;
	return {
		id: row.id,
		title: row.title,
		rung: row.rung,
		level: rungLevel(row.rung),
		kind: row.kind,
		howToHtml: renderMarkdown(row.howTo),
		opensAt: iso(row.opensAt),
		closesAt: iso(row.closesAt),
		open: opened && notClosed,
		upcoming: !opened
	};
}

export function presentOpenOpportunity(row: OpenOpportunityRow): OpenOpportunityView {
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		howToHtml: renderMarkdown(row.howTo),
		closesAt: iso(row.closesAt),
		action: {
			path: actionPath(row.municipalitySlug, row.actionId, row.actionSlug),
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
