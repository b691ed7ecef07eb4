// The audit actions of citizen groups: every change to a call, its members and its money.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		/** Staff wrote a call; the details name it. */
		'group.created': true;
		/** The call's text, budget, rules or status changed: the details name the fields. */
		'group.changed': true;
		'group.menu_item_added': true;
		'group.menu_item_removed': true;
		/** A person joined: an open call, an accepted sign-up, or an invitation (the details say which). */
		'group.member_joined': true;
		'group.signup_declined': true;
		/** A menu item became an action of the platform. */
		'group.action_picked': true;
		'group.subgroup_changed': true;
		'group.work_plan_changed': true;
		'group.coordinator_changed': true;
		'group.invitation_created': true;
		'group.funding_added': true;
		'group.funding_changed': true;
		/** The details say whether the call's rule approved it at once. */
		'group.expense_added': true;
		'group.expense_approved': true;
		'group.expense_refused': true;
		/** The group opened a call for suggestions on the map on one of its actions (groups.calls.ts). */
		'group.map_call_opened': true;
		/** The group proposed an event on one of its actions, a draft the municipality publishes. */
		'group.event_proposed': true;
		/** The budget's export for the financial service, with its format. */
		'group.exported': true;
	}
}
