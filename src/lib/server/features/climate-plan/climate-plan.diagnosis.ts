// Use cases of the diagnosis of how departments cooperate today (seed 004): a short questionnaire per department
// (statements on a scale of 1 to 5 and a text), asked in rounds that the sustainability service opens and closes,
// with the results of every round side by side. Whoever steers the plan answers for any department; a staff member
// for the department they belong to (the policy's `canAnswerDiagnosis`).
import { AppError } from '$lib/server/platform/errors';
import type { RawInput } from '$lib/server/platform/validation';
import type { Db } from '$lib/server/db/client';
import { parseId } from '$lib/domain/ids';
import {
	DIAGNOSIS_QUESTIONS,
	type DiagnosisQuestion,
	type DiagnosisScores
} from '$lib/domain/climate-plan-teams';
import { canAnswerDiagnosis } from './climate-plan.policy';
import { command, read, type PlanScope } from './climate-plan.access';
import { listPlanDepartments, type NamedRow } from './climate-plan.queries';
import {
	closeRound,
	getDepartmentOfPerson,
	insertRound,
	listAnswers,
	listRounds,
	upsertAnswer,
	type RoundRow
} from './climate-plan.teams.queries';
import { answerSchema, roundSchema } from './climate-plan.teams.schemas';

const target = (scope: PlanScope) => ({
	municipalityId: scope.municipality.id,
	regionId: scope.municipality.regionId
});

export interface RoundResult {
	id: number;
	name: string;
	open: boolean;
	createdAt: string;
	/** How many departments answered. */
	answered: number;
	/** The average per statement (null when nobody answered). */
	averages: Record<DiagnosisQuestion, number | null>;
	/** Per department: its average over the statements, or null when it did not answer. */
	departments: Record<number, number | null>;
	comments: { department: string; comment: string }[];
}

export interface DiagnosisPage {
	rounds: RoundResult[];
	departments: NamedRow[];
	/** The departments this person may answer for (every one for those who steer the plan). */
	answerable: number[];
	canManage: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (values: number[]) =>
	values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null;

/** Every round's results side by side: averages per statement and per department, and the texts. */
export const getDiagnosisPage = read({
	load: async (ctx, scope): Promise<DiagnosisPage> => {
		const municipalityId = scope.municipality.id;
		const rounds = await listRounds(ctx.db, { municipalityId });
		const departments = await listPlanDepartments(ctx.db, { municipalityId });
		const answers = await listAnswers(ctx.db, { municipalityId, roundIds: rounds.map((r) => r.id) });
		const own = await getDepartmentOfPerson(ctx.db, { municipalityId, userId: scope.actor.userId });
		const names = new Map(departments.map((d) => [d.id, d.name]));
		return {
			rounds: rounds.map((r) => {
				const mine = answers.filter((a) => a.roundId === r.id && names.has(a.departmentId));
				return {
					id: r.id,
					name: r.name,
					open: r.closedAt === null,
					createdAt: new Date(r.createdAt).toISOString(),
					answered: mine.length,
					averages: Object.fromEntries(
						DIAGNOSIS_QUESTIONS.map((q) => [q, mean(mine.map((a) => a.scores[q]).filter(Number.isFinite))])
					) as Record<DiagnosisQuestion, number | null>,
					departments: Object.fromEntries(
						departments.map((d) => {
							const a = mine.find((x) => x.departmentId === d.id);
							return [d.id, a ? mean(DIAGNOSIS_QUESTIONS.map((q) => a.scores[q])) : null];
						})
					),
					comments: mine
						.filter((a) => a.comment)
						.map((a) => ({ department: names.get(a.departmentId)!, comment: a.comment }))
				};
			}),
			departments,
			answerable: departments
				.filter((d) => canAnswerDiagnosis(scope.actor, target(scope), d.id, own))
				.map((d) => d.id),
			canManage: scope.canManage
		};
	}
});

export const openDiagnosisRound = command({
	load: async (_ctx, _scope, input: RawInput<typeof roundSchema>) => input,
	schema: roundSchema,
	execute: async (tx, { scope, values, record }): Promise<{ id: number }> => {
		const round = await insertRound(tx, { municipalityId: scope.municipality.id, name: values.name });
		if (!round)
			throw new AppError('validation', {
				fields: { name: ['climatePlan.teams.errors.roundNameTaken'] },
				message: 'climatePlan.teams.errors.roundNameTaken'
			});
		record.audit({
			action: 'climate_plan.diagnosis_round_opened',
			details: { roundId: round.id, name: values.name }
		});
		return round;
	}
});

async function findRound(db: Db, scope: PlanScope, unverifiedId: unknown): Promise<RoundRow> {
	const id = parseId(unverifiedId);
	const round =
		id === null
			? undefined
			: (await listRounds(db, { municipalityId: scope.municipality.id })).find((r) => r.id === id);
	if (!round) throw new AppError('not_found');
	return round;
}

export const previewRoundClosing = command({
	load: (ctx, scope, input: { unverifiedId: unknown }) => findRound(ctx.db, scope, input.unverifiedId)
});

/** Closes a round: its answers stay as they are and no more are taken. */
export const closeDiagnosisRound = command({
	load: (ctx, scope, input: { unverifiedId: unknown }) => findRound(ctx.db, scope, input.unverifiedId),
	execute: async (tx, { scope, loaded, record }) => {
		await closeRound(tx, { municipalityId: scope.municipality.id, id: loaded.id });
		record.audit({
			action: 'climate_plan.diagnosis_round_closed',
			details: { roundId: loaded.id, name: loaded.name }
		});
		return { id: loaded.id };
	}
});

export interface AnswerForm {
	round: { id: number; name: string; open: boolean };
	departments: NamedRow[];
	/** What was answered before in this round, per department (to change it). */
	previous: Record<number, { scores: DiagnosisScores; comment: string }>;
}

/** The questionnaire of a round, for the departments this person may answer for. */
export const getAnswerForm = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<AnswerForm> => {
		const round = await findRound(ctx.db, scope, input.unverifiedId);
		const municipalityId = scope.municipality.id;
		const own = await getDepartmentOfPerson(ctx.db, { municipalityId, userId: scope.actor.userId });
		const departments = (await listPlanDepartments(ctx.db, { municipalityId })).filter((d) =>
			canAnswerDiagnosis(scope.actor, target(scope), d.id, own)
		);
		if (departments.length === 0)
			throw new AppError('forbidden', { message: 'climatePlan.teams.errors.notYourDepartment' });
		const answers = await listAnswers(ctx.db, { municipalityId, roundIds: [round.id] });
		return {
			round: { id: round.id, name: round.name, open: round.closedAt === null },
			departments,
			previous: Object.fromEntries(
				answers.map((a) => [a.departmentId, { scores: a.scores, comment: a.comment }])
			)
		};
	}
});

/** A department's answers in an open round (answering again replaces them). */
export const answerDiagnosis = read({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof answerSchema>) =>
		findRound(ctx.db, scope, input.unverifiedId),
	schema: answerSchema,
	prepare: async ({ ctx, scope, loaded, values }) => {
		if (loaded.closedAt !== null)
			throw new AppError('conflict', { message: 'climatePlan.teams.errors.roundClosed' });
		const municipalityId = scope.municipality.id;
		const departments = await listPlanDepartments(ctx.db, { municipalityId });
		if (!departments.some((d) => d.id === values.department))
			throw new AppError('validation', {
				fields: { department: ['climatePlan.teams.errors.department'] },
				message: 'climatePlan.teams.errors.department'
			});
		const own = await getDepartmentOfPerson(ctx.db, { municipalityId, userId: scope.actor.userId });
		if (!canAnswerDiagnosis(scope.actor, target(scope), values.department, own))
			throw new AppError('forbidden', { message: 'climatePlan.teams.errors.notYourDepartment' });
	},
	execute: async (tx, { scope, loaded, values, record }) => {
		const scores = Object.fromEntries(DIAGNOSIS_QUESTIONS.map((q) => [q, values[q]])) as DiagnosisScores;
		await upsertAnswer(tx, {
			municipalityId: scope.municipality.id,
			roundId: loaded.id,
			departmentId: values.department,
			scores,
			comment: values.comment,
			answeredBy: scope.actor.userId
		});
		record.audit({
			action: 'climate_plan.diagnosis_answered',
			details: { roundId: loaded.id, departmentId: values.department }
		});
		return { roundId: loaded.id };
	}
});
