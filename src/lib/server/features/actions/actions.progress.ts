// Where an action stands, what was decided and what comes next: the progress block of an action's page.
import {
	ONE_DAY_KINDS,
	phasesOf,
	type ActionStatus,
	type OpportunityKind,
	type Phase
} from '$lib/domain/actions';
import type { OpportunityView } from '$lib/server/features/opportunities/opportunities.present';

/** The one thing a person can do or expect next, with its date. */
export interface ComingNext {
	opportunityId: number;
	title: string;
	kind: OpportunityKind;
	/**
	 * `open`: it has a next step on the platform now (`nextStepOf`), `href` is that step and `date` when it
	 * closes; `upcoming`: it opens later, `date` is when; `onDay`: a one-day activity, `date` is the day.
	 */
	state: 'open' | 'upcoming' | 'onDay';
	date: string | null;
	href: string;
}

export interface ActionProgress {
	phases: Phase[];
	/** The first paragraph of "what was decided", as plain text; null when nothing is written. */
	decided: string | null;
	/** More is written than the first paragraph: the page links to the whole text. */
	decidedContinues: boolean;
	latestUpdate: { id: number; title: string; publishedAt: string } | null;
	next: ComingNext | null;
}

const DECIDED_MAX = 240;

/** Markdown to one line of plain text: links keep their text, emphasis and headings lose their marks. */
function plainText(markdown: string): string {
	return markdown
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
		.replace(/[*_`~]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

function excerpt(markdown: string): { text: string | null; continues: boolean } {
	const paragraphs = markdown
		.split(/\n\s*\n/)
		.map(plainText)
		.filter((p) => p.length > 0);
	const first = paragraphs[0];
	if (!first) return { text: null, continues: false };
	if (first.length <= DECIDED_MAX) return { text: first, continues: paragraphs.length > 1 };
	return { text: `${first.slice(0, DECIDED_MAX).replace(/\s+\S*$/, '')}…`, continues: true };
}

const soonest = (a: string | null, b: string | null) =>
	a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/**
 * What comes next, in this order: an opportunity open now with a next step (`nextStepOf`), soonest closing
 * first; else the soonest one that opens later or happens on a day; else following the action's updates.
 * Closed ones never; null when nothing is planned.
 */
export function comingNextOf(
	opportunities: readonly OpportunityView[],
	actionPath: string
): ComingNext | null {
	const openNow = (o: OpportunityView): ComingNext[] =>
		o.open && o.nextStep
			? [
					{
						opportunityId: o.id,
						title: o.title,
						kind: o.kind,
						state: 'open',
						date: o.closesAt,
						href: o.nextStep.href
					}
				]
			: [];
	const byDate = (a: ComingNext, b: ComingNext) =>
		soonest(a.date, b.date) || a.opportunityId - b.opportunityId;
	const open = opportunities
		.filter((o) => o.kind !== 'readUpdates')
		.flatMap(openNow)
		.sort(byDate);
	const later = opportunities
		.flatMap((o): ComingNext[] => {
			const base = { opportunityId: o.id, title: o.title, kind: o.kind, href: `${actionPath}#kans-${o.id}` };
			if (ONE_DAY_KINDS.includes(o.kind) && o.closesAt && (o.upcoming || o.offline))
				return [{ ...base, state: 'onDay', date: o.closesAt }];
			if (o.upcoming) return [{ ...base, state: 'upcoming', date: o.opensAt }];
			return [];
		})
		.sort(byDate);
	const follow = opportunities
		.filter((o) => o.kind === 'readUpdates')
		.flatMap(openNow)
		.sort(byDate);
	return open[0] ?? later[0] ?? follow[0] ?? null;
}

export function presentActionProgress(input: {
	status: ActionStatus;
	decided: string;
	/** Newest first, as the page shows them. */
	updates: readonly { id: number; title: string; publishedAt: string }[];
	opportunities: readonly OpportunityView[];
	actionPath: string;
}): ActionProgress {
	const decided = excerpt(input.decided);
	const latest = input.updates[0];
	const finished = input.status === 'done' || input.status === 'stopped';
	return {
		phases: phasesOf(input.status),
		decided: decided.text,
		decidedContinues: decided.continues,
		latestUpdate: latest ? { id: latest.id, title: latest.title, publishedAt: latest.publishedAt } : null,
		next: finished ? null : comingNextOf(input.opportunities, input.actionPath)
	};
}
