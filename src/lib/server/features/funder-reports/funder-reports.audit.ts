// The audit actions of the funder reports: programmes defined and changed, reviewers named, reports opened,
// saved, submitted and judged, minimum expectations and extra sections edited, reviewers invited by address.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'funder_reports.programme_created': true;
		'funder_reports.programme_changed': true;
		'funder_reports.target_changed': true;
		'funder_reports.action_added': true;
		'funder_reports.action_removed': true;
		'funder_reports.reviewer_added': true;
		'funder_reports.reviewer_removed': true;
		'funder_reports.reviewer_invited': true;
		'funder_reports.reviewer_invitation_revoked': true;
		'funder_reports.reviewer_invitation_accepted': true;
		'funder_reports.expectation_added': true;
		'funder_reports.expectation_changed': true;
		'funder_reports.expectation_removed': true;
		'funder_reports.section_added': true;
		'funder_reports.section_changed': true;
		'funder_reports.section_removed': true;
		'funder_reports.report_opened': true;
		'funder_reports.report_saved': true;
		'funder_reports.report_submitted': true;
		'funder_reports.report_judged': true;
	}
}
