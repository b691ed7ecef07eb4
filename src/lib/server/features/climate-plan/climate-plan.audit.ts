// The audit actions of the climate plan: what staff did to the municipality's plan.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'climate_plan.action_created': true;
		/** The details name the fields that changed. */
		'climate_plan.action_changed': true;
		/** One row per action of a bulk change, with the operation. */
		'climate_plan.action_bulk_changed': true;
		'climate_plan.update_posted': true;
		/** Indicators and milestones added, an indicator's value moved. */
		'climate_plan.measure_changed': true;
		/** Linked to (or unlinked from) a public action, with the parts shown. */
		'climate_plan.public_link_changed': true;
		/** An import: the file's name and how many actions it added. */
		'climate_plan.imported': true;
		'climate_plan.theme_added': true;
		'climate_plan.department_added': true;
	}
}
