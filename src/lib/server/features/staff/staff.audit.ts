// The audit actions of staff management (an invitation's acceptance is written at login or when a person verifies
// their address, through acceptStaffInvitations).
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
