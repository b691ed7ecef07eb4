// The audit actions of the climate plan's internal work: departments' staff, climate teams, meetings, agreements,
// tasks and the diagnosis.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		/** People put in a department, or taken out of theirs (the details name them and the department). */
		'climate_plan.staff_assigned': true;
		/** A department renamed (the details name it before and after). */
		'climate_plan.department_renamed': true;
		'climate_plan.team_added': true;
		'climate_plan.team_changed': true;
		'climate_plan.team_removed': true;
		'climate_plan.team_member_added': true;
		'climate_plan.team_member_removed': true;
		'climate_plan.meeting_recorded': true;
		'climate_plan.meeting_changed': true;
		/** People added to a meeting's participants after it was recorded (the details name them). */
		'climate_plan.meeting_participant_added': true;
		'climate_plan.meeting_participant_removed': true;
		'climate_plan.meeting_removed': true;
		'climate_plan.agreement_added': true;
		'climate_plan.agreement_removed': true;
		/** An agreement became a plan action (the details name both). */
		'climate_plan.agreement_to_action': true;
		/** An agreement became a task with its owner and due date. */
		'climate_plan.agreement_to_task': true;
		'climate_plan.task_status_changed': true;
		/** A task given to another owner (the details name the former and the new one). */
		'climate_plan.task_handed_over': true;
		'climate_plan.diagnosis_round_opened': true;
		'climate_plan.diagnosis_round_closed': true;
		'climate_plan.diagnosis_answered': true;
	}
}
