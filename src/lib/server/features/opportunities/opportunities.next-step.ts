// The one rule for whether an opportunity is open: its window is open now AND it has a next step that works
// today. The action's page, the rung pages ("Hoeveel tijd wil je erin steken?") and their counts all ask it, so nothing is
// shown as "Nu open" that leads nowhere.
import type { OpportunityKind } from '$lib/domain/actions';

/** What a person does next, one obvious step per open opportunity. */
export type NextStep =
	/** Follow the action and read its updates (the follow form on the action's page). */
	| { kind: 'follow' }
	/** Put a place on the map and support suggestions: the map of this opportunity. */
	| { kind: 'suggest'; opportunityId: number }
	/** Vote: support suggestions on the map of the action's open map opportunity. */
	| { kind: 'vote'; opportunityId: number }
	/** Register for the event a working group or action day leads to (its page, with the form). */
	| { kind: 'register'; event: string }
	/** Join the citizen group that runs the action (its page: how to sign up or ask a question). */
	| { kind: 'join'; group: number };

export interface Window {
	opensAt: Date | null;
	closesAt: Date | null;
}

export interface Candidate extends Window {
	id: number;
	actionId: number;
	kind: OpportunityKind;
	/**
	 * For a map of suggestions: whether it takes new suggestions and votes now (the suggestions feature's
	 * settings of the opportunity, `suggestion_settings`); absent means both, as without settings.
	 */
	takesSuggestions?: boolean;
	takesVotes?: boolean;
	/**
	 * For a working group or action day: the slugged id (`12-werkgroep-ontharding`) of its soonest published
	 * event that takes registrations now (the events feature's table, read with the opportunity); null or
	 * absent without one.
	 */
	registrableEvent?: string | null;
	/** For a citizen group: the group whose picked action this is (the groups feature's tables); null without. */
	joinableGroup?: number | null;
}

export function windowOpen(o: Window, now: Date): boolean {
	return (!o.opensAt || o.opensAt <= now) && (!o.closesAt || o.closesAt > now);
}

/**
 * The next step of an opportunity, given the other opportunities of its action; null when it has none that
 * works today, and then it is not open, whatever its window says.
 *
 * Per kind: reading updates is following the action; suggestions on the map are that map, while it takes
 * suggestions; a vote is the map of the action's open map opportunity while that map takes votes (support
 * there is the vote), none without one. A working group or an action day is registering for its event while
 * one takes registrations, none without one. A citizen group is the group's page, when a group (not a draft)
 * runs the action. A survey and volunteering have no next step on the platform until surveys exist, so they are
 * never "open": their text says how to take part.
 */
export function nextStepOf(o: Candidate, siblings: readonly Candidate[], now: Date): NextStep | null {
	if (!windowOpen(o, now)) return null;
	switch (o.kind) {
		case 'readUpdates':
			return { kind: 'follow' };
		case 'mapSuggestions':
			return o.takesSuggestions === false ? null : { kind: 'suggest', opportunityId: o.id };
		case 'vote': {
			const map = siblings.find(
				(s) =>
					s.actionId === o.actionId &&
					s.kind === 'mapSuggestions' &&
					windowOpen(s, now) &&
					s.takesVotes !== false
			);
			return map ? { kind: 'vote', opportunityId: map.id } : null;
		}
		case 'workingGroup':
		case 'actionDay':
			return o.registrableEvent ? { kind: 'register', event: o.registrableEvent } : null;
		case 'citizenGroup':
			return o.joinableGroup ? { kind: 'join', group: o.joinableGroup } : null;
		case 'survey':
		case 'volunteer':
			return null;
	}
}

/** The address of a next step: the map, the event's registration form, or the follow form on the action's page. */
export function nextStepHref(step: NextStep, municipalitySlug: string, actionPath: string): string {
	switch (step.kind) {
		case 'follow':
			return `${actionPath}#volgen`;
		case 'register':
			return `/${municipalitySlug}/activiteiten/${step.event}#inschrijven`;
		case 'join':
			return `/${municipalitySlug}/groepen/${step.group}`;
		default:
			return `/${municipalitySlug}/kansen/${step.opportunityId}`;
	}
}
