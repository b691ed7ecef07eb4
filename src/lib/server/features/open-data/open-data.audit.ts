// The audit actions of open data: who changed the licence a municipality publishes its datasets under.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'openData.licence_updated': true;
	}
}
