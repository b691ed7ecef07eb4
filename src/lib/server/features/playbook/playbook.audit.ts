// The audit actions of the playbook: what the region's keepers did to a template, what a municipality did to
// its trajectories, and the decisions on proposals (written in the region's log and the proposing
// municipality's).
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'playbook.template_created': true;
		'playbook.template_changed': true;
		'playbook.template_published': true;
		'playbook.template_unpublished': true;
		'playbook.proposal_accepted': true;
		'playbook.proposal_declined': true;
		'playbook.trajectory_started': true;
		'playbook.trajectory_changed': true;
		'playbook.step_done': true;
		'playbook.step_reopened': true;
		'playbook.step_changed': true;
		'playbook.step_proposed': true;
		'playbook.session_planned': true;
	}
}
