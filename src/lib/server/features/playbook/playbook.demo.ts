// Demo content of the playbook: Geel runs the Klimaatdoeners trajectory, started six weeks ago: the preparation,
// the call and the Kickoff are done (ticked by Bart Claes, Geel's sustainability officer, when his account exists
// already), the sessions are dated sessions on the trajectory, the rest is ahead.
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities, playbookTrajectories, users } from '$lib/server/db/schema';
import { addDays, isoDate, planTrajectory } from '$lib/domain/playbook';
import { getTemplateBySlug, insertPhase, insertSteps, insertTrajectory } from './playbook.queries';
import { KLIMAATDOENERS } from './playbook.seed';

const DAY = 86_400_000;

export async function seedDemoPlaybook(
	db: Db,
	options: { now?: Date } = {}
): Promise<{ trajectories: number }> {
	const now = options.now ?? new Date();
	const [geel] = await db
		.select({ id: municipalities.id, regionId: municipalities.regionId })
		.from(municipalities)
		.where(eq(municipalities.slug, 'geel'));
	const template = await getTemplateBySlug(db, { slug: KLIMAATDOENERS.slug });
	if (!geel || !template?.publishedContent || template.regionId !== geel.regionId) return { trajectories: 0 };
	const [already] = await db
		.select({ id: playbookTrajectories.id })
		.from(playbookTrajectories)
		.where(
			and(eq(playbookTrajectories.municipalityId, geel.id), eq(playbookTrajectories.templateId, template.id))
		)
		.limit(1);
	if (already) return { trajectories: 0 };
	const [bart] = await db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, 'bart.claes@example.be'))
		.limit(1);
	const startsOn = isoDate(new Date(now.getTime() - 45 * DAY));
	const content = template.publishedContent;
	const plan = planTrajectory(startsOn, content.phases);
	const { id } = await insertTrajectory(db, {
		municipalityId: geel.id,
		templateId: template.id,
		templateTitle: template.publishedTitle ?? template.title,
		templateVersion: template.version,
		title: 'Klimaatdoeners Geel 2026',
		theme: 'Klimaat',
		startsOn,
		createdBy: bart?.id ?? null
	});
	let position = 0;
	const today = isoDate(now);
	for (const [i, phase] of content.phases.entries()) {
		const planned = plan[i]!;
		const { id: phaseId } = await insertPhase(db, {
			municipalityId: geel.id,
			trajectoryId: id,
			position: i,
			phaseKey: phase.key,
			title: phase.title,
			description: phase.description,
			startsOn: planned.startsOn,
			endsOn: planned.endsOn
		});
		await insertSteps(
			db,
			phase.steps.map((step, j) => {
				const dueOn = planned.steps[j]!.dueOn;
				// Everything that was due is done, a day after it was due (what falls today or later is ahead).
				const done = addDays(dueOn, 1) < today;
				return {
					municipalityId: geel.id,
					trajectoryId: id,
					phaseId,
					position: position++,
					stepKey: step.key,
					title: step.title,
					description: step.description,
					role: step.role,
					dueOn,
					checklist: step.checklist,
					session: step.session,
					communication: step.communication,
					sessionStartsAt: step.session ? new Date(`${dueOn}T18:30:00Z`) : null,
					doneAt: done ? new Date(`${addDays(dueOn, 1)}T09:00:00Z`) : null,
					doneBy: done ? (bart?.id ?? null) : null
				};
			})
		);
	}
	return { trajectories: 1 };
}
