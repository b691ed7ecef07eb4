// The audit actions of staff management (the invitation's acceptance is written by accounts at login).
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'staff.role_granted': true;
		'staff.role_removed': true;
		'staff.roles_changed': true;
		'staff.invited': true;
		'staff.invitation_revoked': true;
		'staff.invitation_accepted': true;
	}
}
