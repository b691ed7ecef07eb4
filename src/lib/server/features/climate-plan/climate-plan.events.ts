// Domain events of the climate plan, written in the transaction of the change (see platform/events.ts). The
// subject is a task an agreement became; the notifications feature tells its owner (notifications.climate-plan.ts).
export {};

declare module '$lib/server/platform/events' {
	interface DomainEventMap {
		/** A task was made of an agreement for its owner (staff here), with its due date. */
		'climate_plan.task_assigned': {
			subject: 'climate_plan_task';
			payload: { ownerId: string; title: string; dueOn: string };
		};
		/** An open task passed its due date (once per task: climate_plan_tasks.overdue_noticed_at). */
		'climate_plan.task_overdue': {
			subject: 'climate_plan_task';
			payload: { ownerId: string; title: string; dueOn: string };
		};
	}
}
