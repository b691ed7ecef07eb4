// The audit actions of the region: which municipalities take part and who holds a regional role.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'region.participation_changed': true;
		'region.role_granted': true;
		'region.role_removed': true;
	}
}
