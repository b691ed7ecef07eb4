// The evaluation month of a citizen group: its members (the citizens) and the coaching staff (the municipality)
// record positive experiences and lessons learned in the workspace; they are shown on the group's public page.
// The coaching staff send a lesson back into the playbook as a proposal for a step of the trajectory, through the
// playbook's own use case (proposeStep: the step as the municipality has it, with the lesson as the reason), so
// the regional admin decides on it with the other proposals.
import { translate } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';
import { SESSION_LIMITS, type LessonKind, type LessonVoice } from '$lib/domain/groups-sessions';
import { proposeStep } from '$lib/server/features/playbook/playbook.trajectories.service';
import { auditWorkspace, openWorkspace, type WorkspaceScope } from './groups.access';
import type { GroupRow } from './groups.queries';
import {
	getLesson,
	insertLesson,
	listGroupSessions,
	listLessons,
	listStepsOfTrajectories,
	markLessonProposed
} from './groups.sessions.queries';
import { lessonSchema, proposeLessonSchema, sessionFieldOf } from './groups.sessions.schemas';

const validate = <S extends Parameters<typeof validateInput>[0]>(schema: S, input: unknown) =>
	validateInput(schema, input, { fallback: 'groups.errors.invalid', fieldOf: sessionFieldOf });

export interface PublicLessonView {
	id: number;
	kind: LessonKind;
	voice: LessonVoice;
	body: string;
	createdAt: string;
	/** Sent back into the playbook. */
	proposed: boolean;
}

/** What the group's public page shows of the evaluation: no names, only whose voice it is. */
export async function publicLessonsOf(
	db: Db,
	group: Pick<GroupRow, 'id' | 'municipalityId'>
): Promise<PublicLessonView[]> {
	const rows = await listLessons(db, { municipalityId: group.municipalityId, groupId: group.id });
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		voice: r.voice,
		body: r.body,
		createdAt: r.createdAt.toISOString(),
		proposed: r.proposalId !== null
	}));
}

export interface EvaluationPage {
	group: { id: number; name: string; workspacePath: string; groupPath: string };
	isStaff: boolean;
	lessons: (PublicLessonView & { authorName: string; proposedAt: string | null })[];
	/** The steps a lesson can be proposed for (staff only): those of the trajectories of the group's sessions. */
	steps: { id: number; label: string }[];
}

/** The trajectories the group's sessions belong to; none planned yet: every trajectory of the municipality. */
async function stepChoices(db: Db, scope: WorkspaceScope) {
	const tenant = { municipalityId: scope.group.municipalityId };
	const sessions = await listGroupSessions(db, { ...tenant, groupId: scope.group.id });
	const ids = [...new Set(sessions.flatMap((s) => (s.trajectoryId == null ? [] : [s.trajectoryId])))];
	const steps = await listStepsOfTrajectories(db, { ...tenant, trajectoryIds: ids.length ? ids : undefined });
	return steps.filter((s) => s.hasTemplate);
}

export async function getEvaluationPage(
	ctx: TenantCtx,
	input: { unverifiedId: unknown }
): Promise<EvaluationPage> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const former = translate(ctx.locale, 'groups.formerMember');
	const [rows, steps] = await Promise.all([
		listLessons(ctx.db, { municipalityId: scope.group.municipalityId, groupId: scope.group.id }),
		scope.isStaff ? stepChoices(ctx.db, scope) : []
	]);
	const base = `/${scope.slug}/groepen/${scope.group.id}`;
	return {
		group: {
			id: scope.group.id,
			name: scope.group.name,
			workspacePath: `${base}/werkruimte`,
			groupPath: base
		},
		isStaff: scope.isStaff,
		lessons: rows.map((r) => ({
			id: r.id,
			kind: r.kind,
			voice: r.voice,
			body: r.body,
			createdAt: r.createdAt.toISOString(),
			proposed: r.proposalId !== null,
			authorName: r.authorName ?? former,
			proposedAt: r.proposedAt?.toISOString() ?? null
		})),
		steps: steps.map((s) => ({ id: s.id, label: `${s.trajectoryTitle}: ${s.title}` }))
	};
}

export const LESSON_RATE_LIMIT = { limit: SESSION_LIMITS.lessonsPerHour, windowSeconds: 3_600 } as const;

/**
 * A positive experience or a lesson learned, written by a member (the citizens' voice) or the coaching staff
 * (the municipality's); it shows on the group's public page at once.
 */
export async function addLesson(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof lessonSchema> }
): Promise<{ id: number }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const values = validate(lessonSchema, input.values);
	await enforceRateLimits(
		ctx.db,
		[{ key: `group-lesson:user:${scope.actor.userId}`, ...LESSON_RATE_LIMIT }],
		'groups.errors.rateLimited',
		'body'
	);
	return insertLesson(ctx.db, {
		municipalityId: scope.group.municipalityId,
		groupId: scope.group.id,
		kind: values.kind,
		voice: scope.membership ? 'citizens' : 'municipality',
		body: values.body,
		authorId: scope.actor.userId
	});
}

/**
 * The coaching staff send a lesson back into the playbook: a proposal for a step of the trajectory (the step as
 * the municipality has it now, the lesson as the reason), made by the playbook's proposeStep in this
 * transaction; the lesson keeps its proposal. A lesson sent once is refused a second time; members may not.
 */
export async function proposeLesson(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; unverifiedLessonId: unknown; values: RawInput<typeof proposeLessonSchema> }
): Promise<{ proposalId: number }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	if (!scope.isStaff) throw new AppError('forbidden', { message: 'groupSessions.errors.staffOnly' });
	const lessonId = parseId(input.unverifiedLessonId);
	const tenant = { municipalityId: scope.group.municipalityId, groupId: scope.group.id };
	if (lessonId === null || !(await getLesson(ctx.db, { ...tenant, id: lessonId })))
		throw new AppError('not_found');
	const values = validate(proposeLessonSchema, input.values);
	const step = (await stepChoices(ctx.db, scope)).find((s) => s.id === values.step);
	if (!step)
		throw new AppError('validation', {
			fields: { step: ['groupSessions.errors.step'] },
			message: 'groupSessions.errors.step'
		});
	return ctx.db.transaction(async (tx) => {
		const lesson = await getLesson(tx, { ...tenant, id: lessonId, forUpdate: true });
		if (!lesson) throw new AppError('not_found');
		if (lesson.proposalId !== null)
			throw new AppError('conflict', { message: 'groupSessions.errors.alreadyProposed' });
		const reason = translate(ctx.locale, 'groupSessions.evaluation.proposalReason', {
			group: scope.group.name,
			text: lesson.body
		}).slice(0, 2_000);
		const { id } = await proposeStep(
			{ ...ctx, db: tx },
			{ unverifiedTrajectoryId: step.trajectoryId, unverifiedStepId: step.id, reason }
		);
		await markLessonProposed(tx, { ...tenant, id: lesson.id, proposalId: id });
		await auditWorkspace(tx, scope, 'group.lesson_proposed', {
			lessonId: lesson.id,
			proposalId: id,
			stepId: step.id,
			step: step.title
		});
		return { proposalId: id };
	});
}
