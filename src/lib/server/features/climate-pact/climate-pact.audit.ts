// The audit actions of the Climate Pact: what staff did to its outcomes, citizens' reports and dwellings.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		/** On an action or an event: kind, quantity, day. */
		'climate_pact.outcome_recorded': true;
		/** The details hold the values before and after. */
		'climate_pact.outcome_changed': true;
		'climate_pact.outcome_deleted': true;
		/** A citizen's report counts from now on (bulk: one row per report). */
		'climate_pact.report_verified': true;
		/** With the reason the citizen reads. */
		'climate_pact.report_refused': true;
		/** The number of dwellings the renovation target is computed from. */
		'climate_pact.dwellings_set': true;
	}
}
