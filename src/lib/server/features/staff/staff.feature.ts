// The staff feature: a municipality's back office home, its staff and invitations, and the audit log.
import { defineFeature } from '$lib/server/platform/feature';
import { eraseStaffData, exportStaffData } from './staff.personal-data';

export const staffFeature = defineFeature({
	name: 'staff',
	abilities: ['backoffice.view', 'dashboard.view', 'staff.manage', 'audit.view'],
	personalData: { export: exportStaffData, erase: eraseStaffData, kept: ['auditLog'] }
});
