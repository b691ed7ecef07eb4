// The audit actions of communication plans: what staff did to a plan, its moments and its texts.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'communication.plan_created': true;
		'communication.moment_added': true;
		'communication.moment_moved': true;
		'communication.moment_removed': true;
		'communication.text_changed': true;
		'communication.text_reset': true;
		/** One or more texts marked published at once: the details list them. */
		'communication.published': true;
		'communication.unpublished': true;
	}
}
