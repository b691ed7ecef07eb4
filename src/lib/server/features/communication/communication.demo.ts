// Demo communication plans for Geel: one for the action of its soonest upcoming event and one for that event, with
// the usual moments (their announcement falls today, so the week's calendar shows them at once) and the action's
// Facebook announcement already marked published.
import { and, asc, eq, gt, isNotNull } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { communicationMoments, communicationTexts, events, municipalities } from '$lib/server/db/schema';
import { getSubject } from './communication.queries';
import { insertPlanWithDefaults } from './communication.service';
import { brusselsDay } from '$lib/server/platform/dates';

export async function seedDemoCommunication(db: Db, options: { now?: Date } = {}): Promise<void> {
	const now = options.now ?? new Date();
	const [geel] = await db
		.select({ id: municipalities.id })
		.from(municipalities)
		.where(eq(municipalities.slug, 'geel'));
	if (!geel) return;
	const [event] = await db
		.select({ id: events.id, actionId: events.actionId })
		.from(events)
		.where(
			and(
				eq(events.municipalityId, geel.id),
				eq(events.status, 'published'),
				gt(events.startsAt, now),
				isNotNull(events.actionId)
			)
		)
		.orderBy(asc(events.startsAt))
		.limit(1);
	if (!event?.actionId) return;
	const today = brusselsDay(now);
	const plans: number[] = [];
	for (const [kind, id] of [
		['action', event.actionId],
		['event', event.id]
	] as const) {
		const subject = await getSubject(db, { municipalityId: geel.id, kind, id });
		if (!subject) continue;
		// Made by nobody in particular: the demo's people get their accounts when the platform starts.
		const plan = await insertPlanWithDefaults(db, {
			municipalityId: geel.id,
			subject,
			createdBy: null,
			today
		});
		if (plan !== null) plans.push(plan);
	}
	const [actionPlan] = plans;
	if (actionPlan === undefined) return;
	const [facebook] = await db
		.select({ id: communicationTexts.id })
		.from(communicationTexts)
		.innerJoin(communicationMoments, eq(communicationMoments.id, communicationTexts.momentId))
		.where(
			and(
				eq(communicationMoments.planId, actionPlan),
				eq(communicationMoments.kind, 'announce'),
				eq(communicationTexts.channel, 'facebook')
			)
		)
		.limit(1);
	if (facebook)
		await db
			.update(communicationTexts)
			.set({ publishedAt: now })
			.where(eq(communicationTexts.id, facebook.id));
}
