// Use cases of the meetings of the internal trajectory (seed 004): a relaunch day with one person per department, a
// one-to-one lunch talk between the sustainability service and a department, a climate team's meeting; recorded
// with date, kind, department or team, who took part, notes and agreements. Each agreement becomes once either a
// plan action (pre-filled from the agreement, linked back to the meeting) or a task with an owner (staff here), a
// due date and a status; owners see their open tasks and mark them done. Staff read; the sustainability service
// and admins record and convert (climate-plan.access.ts); the task's rule is the policy's `canChangeTask`.
import { AppError, type FieldErrors } from '$lib/server/platform/errors';
import type { RawInput } from '$lib/server/platform/validation';
import type { Db } from '$lib/server/db/client';
import type { MessageKey } from '$lib/i18n';
import { parseId } from '$lib/domain/ids';
import { MEETING_KINDS, TEAM_LIMITS, type MeetingKind } from '$lib/domain/climate-plan-teams';
import { PLAN_LIMITS } from '$lib/domain/climate-plan';
import { canChangeTask } from './climate-plan.policy';
import { command, read, type PlanScope } from './climate-plan.access';
import {
	insertPlanAction,
	listPlanDepartments,
	listPlanPeople,
	setInvolvedDepartments,
	type NamedRow
} from './climate-plan.queries';
import { planActionSchema } from './climate-plan.schemas';
import {
	checkChoices,
	duplicateCode,
	formChoices,
	formFields,
	type PlanFormChoices
} from './climate-plan.service';
import {
	claimAgreement,
	countAgreements,
	deleteAgreement,
	deleteMeeting,
	getAgreement,
	getMeeting,
	getTask,
	insertAgreement,
	insertMeeting,
	insertParticipants,
	insertTask,
	listAgreements,
	listMeetings,
	listParticipants,
	listStaffWithDepartments,
	listTasks,
	listTeams,
	removeParticipant,
	setTaskOwner,
	setTaskStatus,
	updateMeetingNotes,
	type AgreementRow,
	type MeetingRow,
	type TaskRow
} from './climate-plan.teams.queries';
import {
	agreementSchema,
	meetingNotesSchema,
	meetingParticipantsSchema,
	meetingSchema,
	taskHandoverSchema,
	taskSchema,
	taskStatusSchema
} from './climate-plan.teams.schemas';
import { checkStaff } from './climate-plan.teams';
import { personSchema } from './climate-plan.teams.schemas';

const refuse = (field: string, message: MessageKey): never => {
	throw new AppError('validation', { fields: { [field]: [message] } as FieldErrors, message });
};

const target = (scope: PlanScope) => ({
	municipalityId: scope.municipality.id,
	regionId: scope.municipality.regionId
});

/** The meeting of this municipality by an id from the address; anything else is not found. */
export async function findMeeting(db: Db, scope: PlanScope, unverifiedId: unknown): Promise<MeetingRow> {
	const id = parseId(unverifiedId);
	const meeting =
		id === null ? undefined : await getMeeting(db, { municipalityId: scope.municipality.id, id });
	if (!meeting) throw new AppError('not_found');
	return meeting;
}

/** An agreement under the meeting of the address, both of this municipality; anything else is not found. */
async function findAgreement(
	db: Db,
	scope: PlanScope,
	input: { unverifiedMeetingId: unknown; unverifiedId: unknown },
	forUpdate = false
) {
	const meeting = await findMeeting(db, scope, input.unverifiedMeetingId);
	const id = parseId(input.unverifiedId);
	const agreement =
		id === null
			? undefined
			: await getAgreement(db, {
					municipalityId: scope.municipality.id,
					meetingId: meeting.id,
					id,
					forUpdate
				});
	if (!agreement) throw new AppError('not_found');
	return { meeting, agreement };
}

const alreadyConverted = () =>
	new AppError('conflict', { message: 'climatePlan.teams.errors.alreadyConverted' });

// ---------------------------------------------------------------------------------------------
// The list and the form of a new meeting
// ---------------------------------------------------------------------------------------------

export interface MeetingsPage {
	meetings: MeetingRow[];
	canManage: boolean;
}

export const getMeetingsPage = read({
	load: async (ctx, scope): Promise<MeetingsPage> => ({
		meetings: await listMeetings(ctx.db, { municipalityId: scope.municipality.id }),
		canManage: scope.canManage
	})
});

export interface MeetingForm {
	kind: MeetingKind | null;
	departments: NamedRow[];
	teams: NamedRow[];
	people: { id: string; name: string; departmentId: number | null }[];
}

/** What the form of a new meeting offers, for the kind chosen (or none yet). */
export const getMeetingForm = command({
	load: async (ctx, scope, input: { kind: unknown }): Promise<MeetingForm> => {
		const municipalityId = scope.municipality.id;
		const kind = (MEETING_KINDS as readonly unknown[]).includes(input.kind)
			? (input.kind as MeetingKind)
			: null;
		const staff = await listStaffWithDepartments(ctx.db, { municipalityId });
		return {
			kind,
			departments: await listPlanDepartments(ctx.db, { municipalityId }),
			teams: (await listTeams(ctx.db, { municipalityId })).map(({ id, name }) => ({ id, name })),
			people: staff.map(({ id, name, departmentId }) => ({ id, name, departmentId }))
		};
	}
});

/** Records a meeting with who took part: all of it, or nothing when a department, team or person is not of here. */
export const recordMeeting = command({
	load: async (_ctx, _scope, input: RawInput<typeof meetingSchema>) => input,
	schema: meetingSchema,
	prepare: async ({ ctx, scope, values }) => {
		const municipalityId = scope.municipality.id;
		const departments = new Set((await listPlanDepartments(ctx.db, { municipalityId })).map((d) => d.id));
		if (values.kind === 'lunch_talk' && !departments.has(values.department!))
			refuse('department', 'climatePlan.teams.errors.department');
		if (values.kind === 'team_meeting') {
			const teams = await listTeams(ctx.db, { municipalityId });
			if (!teams.some((t) => t.id === values.team)) refuse('team', 'climatePlan.teams.errors.team');
		}
		if (values.kind === 'relaunch_day') {
			if (values.representatives.some((r) => !departments.has(r.departmentId)))
				refuse('representatives', 'climatePlan.teams.errors.department');
			await checkStaff(
				ctx.db,
				scope,
				values.representatives.map((r) => r.userId),
				'representatives'
			);
			if (new Set(values.representatives.map((r) => r.userId)).size !== values.representatives.length)
				refuse('representatives', 'climatePlan.teams.errors.onePersonOnce');
		} else await checkStaff(ctx.db, scope, values.participants, 'participants');
	},
	execute: async (tx, { scope, values, record }): Promise<{ id: number }> => {
		const municipalityId = scope.municipality.id;
		const meeting = await insertMeeting(tx, {
			municipalityId,
			kind: values.kind,
			heldOn: values.heldOn,
			departmentId: values.kind === 'lunch_talk' ? values.department : null,
			teamId: values.kind === 'team_meeting' ? values.team : null,
			notes: values.notes,
			createdBy: scope.actor.userId
		});
		await insertParticipants(tx, {
			municipalityId,
			meetingId: meeting.id,
			people:
				values.kind === 'relaunch_day'
					? values.representatives
					: values.participants.map((userId) => ({
							userId,
							departmentId: values.kind === 'lunch_talk' ? values.department : null
						}))
		});
		record.audit({
			action: 'climate_plan.meeting_recorded',
			details: { meetingId: meeting.id, kind: values.kind, heldOn: values.heldOn }
		});
		return meeting;
	}
});

// ---------------------------------------------------------------------------------------------
// A meeting's page: participants, notes, agreements
// ---------------------------------------------------------------------------------------------

export interface MeetingPage {
	meeting: MeetingRow;
	participants: Awaited<ReturnType<typeof listParticipants>>;
	agreements: AgreementRow[];
	people: { id: string; name: string }[];
	canManage: boolean;
}

export const getMeetingPage = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<MeetingPage> => {
		const meeting = await findMeeting(ctx.db, scope, input.unverifiedId);
		const municipalityId = scope.municipality.id;
		return {
			meeting,
			participants: await listParticipants(ctx.db, { municipalityId, meetingId: meeting.id }),
			agreements: await listAgreements(ctx.db, { municipalityId, meetingId: meeting.id }),
			people: scope.canManage
				? (await listStaffWithDepartments(ctx.db, { municipalityId })).map(({ id, name }) => ({ id, name }))
				: [],
			canManage: scope.canManage
		};
	}
});

export const editMeeting = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof meetingNotesSchema>) =>
		findMeeting(ctx.db, scope, input.unverifiedId),
	schema: meetingNotesSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		await updateMeetingNotes(tx, { municipalityId: scope.municipality.id, id: loaded.id, ...values });
		record.audit({ action: 'climate_plan.meeting_changed', details: { meetingId: loaded.id } });
		return { id: loaded.id };
	}
});

/**
 * Adds people to a meeting after it was recorded: staff of here only, all or nothing; who already took part stays
 * once. At a lunch talk they stand for its department; elsewhere for their own department (if any).
 */
export const addMeetingParticipants = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof meetingParticipantsSchema>) =>
		findMeeting(ctx.db, scope, input.unverifiedId),
	schema: meetingParticipantsSchema,
	prepare: async ({ ctx, scope, values }) => {
		if (values.participants.length === 0) refuse('participants', 'climatePlan.teams.errors.nobody');
		await checkStaff(ctx.db, scope, values.participants, 'participants');
		return listStaffWithDepartments(ctx.db, { municipalityId: scope.municipality.id });
	},
	execute: async (tx, { scope, loaded, values, prepared, record }): Promise<{ added: number }> => {
		const municipalityId = scope.municipality.id;
		const before = await listParticipants(tx, { municipalityId, meetingId: loaded.id });
		const present = new Set(before.map((p) => p.id));
		const added = values.participants.filter((id) => !present.has(id));
		const departmentOf = new Map(prepared.map((s) => [s.id, s.departmentId]));
		await insertParticipants(tx, {
			municipalityId,
			meetingId: loaded.id,
			people: added.map((userId) => ({
				userId,
				departmentId: loaded.kind === 'lunch_talk' ? loaded.departmentId : (departmentOf.get(userId) ?? null)
			}))
		});
		record.audit({
			action: 'climate_plan.meeting_participant_added',
			details: { meetingId: loaded.id, people: added }
		});
		return { added: added.length };
	}
});

/** Takes a person out of a meeting's participants. */
export const removeMeetingParticipant = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof personSchema>) =>
		findMeeting(ctx.db, scope, input.unverifiedId),
	schema: personSchema,
	execute: async (tx, { scope, loaded, values, record }): Promise<{ meetingId: number }> => {
		const removed = await removeParticipant(tx, {
			municipalityId: scope.municipality.id,
			meetingId: loaded.id,
			userId: values.person
		});
		if (removed === 0) throw new AppError('not_found');
		record.audit({
			action: 'climate_plan.meeting_participant_removed',
			details: { meetingId: loaded.id, person: values.person }
		});
		return { meetingId: loaded.id };
	}
});

export const previewMeetingRemoval = command({
	load: (ctx, scope, input: { unverifiedId: unknown }) => findMeeting(ctx.db, scope, input.unverifiedId)
});

/** Removes a meeting with its participants, agreements and their tasks; plan actions made from it stay. */
export const removeMeeting = command({
	load: (ctx, scope, input: { unverifiedId: unknown }) => findMeeting(ctx.db, scope, input.unverifiedId),
	execute: async (tx, { scope, loaded, record }) => {
		await deleteMeeting(tx, { municipalityId: scope.municipality.id, id: loaded.id });
		record.audit({
			action: 'climate_plan.meeting_removed',
			details: { meetingId: loaded.id, kind: loaded.kind, heldOn: loaded.heldOn }
		});
		return { removed: 1 };
	}
});

export const addAgreement = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof agreementSchema>) =>
		findMeeting(ctx.db, scope, input.unverifiedId),
	schema: agreementSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const municipalityId = scope.municipality.id;
		if ((await countAgreements(tx, { municipalityId, meetingId: loaded.id })) >= TEAM_LIMITS.agreementsMax)
			refuse('text', 'climatePlan.teams.errors.tooManyAgreements');
		const agreement = await insertAgreement(tx, { municipalityId, meetingId: loaded.id, text: values.text });
		record.audit({
			action: 'climate_plan.agreement_added',
			details: { meetingId: loaded.id, agreementId: agreement.id }
		});
		return agreement;
	}
});

type AgreementTarget = { unverifiedMeetingId: unknown; unverifiedId: unknown };

export const previewAgreementRemoval = command({
	load: (ctx, scope, input: AgreementTarget) => findAgreement(ctx.db, scope, input)
});

/** Removes an agreement that is still open (one that became an action or a task stays as the record of it). */
export const removeAgreement = command({
	load: (ctx, scope, input: AgreementTarget) => findAgreement(ctx.db, scope, input),
	execute: async (tx, { scope, loaded, record }) => {
		const { agreement } = await findAgreement(
			tx,
			scope,
			{ unverifiedMeetingId: loaded.meeting.id, unverifiedId: loaded.agreement.id },
			true
		);
		if (agreement.outcome !== 'open') throw alreadyConverted();
		await deleteAgreement(tx, {
			municipalityId: scope.municipality.id,
			meetingId: loaded.meeting.id,
			id: agreement.id
		});
		record.audit({
			action: 'climate_plan.agreement_removed',
			details: { meetingId: loaded.meeting.id, agreementId: agreement.id }
		});
		return { meetingId: loaded.meeting.id };
	}
});

// ---------------------------------------------------------------------------------------------
// An agreement becomes a plan action or a task, once
// ---------------------------------------------------------------------------------------------

export interface AgreementActionForm {
	meeting: MeetingRow;
	agreement: { id: number; text: string };
	choices: PlanFormChoices;
	/** The plan action's fields as the agreement suggests them. */
	initial: {
		title: string;
		description: string;
		themeId: number | null;
		leadDepartmentId: number | null;
	};
}

/** The plan action form pre-filled from an open agreement: its text, the lunch talk's department, the team's theme. */
export const getAgreementActionForm = command({
	load: async (ctx, scope, input: AgreementTarget): Promise<AgreementActionForm> => {
		const { meeting, agreement } = await findAgreement(ctx.db, scope, input);
		if (agreement.outcome !== 'open') throw alreadyConverted();
		const firstLine = agreement.text.split('\n')[0]!.trim();
		return {
			meeting,
			agreement: { id: agreement.id, text: agreement.text },
			choices: await formChoices(ctx.db, scope.municipality.id),
			initial: {
				title:
					firstLine.length > PLAN_LIMITS.titleMax
						? `${firstLine.slice(0, PLAN_LIMITS.titleMax - 1)}…`
						: firstLine,
				description: agreement.text,
				themeId: meeting.teamThemeId,
				leadDepartmentId: meeting.departmentId
			}
		};
	}
});

/**
 * Makes the plan action of an agreement, in one transaction with marking the agreement: the agreement is locked
 * and only an open one is claimed, so it becomes a plan action exactly once (a second try is refused with
 * "already done", nothing saved).
 */
export const agreementToPlanAction = command({
	load: (ctx, scope, input: AgreementTarget & RawInput<typeof planActionSchema>) =>
		findAgreement(ctx.db, scope, input),
	schema: planActionSchema,
	prepare: async ({ ctx, scope, values, loaded }) => {
		if (loaded.agreement.outcome !== 'open') throw alreadyConverted();
		await checkChoices(ctx.db, scope, values);
	},
	execute: async (tx, { scope, loaded, values, record }): Promise<{ id: number; meetingId: number }> => {
		const municipalityId = scope.municipality.id;
		await findAgreement(
			tx,
			scope,
			{ unverifiedMeetingId: loaded.meeting.id, unverifiedId: loaded.agreement.id },
			true
		);
		const created = await insertPlanAction(tx, { municipalityId, values: formFields(values) }).catch(
			duplicateCode
		);
		await setInvolvedDepartments(tx, {
			municipalityId,
			planActionId: created.id,
			departmentIds: values.involved
		});
		const claimed = await claimAgreement(tx, {
			municipalityId,
			id: loaded.agreement.id,
			outcome: 'action',
			planActionId: created.id
		});
		if (!claimed) throw alreadyConverted();
		record.audit({
			action: 'climate_plan.action_created',
			details: { planActionId: created.id, name: values.title }
		});
		record.audit({
			action: 'climate_plan.agreement_to_action',
			details: {
				planActionId: created.id,
				name: values.title,
				meetingId: loaded.meeting.id,
				agreementId: loaded.agreement.id
			}
		});
		return { id: created.id, meetingId: loaded.meeting.id };
	}
});

/** Makes a task of an agreement: an owner who is staff here, a due date; once, as with a plan action. */
export const agreementToTask = command({
	load: (ctx, scope, input: AgreementTarget & RawInput<typeof taskSchema>) =>
		findAgreement(ctx.db, scope, input),
	schema: taskSchema,
	prepare: async ({ ctx, scope, values, loaded }) => {
		if (loaded.agreement.outcome !== 'open') throw alreadyConverted();
		await checkStaff(ctx.db, scope, [values.owner], 'owner');
	},
	execute: async (tx, { scope, loaded, values, record }): Promise<{ id: number; meetingId: number }> => {
		const municipalityId = scope.municipality.id;
		const claimed = await claimAgreement(tx, { municipalityId, id: loaded.agreement.id, outcome: 'task' });
		if (!claimed) throw alreadyConverted();
		const task = await insertTask(tx, {
			municipalityId,
			agreementId: loaded.agreement.id,
			title: values.title,
			ownerId: values.owner,
			dueOn: values.dueOn
		});
		// The owner hears of it, in the app and by mail as they chose (notifications.climate-plan.ts).
		record.event({
			type: 'climate_plan.task_assigned',
			subjectKind: 'climate_plan_task',
			municipalityId,
			subjectId: task.id,
			actorId: scope.actor.userId,
			payload: { ownerId: values.owner, title: values.title, dueOn: values.dueOn }
		});
		record.audit({
			action: 'climate_plan.agreement_to_task',
			details: {
				taskId: task.id,
				name: values.title,
				owner: values.owner,
				dueOn: values.dueOn,
				meetingId: loaded.meeting.id,
				agreementId: loaded.agreement.id
			}
		});
		return { id: task.id, meetingId: loaded.meeting.id };
	}
});

// ---------------------------------------------------------------------------------------------
// Tasks
// ---------------------------------------------------------------------------------------------

export interface TasksPage {
	mine: Awaited<ReturnType<typeof listTasks>>;
	all: Awaited<ReturnType<typeof listTasks>>;
	canManage: boolean;
	userId: string;
}

/** The person's open tasks first, then every task of the plan's meetings. */
export const getTasksPage = read({
	load: async (ctx, scope): Promise<TasksPage> => {
		const municipalityId = scope.municipality.id;
		return {
			mine: await listTasks(ctx.db, { municipalityId, ownerId: scope.actor.userId, status: 'open' }),
			all: await listTasks(ctx.db, { municipalityId }),
			canManage: scope.canManage,
			userId: scope.actor.userId
		};
	}
});

/**
 * The task of this municipality by an id from the address, for someone who may change it (its owner, or whoever
 * steers the plan: the policy's `canChangeTask`); another municipality's is not found.
 */
async function findTaskToChange(
	db: Db,
	scope: PlanScope,
	unverifiedId: unknown,
	forUpdate = false
): Promise<TaskRow> {
	const id = parseId(unverifiedId);
	const task =
		id === null ? undefined : await getTask(db, { municipalityId: scope.municipality.id, id, forUpdate });
	if (!task) throw new AppError('not_found');
	if (!canChangeTask(scope.actor, target(scope), task))
		throw new AppError('forbidden', { message: 'climatePlan.teams.errors.notYourTask' });
	return task;
}

/** Marks a task done or open again: its owner, or whoever steers the plan. */
export const changeTaskStatus = read({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof taskStatusSchema>) =>
		findTaskToChange(ctx.db, scope, input.unverifiedId),
	schema: taskStatusSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		await setTaskStatus(tx, { municipalityId: scope.municipality.id, id: loaded.id, status: values.status });
		record.audit({
			action: 'climate_plan.task_status_changed',
			details: { taskId: loaded.id, name: loaded.title, status: values.status }
		});
		return { id: loaded.id };
	}
});

export interface TaskHandoverPage {
	task: TaskRow;
	/** The staff here who read the plan, but the task's owner: who the task may go to. */
	people: { id: string; name: string }[];
}

/** The form to hand an open task over: for its owner and whoever steers the plan. */
export const getTaskHandover = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<TaskHandoverPage> => {
		const task = await findTaskToChange(ctx.db, scope, input.unverifiedId);
		if (task.status !== 'open') throw taskNotOpen();
		const people = await listPlanPeople(ctx.db, { municipalityId: scope.municipality.id });
		return {
			task,
			people: people.filter((p) => p.id !== task.ownerId).map(({ id, name }) => ({ id, name }))
		};
	}
});

const taskNotOpen = () => new AppError('conflict', { message: 'climatePlan.teams.errors.taskNotOpen' });

/**
 * Hands an open task to another staff member here who reads the plan (never a citizen or staff of another
 * municipality: refused beside the field). The new owner is told as of a new task (`climate_plan.task_assigned`,
 * in the app and by mail as they chose); past its due date the hourly notice goes to them, once.
 */
export const handOverTask = read({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof taskHandoverSchema>) =>
		findTaskToChange(ctx.db, scope, input.unverifiedId),
	schema: taskHandoverSchema,
	prepare: async ({ ctx, scope, values, loaded }) => {
		if (loaded.status !== 'open') throw taskNotOpen();
		if (values.owner === loaded.ownerId) refuse('owner', 'climatePlan.teams.errors.sameOwner');
		await checkStaff(ctx.db, scope, [values.owner], 'owner');
	},
	execute: async (tx, { scope, loaded, values, record }): Promise<{ id: number }> => {
		const municipalityId = scope.municipality.id;
		// Locked and read again: a task marked done or handed over meanwhile is not handed over on stale facts.
		const task = await findTaskToChange(tx, scope, loaded.id, true);
		if (task.status !== 'open') throw taskNotOpen();
		await setTaskOwner(tx, { municipalityId, id: task.id, ownerId: values.owner });
		record.event({
			type: 'climate_plan.task_assigned',
			subjectKind: 'climate_plan_task',
			municipalityId,
			subjectId: task.id,
			actorId: scope.actor.userId,
			payload: { ownerId: values.owner, title: task.title, dueOn: task.dueOn }
		});
		record.audit({
			action: 'climate_plan.task_handed_over',
			details: { taskId: task.id, name: task.title, from: task.ownerId, to: values.owner }
		});
		return { id: task.id };
	}
});
