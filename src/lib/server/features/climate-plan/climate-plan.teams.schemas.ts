// Input of the climate plan's internal work: assigning staff to departments, climate teams, meetings with their
// participants and agreements, tasks, diagnosis rounds and answers. Every message is a catalogue key.
import { z } from 'zod';
import {
	DIAGNOSIS_QUESTIONS,
	DIAGNOSIS_SCALE,
	MEETING_KINDS,
	TASK_STATUSES,
	TEAM_LIMITS,
	type DiagnosisScores,
	type MeetingKind,
	type TaskStatus
} from '$lib/domain/climate-plan-teams';
import { PLAN_LIMITS } from '$lib/domain/climate-plan';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { isUuid, parseId } from '$lib/domain/ids';
import type { MessageKey } from '$lib/i18n';
import { readDate } from './climate-plan.schemas';

const key = (k: string) => `climatePlan.teams.errors.${k}` as MessageKey;

const text = z
	.unknown()
	.optional()
	.transform((v) => (typeof v === 'string' ? withoutControlCharacters(v).trim() : ''));

const required = (max: number, missing: string, tooLong: string) =>
	text.pipe(
		z
			.string()
			.min(1, { error: key(missing) })
			.max(max, { error: key(tooLong) })
	);

const optionalId = (error: string) =>
	text.transform((v, ctx) => {
		if (v === '') return null;
		const id = parseId(v);
		if (id === null) {
			ctx.addIssue({ code: 'custom', message: key(error) });
			return z.NEVER;
		}
		return id;
	});

const optionalPerson = (error: string) =>
	text.transform((v, ctx) => {
		if (v === '') return null;
		if (!isUuid(v)) {
			ctx.addIssue({ code: 'custom', message: key(error) });
			return z.NEVER;
		}
		return v;
	});

/** Repeated checkboxes of people: uuids, each once. */
const people = (max: number, error: string) =>
	z
		.array(z.unknown())
		.optional()
		.transform((values, ctx) => {
			const list = values ?? [];
			if (list.length > max) {
				ctx.addIssue({ code: 'custom', message: key('tooMany') });
				return z.NEVER;
			}
			if (list.some((v) => typeof v !== 'string' || !isUuid(v))) {
				ctx.addIssue({ code: 'custom', message: key(error) });
				return z.NEVER;
			}
			return [...new Set(list as string[])];
		});

const requiredDate = text.transform((v, ctx) => {
	const d = readDate(v);
	if (d === null) {
		ctx.addIssue({ code: 'custom', message: key('dateRequired') });
		return z.NEVER;
	}
	if (d === undefined) {
		ctx.addIssue({ code: 'custom', message: key('dateInvalid') });
		return z.NEVER;
	}
	return d;
});

// ---------------------------------------------------------------------------------------------
// Departments' staff
// ---------------------------------------------------------------------------------------------

/** The department operation of the staff list: `department:12`, or `none` to take people out of theirs. */
export const staffOperationSchema = text.transform((v, ctx) => {
	if (v === 'none') return { departmentId: null };
	const [kind, value = ''] = v.split(':', 2);
	const id = kind === 'department' ? parseId(value) : null;
	if (id === null) {
		ctx.addIssue({ code: 'custom', message: key('operation') });
		return z.NEVER;
	}
	return { departmentId: id as number | null };
});

export const staffAssignSchema = z.object({
	people: people(TEAM_LIMITS.staffBulkMax, 'person'),
	operation: staffOperationSchema
});

export const staffFiltersSchema = z.object({
	q: z.string().max(200).optional().catch(undefined),
	department: z
		.union([z.literal('geen'), z.coerce.number().int().positive()])
		.optional()
		.catch(undefined)
});

// ---------------------------------------------------------------------------------------------
// Climate teams
// ---------------------------------------------------------------------------------------------

export const teamSchema = z.object({
	name: required(TEAM_LIMITS.nameMax, 'nameRequired', 'nameTooLong'),
	theme: optionalId('theme').pipe(z.number({ error: key('themeRequired') })),
	lead: optionalPerson('person')
});
export type TeamInput = z.output<typeof teamSchema>;

/** A department's new name (unique in the municipality, any case: checked by the use case and the index). */
export const departmentNameSchema = z.object({
	name: required(TEAM_LIMITS.nameMax, 'nameRequired', 'nameTooLong')
});

export const teamMembersSchema = z.object({ members: people(TEAM_LIMITS.membersMax, 'person') });

export const personSchema = z.object({
	person: optionalPerson('person').pipe(z.string({ error: key('person') }))
});

// ---------------------------------------------------------------------------------------------
// Meetings, agreements, tasks
// ---------------------------------------------------------------------------------------------

/** A relaunch day's representative: `<department id>:<person id>` from the select of that department. */
const representatives = z
	.array(z.unknown())
	.optional()
	.transform((values, ctx) => {
		const out: { departmentId: number; userId: string }[] = [];
		for (const raw of values ?? []) {
			if (raw === '' || raw === undefined) continue;
			const [dep = '', person = ''] = String(raw).split(':', 2);
			const departmentId = parseId(dep);
			if (departmentId === null || !isUuid(person)) {
				ctx.addIssue({ code: 'custom', message: key('person') });
				return z.NEVER;
			}
			out.push({ departmentId, userId: person });
		}
		if (out.length > TEAM_LIMITS.participantsMax) {
			ctx.addIssue({ code: 'custom', message: key('tooMany') });
			return z.NEVER;
		}
		if (new Set(out.map((r) => r.departmentId)).size !== out.length) {
			ctx.addIssue({ code: 'custom', message: key('onePerDepartment') });
			return z.NEVER;
		}
		return out;
	});

export const meetingSchema = z
	.object({
		kind: text.transform((v, ctx) => {
			if (!(MEETING_KINDS as readonly string[]).includes(v)) {
				ctx.addIssue({ code: 'custom', message: key('kind') });
				return z.NEVER;
			}
			return v as MeetingKind;
		}),
		heldOn: requiredDate,
		department: optionalId('department'),
		team: optionalId('team'),
		notes: text.pipe(z.string().max(TEAM_LIMITS.notesMax, { error: key('notesTooLong') })),
		participants: people(TEAM_LIMITS.participantsMax, 'person'),
		representatives
	})
	.superRefine((v, ctx) => {
		if (v.kind === 'lunch_talk' && v.department === null)
			ctx.addIssue({ code: 'custom', path: ['department'], message: key('departmentRequired') });
		if (v.kind === 'team_meeting' && v.team === null)
			ctx.addIssue({ code: 'custom', path: ['team'], message: key('teamRequired') });
		if (v.kind === 'relaunch_day' && v.representatives.length === 0)
			ctx.addIssue({ code: 'custom', path: ['representatives'], message: key('representativesRequired') });
	});
export type MeetingInput = z.output<typeof meetingSchema>;

/** People added to a meeting after it was recorded. */
export const meetingParticipantsSchema = z.object({
	participants: people(TEAM_LIMITS.participantsMax, 'person')
});

export const meetingNotesSchema = z.object({
	heldOn: requiredDate,
	notes: text.pipe(z.string().max(TEAM_LIMITS.notesMax, { error: key('notesTooLong') }))
});

export const agreementSchema = z.object({
	text: required(TEAM_LIMITS.agreementMax, 'agreementRequired', 'agreementTooLong')
});

export const taskSchema = z.object({
	title: required(TEAM_LIMITS.taskTitleMax, 'taskTitleRequired', 'taskTitleTooLong'),
	owner: optionalPerson('owner').pipe(z.string({ error: key('ownerRequired') })),
	dueOn: requiredDate
});

/** The staff member a task is handed to (staff here who read the plan: checked by the use case). */
export const taskHandoverSchema = z.object({
	owner: optionalPerson('owner').pipe(z.string({ error: key('ownerRequired') }))
});

export const taskStatusSchema = z.object({
	status: text.transform((v, ctx) => {
		if (!(TASK_STATUSES as readonly string[]).includes(v)) {
			ctx.addIssue({ code: 'custom', message: key('taskStatus') });
			return z.NEVER;
		}
		return v as TaskStatus;
	})
});

// ---------------------------------------------------------------------------------------------
// The diagnosis
// ---------------------------------------------------------------------------------------------

export const roundSchema = z.object({
	name: required(PLAN_LIMITS.nameMax, 'nameRequired', 'nameTooLong')
});

const score = text.transform((v, ctx) => {
	if (v === '') {
		ctx.addIssue({ code: 'custom', message: key('scoreRequired') });
		return z.NEVER;
	}
	const n = Number(v);
	if (!Number.isInteger(n) || n < 1 || n > DIAGNOSIS_SCALE) {
		ctx.addIssue({ code: 'custom', message: key('score') });
		return z.NEVER;
	}
	return n;
});

export const answerSchema = z.object({
	department: optionalId('department').pipe(z.number({ error: key('departmentRequired') })),
	...(Object.fromEntries(DIAGNOSIS_QUESTIONS.map((q) => [q, score])) as Record<
		keyof DiagnosisScores,
		typeof score
	>),
	comment: text.pipe(z.string().max(TEAM_LIMITS.commentMax, { error: key('commentTooLong') }))
});
export type AnswerInput = z.output<typeof answerSchema>;
