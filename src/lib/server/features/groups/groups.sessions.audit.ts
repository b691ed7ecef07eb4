// The audit actions of a group's sessions and its evaluation (groups.sessions.ts, groups.evaluation.ts).
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		/** Staff planned a session of the group: the details name the event, the step and whether it is new. */
		'group.session_planned': true;
		/** Staff sent a lesson of the evaluation back into the playbook: the details name the proposal. */
		'group.lesson_proposed': true;
	}
}
