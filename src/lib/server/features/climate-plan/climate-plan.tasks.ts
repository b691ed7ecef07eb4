// Tasks that tell their owner: a task made of an agreement, or handed over, writes `climate_plan.task_assigned` in
// its transaction (climate-plan.meetings.ts); this hourly job writes `climate_plan.task_overdue` once per open task
// that passed its due date (Europe/Brussels), marking the task in the same transaction. The notifications feature
// tells the owner in the app and by mail as they chose (notifications.climate-plan.ts), while they still read the
// plan here. A task is marked only when its owner may hear of it: one whose owner lost their role stays unmarked,
// so the notice follows once the role is back.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { climatePlanTasks, municipalities, users } from '$lib/server/db/schema';
import { hasAbilitySql } from '$lib/server/platform/policy';
import type { NoticeSubject } from '$lib/domain/notifications';
import type { JobContext } from '$lib/server/platform/feature';
import { writeDomainEvent } from '$lib/server/platform/events';
import { mayHearOfTask } from './climate-plan.policy';
import { brusselsDay } from '$lib/server/platform/dates';

export const OVERDUE_JOB = 'climate-plan.tasks-overdue';

/**
 * Whether the task's owner (a living account) reads the plan here now: the SQL form of the policy's `mayHearOfTask`
 * (the climatePlan.view ability, `canViewPlan`'s rule), over the task's own row.
 */
const ownerMayHearSql = sql<boolean>`EXISTS (SELECT 1 FROM ${users} ou
	WHERE ou.id = ${climatePlanTasks.ownerId} AND ou.deleted_at IS NULL
		AND ${hasAbilitySql(sql`ou.id`, 'climatePlan.view', sql`${climatePlanTasks.municipalityId}`)})`;

/**
 * Marks the open tasks past their due date (before today in Brussels: the platform's `brusselsDay`) not told yet
 * whose owner may hear of it now, and returns them: each once, whatever runs at once.
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
				lt(t.dueOn, brusselsDay(params.now)),
				ownerMayHearSql
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
 * An overdue notice that was not sent after all (its owner lost the role between the job's run and the handling):
 * the task is unmarked, so the job notices it again once the owner reads the plan here again.
 */
export async function releaseOverdueNotice(db: Db, params: { municipalityId: string; id: number }) {
	await db
		.update(climatePlanTasks)
		.set({ overdueNoticedAt: null })
		.where(
			and(
				eq(climatePlanTasks.municipalityId, params.municipalityId),
				eq(climatePlanTasks.id, params.id),
				eq(climatePlanTasks.status, 'open')
			)
		);
}

/**
 * What a task's notification names and links to (the tasks page of the plan), with its status and owner; and
 * whether the owner may hear of it now (the policy's `mayHearOfTask`: while they read the plan here), in the
 * task's one read.
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
			primaryColor: municipalities.primaryColor,
			ownerView: ownerMayHearSql
		})
		.from(climatePlanTasks)
		.innerJoin(municipalities, eq(municipalities.id, climatePlanTasks.municipalityId))
		.where(
			and(eq(climatePlanTasks.municipalityId, params.municipalityId), eq(climatePlanTasks.id, params.id))
		)
		.limit(1);
	if (!row) return undefined;
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
		ownerMayHear: mayHearOfTask({ view: Boolean(row.ownerView) })
	};
}
