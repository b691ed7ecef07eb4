// Tasks that tell their owner: a task made of an agreement, or handed over, writes `climate_plan.task_assigned` in
// its transaction (climate-plan.meetings.ts); this hourly job writes `climate_plan.task_overdue` once per open task
// that passed its due date (Europe/Brussels), marking the task in the same transaction. The notifications feature
// tells the owner in the app and by mail as they chose (notifications.climate-plan.ts), while they still read the
// plan here.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { climatePlanTasks, municipalities } from '$lib/server/db/schema';
import type { NoticeSubject } from '$lib/domain/notifications';
import type { JobContext } from '$lib/server/platform/feature';
import { writeDomainEvent } from '$lib/server/platform/events';
import { mayHearOfTask } from './climate-plan.policy';
import { brusselsToday } from './climate-plan.present';
import { getPlanPerson } from './climate-plan.queries';

export const OVERDUE_JOB = 'climate-plan.tasks-overdue';

/**
 * Marks the open tasks past their due date (before today in Brussels: the plan's one `brusselsToday`) not told yet,
 * and returns them: each once, whatever runs at once.
 */
async function claimOverdueTasks(db: Db, params: { now: Date }) {
	const t = climatePlanTasks;
	return db
		.update(t)
		.set({ overdueNoticedAt: params.now })
		.where(
			and(
				eq(t.status, 'open'),
				sql`${t.overdueNoticedAt} IS NULL`,
				sql`${t.ownerId} IS NOT NULL`,
				lt(t.dueOn, brusselsToday(params.now))
			)
		)
		.returning({
			id: t.id,
			municipalityId: t.municipalityId,
			ownerId: t.ownerId,
			title: t.title,
			dueOn: t.dueOn
		});
}

/** Writes the overdue event of every open task past its due date, once; returns how many. */
export async function noticeOverdueTasks(ctx: Pick<JobContext, 'db' | 'log'>, input: { now?: Date } = {}) {
	const now = input.now ?? new Date();
	const count = await ctx.db.transaction(async (tx) => {
		const tasks = await claimOverdueTasks(tx, { now });
		for (const task of tasks)
			await writeDomainEvent(tx, {
				type: 'climate_plan.task_overdue',
				subjectKind: 'climate_plan_task',
				municipalityId: task.municipalityId,
				subjectId: task.id,
				actorId: null,
				payload: { ownerId: task.ownerId!, title: task.title, dueOn: task.dueOn }
			});
		return tasks.length;
	});
	if (count > 0) ctx.log.info({ count }, 'climate plan tasks past their due date noticed');
	return count;
}

/**
 * What a task's notification names and links to (the tasks page of the plan), with its status and owner; and
 * whether the owner may hear of it now (the policy's `mayHearOfTask`: while they read the plan here).
 */
export async function taskNoticeSubject(
	db: Db,
	params: { municipalityId: string; id: number }
): Promise<(NoticeSubject & { status: string; ownerId: string | null; ownerMayHear: boolean }) | undefined> {
	const [row] = await db
		.select({
			title: climatePlanTasks.title,
			status: climatePlanTasks.status,
			ownerId: climatePlanTasks.ownerId,
			slug: municipalities.slug,
			municipalityName: municipalities.name,
			primaryColor: municipalities.primaryColor
		})
		.from(climatePlanTasks)
		.innerJoin(municipalities, eq(municipalities.id, climatePlanTasks.municipalityId))
		.where(
			and(eq(climatePlanTasks.municipalityId, params.municipalityId), eq(climatePlanTasks.id, params.id))
		)
		.limit(1);
	if (!row) return undefined;
	const owner = row.ownerId
		? await getPlanPerson(db, { municipalityId: params.municipalityId, userId: row.ownerId })
		: undefined;
	return {
		municipalityId: params.municipalityId,
		municipalitySlug: row.slug,
		municipalityName: row.municipalityName,
		primaryColor: row.primaryColor,
		title: row.title,
		path: `/${row.slug}/beheer/klimaatplan/taken`,
		actionId: null,
		actionTitle: null,
		status: row.status,
		ownerId: row.ownerId,
		ownerMayHear: mayHearOfTask(owner)
	};
}
