// Domain events of actions, written in the transaction of the change (see platform/events.ts).
export {};

declare module '$lib/server/platform/events' {
	interface DomainEventMap {
		'action.created': { subject: 'action'; payload: object };
		/** Which fields changed ('status' and 'themes' included). */
		'action.updated': { subject: 'action'; payload: { fields: string[] } };
		'action.published': { subject: 'action'; payload: object };
		'action.unpublished': { subject: 'action'; payload: object };
		'action.archived': { subject: 'action'; payload: object };
		/** An update (news item) of an action went public; the subject is the update. */
		'action.update_published': { subject: 'action_update'; payload: { actionId: number; updateId: number } };
	}
}
