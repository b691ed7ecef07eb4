// Where an action stands, what was decided and what comes next, from the same rows the action page reads.
import { describe, expect, it } from 'vitest';
import { phasesOf } from '$lib/domain/actions';
import {
	presentOpportunity,
	type OpportunityRow
} from '$lib/server/features/opportunities/opportunities.present';
import { comingNextOf, presentActionProgress } from './actions.progress';

const now = new Date('2027-03-01T10:00:00Z');
const DAY = 86_400_000;
const days = (n: number) => new Date(now.getTime() + n * DAY);
const path = '/geel/acties/7-ontharden';

let nextId = 1;
function row(values: Partial<OpportunityRow> & Pick<OpportunityRow, 'kind'>): OpportunityRow {
	const id = nextId++;
	return {
		id,
		municipalityId: 'm',
		actionId: 7,
		title: `Kans ${id}`,
		rung: 'consult',
		howTo: '',
		opensAt: null,
		closesAt: null,
		position: id,
		takesSuggestions: true,
		takesVotes: true,
		registrableEvent: null,
		joinableGroup: null,
		...values
	};
}

/** Presented as the action page does, so "open" is decided by nextStepOf. */
function views(rows: OpportunityRow[]) {
	return rows.map((r) => presentOpportunity(r, rows, now, { municipalitySlug: 'geel', actionPath: path }));
}

describe('phasesOf', () => {
	it('marks the phases before the status as passed, the status current and the rest to come', () => {
		expect(phasesOf('planned')).toEqual([
			{ status: 'idea', state: 'past' },
			{ status: 'planned', state: 'current' },
			{ status: 'inProgress', state: 'future' },
			{ status: 'done', state: 'future' }
		]);
		expect(phasesOf('idea').map((p) => p.state)).toEqual(['current', 'future', 'future', 'future']);
		expect(phasesOf('done').map((p) => p.state)).toEqual(['past', 'past', 'past', 'current']);
	});

	it('ends a stopped action at "stopped" instead of "done", and that is where it stands', () => {
		expect(phasesOf('stopped')).toEqual([
			{ status: 'idea', state: 'past' },
			{ status: 'planned', state: 'past' },
			{ status: 'inProgress', state: 'past' },
			{ status: 'stopped', state: 'current' }
		]);
	});

	it('has exactly one current phase for every status', () => {
		for (const status of ['idea', 'planned', 'inProgress', 'done', 'stopped'] as const)
			expect(
				phasesOf(status).filter((p) => p.state === 'current'),
				status
			).toHaveLength(1);
	});
});

describe('comingNextOf', () => {
	it('names the open opportunity with a next step that closes soonest, linking to that step', () => {
		const map = row({ kind: 'mapSuggestions', title: 'Plekken', opensAt: days(-30), closesAt: days(21) });
		const vote = row({ kind: 'vote', title: 'Stem', opensAt: days(-10), closesAt: days(14) });
		const follow = row({ kind: 'readUpdates', title: 'Volg het nieuws' });
		const next = comingNextOf(views([follow, map, vote]), path);
		expect(next).toEqual({
			opportunityId: vote.id,
			title: 'Stem',
			kind: 'vote',
			state: 'open',
			date: days(14).toISOString(),
			href: `/geel/kansen/${map.id}`
		});
	});

	it('does not call a window-open opportunity without a next step the next thing to do', () => {
		// A vote without an open map has no next step (nextStepOf), so it is not open: the action day is next.
		const vote = row({ kind: 'vote', opensAt: days(-2), closesAt: days(3) });
		const day = row({ kind: 'actionDay', title: 'Plantdag', opensAt: days(5), closesAt: days(40) });
		expect(comingNextOf(views([vote, day]), path)).toMatchObject({
			opportunityId: day.id,
			state: 'onDay',
			date: days(40).toISOString(),
			href: `${path}#kans-${day.id}`
		});
	});

	it('without anything open, names the soonest that opens later, then following the updates', () => {
		const later = row({ kind: 'survey', opensAt: days(30), closesAt: days(60) });
		const sooner = row({ kind: 'mapSuggestions', opensAt: days(10), closesAt: days(20) });
		const follow = row({ kind: 'readUpdates' });
		expect(comingNextOf(views([later, follow, sooner]), path)).toMatchObject({
			opportunityId: sooner.id,
			state: 'upcoming',
			date: days(10).toISOString()
		});
		expect(comingNextOf(views([follow]), path)).toMatchObject({
			opportunityId: follow.id,
			state: 'open',
			href: `${path}#volgen`
		});
	});

	it('never names a closed opportunity, and nothing when nothing is planned', () => {
		const closed = row({ kind: 'mapSuggestions', opensAt: days(-30), closesAt: days(-1) });
		expect(comingNextOf(views([closed]), path)).toBeNull();
		expect(comingNextOf([], path)).toBeNull();
	});
});

describe('presentActionProgress', () => {
	const updates = [
		{ id: 12, title: 'De kaart staat open', publishedAt: days(-1).toISOString() },
		{ id: 3, title: 'We gaan van start', publishedAt: days(-20).toISOString() }
	];

	it('reads what was decided as the first paragraph in plain text and the newest update as the latest news', () => {
		const map = row({ kind: 'mapSuggestions', opensAt: days(-3), closesAt: days(9) });
		const progress = presentActionProgress({
			status: 'inProgress',
			decided:
				'Het **college** trok [60.000 euro](https://example.org) uit.\n\nDe werkgroep kiest de plekken.',
			updates,
			opportunities: views([map]),
			actionPath: path
		});
		expect(progress.phases.find((p) => p.state === 'current')?.status).toBe('inProgress');
		expect(progress.decided).toBe('Het college trok 60.000 euro uit.');
		expect(progress.decidedContinues).toBe(true);
		expect(progress.latestUpdate).toEqual(updates[0]);
		expect(progress.next?.opportunityId).toBe(map.id);
	});

	it('has nothing decided or new when nothing is written, and nothing next once the action is over', () => {
		const map = row({ kind: 'mapSuggestions', opensAt: days(-3), closesAt: days(9) });
		const progress = presentActionProgress({
			status: 'done',
			decided: '  ',
			updates: [],
			opportunities: views([map]),
			actionPath: path
		});
		expect(progress.decided).toBeNull();
		expect(progress.decidedContinues).toBe(false);
		expect(progress.latestUpdate).toBeNull();
		expect(progress.next).toBeNull();
	});

	it('cuts a long decision between words', () => {
		const progress = presentActionProgress({
			status: 'planned',
			decided: 'woord '.repeat(80),
			updates: [],
			opportunities: [],
			actionPath: path
		});
		expect(progress.decided).toMatch(/^(woord ){39}woord…$/);
		expect(progress.decidedContinues).toBe(true);
	});
});
