// The audit actions of the region: which municipalities take part, who holds a regional role, and which
// municipalities a participation expert coaches.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'region.participation_changed': true;
		'region.role_granted': true;
		'region.role_removed': true;
		'region.coaching_assigned': true;
		'region.coaching_removed': true;
	}
}
