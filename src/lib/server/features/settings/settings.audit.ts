// The audit actions of a municipality's settings.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'settings.branding_updated': true;
		'settings.logo_uploaded': true;
		'settings.logo_removed': true;
		'settings.boundary_uploaded': true;
		'settings.boundary_removed': true;
		'settings.statement_updated': true;
		'settings.theme_added': true;
		'settings.theme_updated': true;
		'settings.theme_moved': true;
		'settings.theme_deactivated': true;
		'settings.theme_reactivated': true;
		'settings.theme_deleted': true;
	}
}
