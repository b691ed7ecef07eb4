// The audit actions of the impact feature: baselines recorded and changed (with the reason), targets changed,
// figures entered and strategies recorded.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'impact.baselines_recorded': true;
		'impact.baseline_changed': true;
		'impact.target_changed': true;
		'impact.figure_entered': true;
		'impact.strategy_recorded': true;
	}
}
