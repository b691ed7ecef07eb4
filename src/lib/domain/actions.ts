// Climate actions and the ways to take part in them: the vocabulary shared by server and browser.
export const ACTION_STATUSES = ['idea', 'planned', 'inProgress', 'done', 'stopped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_OWNER_KINDS = ['department', 'citizenGroup', 'partner'] as const;
export type ActionOwnerKind = (typeof ACTION_OWNER_KINDS)[number];

/** Each kind of opportunity sits on its usual rung; staff may still choose another rung. */
export const OPPORTUNITY_KINDS = [
	'readUpdates',
	'mapSuggestions',
	'vote',
	'survey',
	'workingGroup',
	'actionDay',
	'volunteer',
	'citizenGroup'
] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

/**
 * Kinds that are one activity on one day: their window closes when the activity starts, so they read as that
 * moment ("Op 20 januari 2027 om 09:30"), not as a window to take part in.
 */
export const ONE_DAY_KINDS: readonly OpportunityKind[] = ['actionDay'];

export const DEFAULT_RUNG_OF_KIND = {
	readUpdates: 'inform',
	mapSuggestions: 'consult',
	vote: 'consult',
	survey: 'consult',
	workingGroup: 'advise',
	actionDay: 'coproduce',
	volunteer: 'coproduce',
	citizenGroup: 'selfManage'
} as const satisfies Record<OpportunityKind, string>;

/** The path of an action's public page: its id, then its slug for people and search engines. */
export function actionPath(municipalitySlug: string, id: number, slug: string): string {
	return `/${municipalitySlug}/acties/${id}${slug ? `-${slug}` : ''}`;
}

/** The path an action walks, in order. A stopped action ends its path there instead of being done. */
export const ACTION_PHASES = ['idea', 'planned', 'inProgress', 'done'] as const;

export type PhaseState = 'past' | 'current' | 'future';

export interface Phase {
	status: ActionStatus;
	state: PhaseState;
}

/** Where an action stands on its path: every phase, the ones before its status passed, the ones after to come. */
export function phasesOf(status: ActionStatus): Phase[] {
	const path: readonly ActionStatus[] =
		status === 'stopped' ? ['idea', 'planned', 'inProgress', 'stopped'] : ACTION_PHASES;
	const at = path.indexOf(status);
	return path.map((s, i) => ({ status: s, state: i < at ? 'past' : i === at ? 'current' : 'future' }));
}
