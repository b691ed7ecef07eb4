// The one rule for "open" (opportunities.next-step.ts), without a database.
import { describe, expect, it } from 'vitest';
import { nextStepHref, nextStepOf, type Candidate } from './opportunities.next-step';

const now = new Date('2026-12-05T10:00:00Z');
const map = (settings: Partial<Candidate> = {}): Candidate => ({
	id: 1,
	actionId: 7,
	kind: 'mapSuggestions',
	opensAt: null,
	closesAt: null,
	...settings
});
const vote: Candidate = { id: 2, actionId: 7, kind: 'vote', opensAt: null, closesAt: null };

describe('nextStepOf', () => {
	it('sends a map to itself while it takes suggestions (and when it has no settings)', () => {
		expect(nextStepOf(map(), [], now)).toEqual({ kind: 'suggest', opportunityId: 1 });
		expect(nextStepOf(map({ takesSuggestions: true }), [], now)).toEqual({
			kind: 'suggest',
			opportunityId: 1
		});
		expect(nextStepOf(map({ takesSuggestions: false }), [], now)).toBeNull();
	});

	it("sends a vote to its action's open map only while that map takes votes", () => {
		expect(nextStepOf(vote, [map(), vote], now)).toEqual({ kind: 'vote', opportunityId: 1 });
		expect(nextStepOf(vote, [map({ takesSuggestions: false, takesVotes: true }), vote], now)).toEqual({
			kind: 'vote',
			opportunityId: 1
		});
		expect(nextStepOf(vote, [map({ takesVotes: false }), vote], now)).toBeNull();
		expect(nextStepOf(vote, [map({ closesAt: new Date('2026-12-01T00:00:00Z') }), vote], now)).toBeNull();
		expect(nextStepOf(vote, [map({ actionId: 8 }), vote], now)).toBeNull();
	});

	it('sends a working group or action day to the registration of its event, and is not open without one', () => {
		const group: Candidate = { id: 3, actionId: 7, kind: 'workingGroup', opensAt: null, closesAt: null };
		const day: Candidate = { id: 4, actionId: 7, kind: 'actionDay', opensAt: null, closesAt: null };
		expect(nextStepOf({ ...group, registrableEvent: '12-werkgroep' }, [], now)).toEqual({
			kind: 'register',
			event: '12-werkgroep'
		});
		expect(nextStepOf({ ...day, registrableEvent: '13-plantdag' }, [], now)).toEqual({
			kind: 'register',
			event: '13-plantdag'
		});
		expect(nextStepOf(group, [], now)).toBeNull();
		expect(nextStepOf({ ...day, registrableEvent: null }, [], now)).toBeNull();
		// The opportunity's own window still rules: closed, it is not open even with an event.
		expect(
			nextStepOf(
				{ ...group, closesAt: new Date('2026-12-01T00:00:00Z'), registrableEvent: '12-werkgroep' },
				[],
				now
			)
		).toBeNull();
	});

	it('leads the registration step to the event page’s form', () => {
		expect(nextStepHref({ kind: 'register', event: '12-werkgroep' }, 'geel', '/geel/acties/7-x')).toBe(
			'/geel/activiteiten/12-werkgroep#inschrijven'
		);
	});
});
