// A citizen group's coaching sessions (Kickoff, Pick'n Choose, Hands on, Wrap up of the Klimaatdoeners
// trajectory) and the notes written for each. The coaching staff plan a session from a session step of one of
// the municipality's running trajectories: the step becomes an event through the playbook's own use case (which
// asks the events feature's createEvent: its rules, audit and domain events), or the event the step already is
// is used, and the event is tied to the group. A session only the members see stays a draft event (the public
// calendar does not show it); a public one is published. Members and coaching staff see the sessions in the
// workspace, with the step's agenda, materials and what to prepare, and write notes under each (Markdown,
// shown sanitised).
import { translate } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError, isUniqueViolation } from '$lib/server/platform/errors';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';
import { SESSION_LIMITS, type SessionVisibility } from '$lib/domain/groups-sessions';
import type { EventStatus } from '$lib/domain/events';
import { planSessionAsEvent } from '$lib/server/features/playbook/playbook.trajectories.service';
import { command, findGroup, openWorkspace, type GroupAudit, type WorkspaceScope } from './groups.access';
import { listGroups, type GroupRow } from './groups.queries';
import {
	findSessionLinks,
	getGroupSession,
	insertGroupSession,
	insertSessionNote,
	listGroupSessions,
	listGroupsWithStep,
	listSessionNotes,
	listSessionSteps,
	type GroupSessionRow,
	type SessionStepRow
} from './groups.sessions.queries';
import {
	planSessionSchema,
	sessionFieldOf,
	sessionNoteSchema,
	stepGroupSchema
} from './groups.sessions.schemas';

// ---------------------------------------------------------------------------------------------
// What leaves the server
// ---------------------------------------------------------------------------------------------

export interface GroupSessionView {
	id: number;
	eventId: number;
	title: string;
	startsAt: string;
	endsAt: string;
	venueName: string;
	address: string;
	status: EventStatus;
	/** Members only while the event is a draft; public once published. */
	visibility: SessionVisibility;
	/** The event's public page, when it is published (or cancelled: it stays visible, marked). */
	eventPath: string | null;
	/** The session's page in the workspace. */
	path: string;
	/** The trajectory step it is, with the template's agenda, materials and what to prepare (one item a line). */
	stepTitle: string | null;
	trajectoryId: number | null;
	agenda: string[];
	materials: string[];
	prepare: string[];
	notes: number;
}

const lines = (text: string | undefined) =>
	(text ?? '')
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);

export function presentGroupSession(slug: string, row: GroupSessionRow): GroupSessionView {
	return {
		id: row.id,
		eventId: row.eventId,
		title: row.title,
		startsAt: row.startsAt.toISOString(),
		endsAt: row.endsAt.toISOString(),
		venueName: row.venueName,
		address: row.address,
		status: row.status,
		visibility: row.status === 'draft' ? 'members' : 'public',
		eventPath: row.status === 'draft' ? null : `/${slug}/activiteiten/${row.eventId}-${row.slug}`,
		path: `/${slug}/groepen/${row.groupId}/werkruimte/sessies/${row.id}`,
		stepTitle: row.stepTitle ?? null,
		trajectoryId: row.trajectoryId ?? null,
		agenda: lines(row.session?.agenda),
		materials: lines(row.session?.materials),
		prepare: lines(row.session?.prepare),
		notes: row.notes
	};
}

/** The group's sessions as the workspace and the back office list them. */
export async function sessionsOfGroup(
	db: Db,
	slug: string,
	group: Pick<GroupRow, 'id' | 'municipalityId'>
): Promise<GroupSessionView[]> {
	const rows = await listGroupSessions(db, { municipalityId: group.municipalityId, groupId: group.id });
	return rows.map((r) => presentGroupSession(slug, r));
}

// ---------------------------------------------------------------------------------------------
// Planning a session (coaching staff, in the back office)
// ---------------------------------------------------------------------------------------------

export interface SessionStepChoice {
	id: number;
	trajectoryId: number;
	trajectoryTitle: string;
	title: string;
	sessionTitle: string;
	/** The session's date: its event's, else the time set on the step, else its due day. */
	dueOn: string;
	sessionStartsAt: string | null;
	/** The step is an event already (planning ties that event to the group). */
	isEvent: boolean;
	/** Already a session of this group. */
	planned: boolean;
}

export interface SessionPlanningPage {
	group: { id: number; name: string; workspacePath: string };
	sessions: GroupSessionView[];
	steps: SessionStepChoice[];
}

function presentChoice(step: SessionStepRow, planned: Set<number>): SessionStepChoice {
	return {
		id: step.id,
		trajectoryId: step.trajectoryId,
		trajectoryTitle: step.trajectoryTitle,
		title: step.title,
		sessionTitle: step.session?.title ?? step.title,
		dueOn: step.dueOn,
		sessionStartsAt: step.sessionStartsAt?.toISOString() ?? null,
		isEvent: step.eventId !== null,
		planned: planned.has(step.id)
	};
}

export const getSessionPlanning = command({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<SessionPlanningPage> => {
		const group = await findGroup(ctx.db, scope.municipality.id, input.unverifiedId);
		const slug = scope.municipality.slug;
		// The group's sessions are read once: they are listed and they say which steps are planned.
		const [rows, steps] = await Promise.all([
			listGroupSessions(ctx.db, { municipalityId: group.municipalityId, groupId: group.id }),
			listSessionSteps(ctx.db, { municipalityId: scope.municipality.id })
		]);
		const planned = new Set(rows.flatMap((r) => (r.trajectoryStepId === null ? [] : [r.trajectoryStepId])));
		return {
			group: { id: group.id, name: group.name, workspacePath: `/${slug}/groepen/${group.id}/werkruimte` },
			sessions: rows.map((r) => presentGroupSession(slug, r)),
			steps: steps.map((s) => presentChoice(s, planned))
		};
	}
});

/** A step planned for the group already, or an event that is another group's session: said beside the field. */
const planned = (message: 'alreadyPlanned' | 'otherGroup', field: PlanArgs['field']) =>
	new AppError('conflict', {
		message: `groupSessions.errors.${message}`,
		fields: { [field]: [`groupSessions.errors.${message}`] }
	});

type PlanArgs = {
	/** The form's field the refusal is said beside: the step chosen for a group, or the group chosen for a step. */
	field: 'step' | 'group';
	ctx: Ctx;
	scope: { municipality: { id: string }; actor: { userId: string } };
	group: Pick<GroupRow, 'id' | 'name'>;
	step: SessionStepRow;
	visibility: SessionVisibility;
	record: { audit: (entry: GroupAudit) => void };
};

/**
 * Plans a session of the group from a session step of the municipality's running trajectories, inside the
 * caller's transaction. A step that is no event yet becomes one through the playbook (`planSessionAsEvent`: the
 * events feature's createEvent, kind citizen-group session, a draft for the members only or published for
 * everyone); a step that already is an event ties that event to the group as it is. The playbook's use case
 * runs in this transaction (its own become savepoints), so the event, the step's link and the group's session
 * are written together or not at all. A step planned for this group already, or whose event is another group's
 * session, is refused in Dutch beside the field — also when two people plan it at once and the unique index,
 * not the check before, finds it.
 */
async function planInTransaction(tx: Db, { ctx, scope, group, step, visibility, record, field }: PlanArgs) {
	const municipalityId = scope.municipality.id;
	const links = await findSessionLinks(tx, {
		municipalityId,
		eventId: step.eventId,
		groupId: group.id,
		trajectoryStepId: step.id
	});
	if (links.some((l) => l.groupId === group.id)) throw planned('alreadyPlanned', field);
	if (links.length > 0) throw planned('otherGroup', field);
	const eventId =
		step.eventId ??
		(
			await planSessionAsEvent(
				{ ...ctx, db: tx },
				{
					unverifiedTrajectoryId: step.trajectoryId,
					unverifiedStepId: step.id,
					kind: 'citizenGroupSession',
					status: visibility === 'public' ? 'published' : 'draft'
				}
			)
		).eventId;
	const session = await insertGroupSession(tx, {
		municipalityId,
		groupId: group.id,
		eventId,
		trajectoryStepId: step.id,
		createdBy: scope.actor.userId
	}).catch((err: unknown) => {
		// Planned twice at once: the second finds the unique index (Drizzle wraps the driver's error).
		if (isUniqueViolation(err, 'group_sessions_step_key')) throw planned('alreadyPlanned', field);
		if (isUniqueViolation(err, 'group_sessions_event_key')) throw planned('otherGroup', field);
		throw err;
	});
	record.audit({
		action: 'group.session_planned',
		details: {
			groupId: group.id,
			name: group.name,
			sessionId: session.id,
			eventId,
			stepId: step.id,
			step: step.title,
			newEvent: step.eventId === null,
			visibility
		}
	});
	return { id: session.id, eventId };
}

const stepFieldError = () =>
	new AppError('validation', {
		fields: { step: ['groupSessions.errors.step'] },
		message: 'groupSessions.errors.step'
	});

/** From the group (`/beheer/groepen/{id}/sessies`): the session step is chosen. */
export const planGroupSession = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof planSessionSchema>) =>
		findGroup(ctx.db, scope.municipality.id, input.unverifiedId),
	schema: planSessionSchema,
	prepare: async ({ ctx, scope, values }) => {
		const steps = await listSessionSteps(ctx.db, { municipalityId: scope.municipality.id });
		const step = steps.find((s) => s.id === values.step);
		if (!step) throw stepFieldError();
		return step;
	},
	execute: (tx, { ctx, scope, loaded: group, values, prepared: step, record }) =>
		planInTransaction(tx, { ctx, scope, group, step, visibility: values.visibility, record, field: 'step' })
});

export interface StepPlanningPage {
	step: SessionStepChoice;
	/** The municipality's groups (a draft call too: staff may plan ahead), whether this step is theirs already. */
	groups: { id: number; name: string; planned: boolean }[];
}

async function findSessionStep(db: Db, municipalityId: string, input: StepTarget) {
	const id = parseId(input.unverifiedStepId);
	const steps = await listSessionSteps(db, { municipalityId });
	const step = steps.find(
		(s) => s.id === id && String(s.trajectoryId) === String(input.unverifiedTrajectoryId)
	);
	if (!step) throw new AppError('not_found');
	return step;
}
type StepTarget = { unverifiedTrajectoryId: unknown; unverifiedStepId: unknown };

/** From the trajectory (`…/draaiboek/{traject}/stappen/{stap}/groep`): the group is chosen. */
export const getStepPlanning = command({
	load: async (ctx, scope, input: StepTarget): Promise<StepPlanningPage> => {
		const municipalityId = scope.municipality.id;
		const step = await findSessionStep(ctx.db, municipalityId, input);
		const [groups, planned] = await Promise.all([
			listGroups(ctx.db, { municipalityId }),
			listGroupsWithStep(ctx.db, { municipalityId, trajectoryStepId: step.id })
		]);
		return {
			step: presentChoice(step, new Set()),
			groups: groups.map((g) => ({ id: g.id, name: g.name, planned: planned.has(g.id) }))
		};
	}
});

export const planStepForGroup = command({
	load: (ctx, scope, input: StepTarget & RawInput<typeof stepGroupSchema>) =>
		findSessionStep(ctx.db, scope.municipality.id, input),
	schema: stepGroupSchema,
	prepare: async ({ ctx, scope, values }) => {
		const groups = await listGroups(ctx.db, { municipalityId: scope.municipality.id });
		const group = groups.find((g) => g.id === values.group);
		if (!group)
			throw new AppError('validation', {
				fields: { group: ['groupSessions.errors.group'] },
				message: 'groupSessions.errors.group'
			});
		return group;
	},
	execute: (tx, { ctx, scope, loaded: step, values, prepared: group, record }) =>
		planInTransaction(tx, { ctx, scope, group, step, visibility: values.visibility, record, field: 'group' })
});

// ---------------------------------------------------------------------------------------------
// A session in the workspace, and its notes (members and coaching staff)
// ---------------------------------------------------------------------------------------------

export interface SessionPage {
	group: { id: number; name: string; workspacePath: string };
	session: GroupSessionView;
	/** The event's description (the session's agenda as the playbook wrote it), sanitised HTML. */
	descriptionHtml: string;
	notes: { id: number; html: string; authorName: string; createdAt: string }[];
}

async function findSession(ctx: TenantCtx, scope: WorkspaceScope, unverifiedSessionId: unknown) {
	const id = parseId(unverifiedSessionId);
	const row =
		id === null
			? undefined
			: await getGroupSession(ctx.db, {
					municipalityId: scope.group.municipalityId,
					groupId: scope.group.id,
					id
				});
	if (!row) throw new AppError('not_found');
	return row;
}

export async function getSessionPage(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; unverifiedSessionId: unknown }
): Promise<SessionPage> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const row = await findSession(ctx, scope, input.unverifiedSessionId);
	const former = translate(ctx.locale, 'groups.formerMember');
	const notes = await listSessionNotes(ctx.db, {
		municipalityId: scope.group.municipalityId,
		sessionId: row.id
	});
	return {
		group: {
			id: scope.group.id,
			name: scope.group.name,
			workspacePath: `/${scope.slug}/groepen/${scope.group.id}/werkruimte`
		},
		session: presentGroupSession(scope.slug, row),
		descriptionHtml: renderMarkdown(row.description),
		notes: notes.map((n) => ({
			id: n.id,
			html: renderMarkdown(n.body),
			authorName: n.authorName ?? former,
			createdAt: n.createdAt.toISOString()
		}))
	};
}

export const SESSION_NOTE_RATE_LIMIT = {
	limit: SESSION_LIMITS.notesPerHour,
	windowSeconds: 3_600
} as const;

/** A member or the coaching staff write a note under a session (Markdown, shown sanitised). */
export async function addSessionNote(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; unverifiedSessionId: unknown; values: RawInput<typeof sessionNoteSchema> }
): Promise<{ id: number }> {
	const scope = await openWorkspace(ctx, input.unverifiedId);
	const session = await findSession(ctx, scope, input.unverifiedSessionId);
	const values = validateInput(sessionNoteSchema, input.values, {
		fallback: 'groups.errors.invalid',
		fieldOf: sessionFieldOf
	});
	await enforceRateLimits(
		ctx.db,
		[{ key: `group-session-note:user:${scope.actor.userId}`, ...SESSION_NOTE_RATE_LIMIT }],
		'groups.errors.rateLimited',
		'body'
	);
	return insertSessionNote(ctx.db, {
		municipalityId: scope.group.municipalityId,
		groupId: scope.group.id,
		sessionId: session.id,
		body: values.body,
		authorId: scope.actor.userId
	});
}
