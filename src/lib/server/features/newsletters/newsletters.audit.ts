// The audit actions of newsletters: what staff did to a newsletter.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'newsletter.created': true;
		'newsletter.updated': true;
		'newsletter.test_sent': true;
		/** Sent now or scheduled: the details say when and to how many. */
		'newsletter.scheduled': true;
		'newsletter.cancelled': true;
	}
}
