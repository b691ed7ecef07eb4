// The audit actions of the widgets: who changed the sites allowed to embed the municipality.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'widgets.origins_updated': true;
	}
}
