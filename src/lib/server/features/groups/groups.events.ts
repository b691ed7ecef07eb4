// Domain events of citizen groups, written in the transaction of the change (see platform/events.ts). The
// subject is the group; the notifications feature tells the people concerned (notifications.groups.ts).
export {};

declare module '$lib/server/platform/events' {
	interface DomainEventMap {
		/** A post of the workspace mentions people (group_post_mentions holds who); they hear of it. */
		'group.members_mentioned': {
			subject: 'group';
			payload: { threadId: number; postId: number; threadTitle: string };
		};
		/** Staff accepted a sign-up that waited: the person is a member now. */
		'group.signup_accepted': { subject: 'group'; payload: { memberId: number; userId: string } };
		/** Staff declined a sign-up that waited. */
		'group.signup_declined': { subject: 'group'; payload: { memberId: number; userId: string } };
		/** Staff approved an expense that waited; the member who sent it hears of it. */
		'group.expense_approved': {
			subject: 'group';
			payload: { expenseId: number; description: string };
		};
		/** Staff refused an expense (waiting, or approved by the call's rule), with a reason the members read. */
		'group.expense_refused': {
			subject: 'group';
			payload: { expenseId: number; description: string };
		};
		/** The coordinator's role went to another member. */
		'group.coordinator_changed': { subject: 'group'; payload: { memberId: number; userId: string } };
		/** The group opened a call for suggestions on the map on one of its actions. */
		'group.map_call_opened': { subject: 'group'; payload: { actionId: number; opportunityId: number } };
	}
}
