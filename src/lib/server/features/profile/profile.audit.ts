// The audit action of a person's own account: its deletion, recorded where the person held staff roles.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'account.deleted': true;
	}
}
