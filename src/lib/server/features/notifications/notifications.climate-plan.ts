// What the climate plan tells its staff (issue 20): the owner of a task made of an agreement hears of it, and
// again once when it passed its due date unfinished (their own, kind `own`), in the app and by mail as they chose.
// The task's owner of now: a task done or handed to someone else by the time this runs tells no one, nor does one
// whose owner no longer reads the plan here (their staff role taken away: climate-plan.policy.ts, mayHearOfTask);
// an overdue notice not sent for that reason unmarks the task, so it follows when the role comes back.
import { DEFAULT_LOCALE, formatDate } from '$lib/i18n';
import { defineEventHandler } from '$lib/server/platform/events.dispatcher';
import {
	releaseOverdueNotice,
	taskNoticeSubject
} from '$lib/server/features/climate-plan/climate-plan.tasks';
import { notify, own } from './notifications.handlers';

export const climatePlanTaskNotices = defineEventHandler({
	name: 'notifications.climate-plan-task',
	events: ['climate_plan.task_assigned', 'climate_plan.task_overdue'],
	async handle(event, tx, ctx) {
		const task = { municipalityId: event.municipalityId, id: Number(event.subjectId) };
		const subject = await taskNoticeSubject(tx, task);
		if (!subject || subject.ownerId !== event.payload.ownerId) return;
		if (event.type === 'climate_plan.task_overdue' && subject.status !== 'open') return;
		if (!subject.ownerMayHear) {
			// Not told after all: the task is noticed again once its owner reads the plan here again.
			if (event.type === 'climate_plan.task_overdue') await releaseOverdueNotice(tx, task);
			return;
		}
		await notify(tx, ctx, event, {
			subject,
			detail: formatDate(new Date(`${event.payload.dueOn}T12:00:00Z`), DEFAULT_LOCALE),
			audiences: own(event.payload.ownerId),
			mail: true
		});
	}
});
