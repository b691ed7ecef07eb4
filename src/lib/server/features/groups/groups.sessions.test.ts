// A citizen group's sessions, notes per session and evaluation against the real database (PGlite, and
// PostgreSQL when TEST_DATABASE_URL is set): Geel's coaching staff plan the Klimaatdoeners Kickoff from Geel's
// trajectory for a group (it becomes a draft event of the events feature of kind citizen-group session, tied to
// the group and the step, and shows on the trajectory with its date and the group), a public session is
// published; members see the sessions with the template's agenda in the workspace and write notes (Markdown
// sanitised); the evaluation's experiences and lessons show on the public page without names, and staff send a
// lesson back into the playbook as a proposal. A citizen, a member of another group, the alderman and Mol's
// staff are refused, and empty, oversized, malformed and hostile input is refused beside its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import { recordStatements, touching } from '$lib/server/testing/statements';
import {
	actorOf,
	buildGroup,
	buildGroupMember,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser
} from '$lib/server/testing/factories';
import { events, groupSessions, playbookProposals } from '$lib/server/db/schema';
import type { Tenant, TenantCtx } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import {
	getTrajectoryForBackoffice,
	startTrajectory
} from '$lib/server/features/playbook/playbook.trajectories.service';
import { isUniqueViolation } from '$lib/server/platform/errors';
import { getGroupPage } from './groups.service';
import { insertGroupSession } from './groups.sessions.queries';
import { getWorkspace } from './groups.workspace.service';
import {
	addSessionNote,
	getSessionPage,
	getSessionPlanning,
	getStepPlanning,
	planGroupSession,
	planStepForGroup
} from './groups.sessions';
import { addLesson, getEvaluationPage, proposeLesson } from './groups.evaluation';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let moderator: Actor;
let alderman: Actor;
let molModerator: Actor;
let groupId: number;
let otherGroupId: number;
let lotte: Actor;
let stranger: Actor;
let otherMember: Actor;
let trajectoryId: number;
let kickoffStepId: number;
let pickStepId: number;
let molStepId: number;
let handsOnStepId: number;
let molGroupId: number;

const as = (actor: Actor | undefined, tenant: Tenant = geel) =>
	ctxAs(database.db, tenant, actor) as TenantCtx;

async function citizen(givenName: string): Promise<Actor> {
	const user = await buildUser(database.db, { givenName, familyName: 'Peeters' });
	return actorOf(database.db, user);
}

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	moderator = (await buildStaff(database.db, geel, 'moderator')).actor;
	alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
	molModerator = (await buildStaff(database.db, mol, 'moderator')).actor;
	groupId = (await buildGroup(database.db, geel, { name: 'Klimaatdoeners Ten Aard' })).id;
	otherGroupId = (await buildGroup(database.db, geel, { name: 'Klimaatdoeners Punt' })).id;
	lotte = await citizen('Lotte');
	await buildGroupMember(database.db, geel, groupId, lotte.userId);
	otherMember = await citizen('Marie');
	await buildGroupMember(database.db, geel, otherGroupId, otherMember.userId);
	stranger = await citizen('Jonas');
	const start = (tenant: Tenant, actor: Actor) =>
		startTrajectory(as(actor, tenant), {
			template: 'klimaatdoeners',
			title: `Klimaatdoeners ${tenant.slug}`,
			theme: 'Klimaat',
			startsOn: '2026-01-31'
		});
	trajectoryId = (await start(geel, moderator)).id;
	const page = await getTrajectoryForBackoffice(as(moderator), {
		unverifiedTrajectoryId: String(trajectoryId)
	});
	const steps = page.phases.flatMap((p) => p.steps).filter((s) => s.session);
	kickoffStepId = steps.find((s) => s.session!.title.startsWith('Kickoff'))!.id;
	pickStepId = steps.find((s) => s.session!.title.startsWith('Pick'))!.id;
	handsOnStepId = steps.find((s) => s.session!.title.startsWith('Hands'))!.id;
	molGroupId = (await buildGroup(database.db, mol, { name: 'Klimaatdoeners Mol' })).id;
	const molTrajectory = (await start(mol, molModerator)).id;
	const molPage = await getTrajectoryForBackoffice(as(molModerator, mol), {
		unverifiedTrajectoryId: String(molTrajectory)
	});
	molStepId = molPage.phases.flatMap((p) => p.steps).find((s) => s.session)!.id;
});
afterAll(() => database?.destroy());

describe('planning a session', () => {
	it('refuses whoever does not coach groups here, and another municipality’s group is not found', async () => {
		const input = { unverifiedId: String(groupId), step: String(kickoffStepId), visibility: 'members' };
		await refusal(planGroupSession(as(undefined), input), 'unauthenticated');
		await refusal(planGroupSession(as(lotte), input), 'forbidden');
		await refusal(planGroupSession(as(alderman), input), 'forbidden');
		await refusal(planGroupSession(as(molModerator), input), 'forbidden');
		await refusal(planGroupSession(as(molModerator, mol), input), 'not_found');
		await refusal(getSessionPlanning(as(lotte), { unverifiedId: String(groupId) }), 'forbidden');
		await refusal(getSessionPlanning(as(molModerator, mol), { unverifiedId: String(groupId) }), 'not_found');
		expect(await database.db.select().from(groupSessions)).toEqual([]);
	});

	it('refuses a step that is no session of Geel’s running trajectories, and a visibility that is none', async () => {
		const plan = (step: string, visibility = 'members') =>
			refusal(
				planGroupSession(as(moderator), { unverifiedId: String(groupId), step, visibility }),
				'validation'
			);
		expect((await plan('')).options.fields).toEqual({ step: ['groupSessions.errors.stepRequired'] });
		expect((await plan('1 OR 1=1')).options.fields).toEqual({ step: ['groupSessions.errors.stepRequired'] });
		expect((await plan('9'.repeat(40))).options.fields).toEqual({
			step: ['groupSessions.errors.stepRequired']
		});
		expect((await plan(String(molStepId))).options.fields).toEqual({ step: ['groupSessions.errors.step'] });
		expect((await plan(String(kickoffStepId), 'iedereen')).options.fields).toEqual({
			visibility: ['groupSessions.errors.visibility']
		});
	});

	it('makes the Kickoff a draft event tied to the group and its step, shown on the trajectory', async () => {
		const planning = await getSessionPlanning(as(moderator), { unverifiedId: String(groupId) });
		expect(planning.steps.map((s) => s.id)).toEqual(expect.arrayContaining([kickoffStepId, pickStepId]));
		expect(planning.steps.map((s) => s.id)).not.toContain(molStepId);
		const { eventId } = await planGroupSession(as(moderator), {
			unverifiedId: String(groupId),
			step: String(kickoffStepId),
			visibility: 'members'
		});
		const [event] = await database.db.select().from(events).where(eq(events.id, eventId));
		expect(event).toMatchObject({ municipalityId: geel.id, kind: 'citizenGroupSession', status: 'draft' });
		expect(event!.title).toMatch(/^Kickoff/);
		const page = await getTrajectoryForBackoffice(as(moderator), {
			unverifiedTrajectoryId: String(trajectoryId)
		});
		const step = page.phases.flatMap((p) => p.steps).find((s) => s.id === kickoffStepId)!;
		expect(step).toMatchObject({
			eventId,
			eventStartsAt: event!.startsAt.toISOString(),
			sessionGroups: 'Klimaatdoeners Ten Aard'
		});
		const audit = await auditOf(database.db, geel.id);
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['event.created', 'playbook.session_planned', 'group.session_planned'])
		);
		expect(audit.find((a) => a.action === 'group.session_planned')!.details).toMatchObject({
			groupId,
			eventId,
			stepId: kickoffStepId,
			newEvent: true
		});
	});

	it('refuses the same step twice for the group, and its event for another group', async () => {
		const again = await refusal(
			planGroupSession(as(moderator), {
				unverifiedId: String(groupId),
				step: String(kickoffStepId),
				visibility: 'members'
			}),
			'conflict'
		);
		expect(again.messageKey).toBe('groupSessions.errors.alreadyPlanned');
		expect(again.options.fields?.step).toEqual(['groupSessions.errors.alreadyPlanned']);
		const other = await refusal(
			planGroupSession(as(moderator), {
				unverifiedId: String(otherGroupId),
				step: String(kickoffStepId),
				visibility: 'members'
			}),
			'conflict'
		);
		expect(other.messageKey).toBe('groupSessions.errors.otherGroup');
		expect(other.options.fields?.step).toEqual(['groupSessions.errors.otherGroup']);
		expect(await database.db.select().from(groupSessions)).toHaveLength(1);
	});

	it('knows the unique index’s refusal through Drizzle’s wrapping, as a second insert at the same moment meets it', async () => {
		// What the use case meets when two people tie the event at once and both passed the check before: the row
		// is there already. Drizzle wraps the driver's error; the violation and its constraint are in its cause.
		const [planned] = await database.db.select().from(groupSessions);
		const err = await insertGroupSession(database.db, {
			municipalityId: geel.id,
			groupId: otherGroupId,
			eventId: planned!.eventId,
			trajectoryStepId: null,
			createdBy: moderator.userId
		}).then(
			() => {
				throw new Error('inserted twice');
			},
			(e: unknown) => e
		);
		expect((err as { code?: unknown }).code).not.toBe('23505');
		expect(isUniqueViolation(err)).toBe(true);
		expect(isUniqueViolation(err, 'group_sessions_event_key')).toBe(true);
		expect(isUniqueViolation(err, 'group_sessions_step_key')).toBe(false);
		expect(isUniqueViolation(new Error('something else'))).toBe(false);
		expect(isUniqueViolation(null)).toBe(false);
	});

	it('publishes a public session at once', async () => {
		const { eventId } = await planGroupSession(as(moderator), {
			unverifiedId: String(groupId),
			step: String(pickStepId),
			visibility: 'public'
		});
		const [event] = await database.db.select().from(events).where(eq(events.id, eventId));
		expect(event).toMatchObject({ status: 'published', kind: 'citizenGroupSession' });
	});
});

describe('sessions and their notes in the workspace', () => {
	it('shows the sessions with the template’s agenda to the members, the draft as members-only', async () => {
		const page = await getWorkspace(as(lotte), { unverifiedId: String(groupId) });
		expect(page.sessions).toHaveLength(2);
		const [kickoff, pick] = page.sessions;
		expect(kickoff).toMatchObject({ visibility: 'members', eventPath: null, notes: 0 });
		expect(kickoff!.agenda.length).toBeGreaterThan(0);
		expect(kickoff!.path).toBe(`/geel/groepen/${groupId}/werkruimte/sessies/${kickoff!.id}`);
		expect(pick).toMatchObject({ visibility: 'public' });
		expect(pick!.eventPath).toMatch(new RegExp(`^/geel/activiteiten/${pick!.eventId}-`));
		const other = await getWorkspace(as(otherMember), { unverifiedId: String(otherGroupId) });
		expect(other.sessions).toEqual([]);
	});

	it('opens a session to members and coaching staff only', async () => {
		const [kickoff] = (await getWorkspace(as(lotte), { unverifiedId: String(groupId) })).sessions;
		const target = { unverifiedId: String(groupId), unverifiedSessionId: String(kickoff!.id) };
		expect((await getSessionPage(as(lotte), target)).session.title).toMatch(/^Kickoff/);
		expect((await getSessionPage(as(moderator), target)).notes).toEqual([]);
		await refusal(getSessionPage(as(undefined), target), 'unauthenticated');
		await refusal(getSessionPage(as(stranger), target), 'forbidden');
		await refusal(getSessionPage(as(otherMember), target), 'forbidden');
		await refusal(getSessionPage(as(alderman), target), 'forbidden');
		await refusal(getSessionPage(as(molModerator), target), 'forbidden');
		await refusal(getSessionPage(as(molModerator, mol), target), 'not_found');
		// The other group's member, in their own workspace, cannot reach this session by its id.
		await refusal(
			getSessionPage(as(otherMember), {
				unverifiedId: String(otherGroupId),
				unverifiedSessionId: String(kickoff!.id)
			}),
			'not_found'
		);
		await refusal(getSessionPage(as(lotte), { ...target, unverifiedSessionId: 'abc' }), 'not_found');
	});

	it('keeps notes of members and staff under the session, Markdown sanitised; bad input refused', async () => {
		const [kickoff] = (await getWorkspace(as(lotte), { unverifiedId: String(groupId) })).sessions;
		const target = { unverifiedId: String(groupId), unverifiedSessionId: String(kickoff!.id) };
		const empty = await refusal(
			addSessionNote(as(lotte), { ...target, values: { body: ' \n ' } }),
			'validation'
		);
		expect(empty.options.fields).toEqual({ body: ['groupSessions.errors.noteRequired'] });
		const long = await refusal(
			addSessionNote(as(lotte), { ...target, values: { body: 'a'.repeat(20_001) } }),
			'validation'
		);
		expect(long.options.fields).toEqual({ body: ['groupSessions.errors.noteTooLong'] });
		await refusal(
			addSessionNote(as(lotte), { ...target, values: { body: ['twee', 'waarden'] as unknown as string } }),
			'validation'
		);
		await refusal(addSessionNote(as(stranger), { ...target, values: { body: 'Hallo' } }), 'forbidden');
		await refusal(addSessionNote(as(otherMember), { ...target, values: { body: 'Hallo' } }), 'forbidden');
		await refusal(
			addSessionNote(as(molModerator, mol), { ...target, values: { body: 'Hallo' } }),
			'not_found'
		);
		await addSessionNote(as(lotte), {
			...target,
			values: {
				body: '**Afspraak**: elke eerste zaterdag.\n\n<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1))'
			}
		});
		await addSessionNote(as(moderator), { ...target, values: { body: '- Zaal vastgelegd\n- Koffie' } });
		const page = await getSessionPage(as(lotte), target);
		expect(page.notes).toHaveLength(2);
		const [first, second] = page.notes;
		expect(first!.html).toContain('<strong>Afspraak</strong>');
		expect(first!.html).not.toMatch(/<script|<img|href="javascript/i);
		expect(first!.html).toContain('&lt;script&gt;');
		expect(second!.html).toContain('<li>Zaal vastgelegd</li>');
		const again = await getWorkspace(as(lotte), { unverifiedId: String(groupId) });
		expect(again.sessions[0]!.notes).toBe(2);
	});
});

describe('the evaluation month', () => {
	it('records experiences and lessons of the citizens and the municipality, shown publicly without names', async () => {
		const input = (kind: string, body: string) => ({ unverifiedId: String(groupId), values: { kind, body } });
		const bad = await refusal(addLesson(as(lotte), input('klacht', '')), 'validation');
		expect(bad.options.fields).toEqual({
			kind: ['groupSessions.errors.kind'],
			body: ['groupSessions.errors.lessonRequired']
		});
		const long = await refusal(addLesson(as(lotte), input('lesson', 'a'.repeat(1_801))), 'validation');
		expect(long.options.fields).toEqual({ body: ['groupSessions.errors.lessonTooLong'] });
		await refusal(addLesson(as(stranger), input('lesson', 'Iets')), 'forbidden');
		await refusal(addLesson(as(otherMember), input('lesson', 'Iets')), 'forbidden');
		await refusal(addLesson(as(molModerator, mol), input('lesson', 'Iets')), 'not_found');
		await addLesson(as(lotte), input('positive', 'Het repaircafé bracht de buurt samen.'));
		await addLesson(as(moderator), input('lesson', 'Plan de Kickoff niet in de schoolvakantie. <b>echt</b>'));
		const page = await getGroupPage(as(undefined), { unverifiedId: String(groupId) });
		expect(page.lessons.map((l) => [l.kind, l.voice, l.body])).toEqual([
			['lesson', 'municipality', 'Plan de Kickoff niet in de schoolvakantie. <b>echt</b>'],
			['positive', 'citizens', 'Het repaircafé bracht de buurt samen.']
		]);
		expect(JSON.stringify(page.lessons)).not.toContain('Lotte');
		const other = await getGroupPage(as(undefined), { unverifiedId: String(otherGroupId) });
		expect(other.lessons).toEqual([]);
	});

	it('lets staff send a lesson back into the playbook once, as a proposal for a step', async () => {
		const evaluation = await getEvaluationPage(as(moderator), { unverifiedId: String(groupId) });
		expect(evaluation.steps.map((s) => s.id)).toContain(kickoffStepId);
		expect(evaluation.steps.map((s) => s.id)).not.toContain(molStepId);
		const forMember = await getEvaluationPage(as(lotte), { unverifiedId: String(groupId) });
		expect(forMember.steps).toEqual([]);
		const lesson = evaluation.lessons.find((l) => l.kind === 'lesson')!;
		const target = { unverifiedId: String(groupId), unverifiedLessonId: String(lesson.id) };
		const member = await refusal(
			proposeLesson(as(lotte), { ...target, values: { step: String(kickoffStepId) } }),
			'forbidden'
		);
		expect(member.messageKey).toBe('groupSessions.errors.staffOnly');
		await refusal(
			proposeLesson(as(molModerator, mol), { ...target, values: { step: String(molStepId) } }),
			'not_found'
		);
		const wrong = await refusal(
			proposeLesson(as(moderator), { ...target, values: { step: String(molStepId) } }),
			'validation'
		);
		expect(wrong.options.fields).toEqual({ step: ['groupSessions.errors.step'] });
		await refusal(
			proposeLesson(as(moderator), { ...target, unverifiedLessonId: '999999', values: { step: '1' } }),
			'not_found'
		);
		const { proposalId } = await proposeLesson(as(moderator), {
			...target,
			values: { step: String(kickoffStepId) }
		});
		const [proposal] = await database.db
			.select()
			.from(playbookProposals)
			.where(eq(playbookProposals.id, proposalId));
		expect(proposal).toMatchObject({
			municipalityId: geel.id,
			trajectoryStepId: kickoffStepId,
			status: 'open'
		});
		expect(proposal!.reason).toBe(
			'Les uit de evaluatie van Klimaatdoeners Ten Aard: Plan de Kickoff niet in de schoolvakantie. <b>echt</b>'
		);
		const again = await refusal(
			proposeLesson(as(moderator), { ...target, values: { step: String(kickoffStepId) } }),
			'conflict'
		);
		expect(again.messageKey).toBe('groupSessions.errors.alreadyProposed');
		const page = await getGroupPage(as(undefined), { unverifiedId: String(groupId) });
		expect(page.lessons.find((l) => l.id === lesson.id)!.proposed).toBe(true);
		const audit = await auditOf(database.db, geel.id);
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['playbook.step_proposed', 'group.lesson_proposed'])
		);
	});
});

describe('planning from the trajectory', () => {
	it('reads the sessions once for a step’s groups and once for a group’s planning page, however many groups', async () => {
		const target = { unverifiedTrajectoryId: String(trajectoryId), unverifiedStepId: String(kickoffStepId) };
		const step = await recordStatements(database.db, () => getStepPlanning(as(moderator), target));
		expect(step.result.groups.length).toBeGreaterThanOrEqual(2);
		expect(step.result.groups.find((g) => g.id === groupId)!.planned).toBe(true);
		expect(touching(step.statements, 'group_sessions')).toBe(1);
		const group = await recordStatements(database.db, () =>
			getSessionPlanning(as(moderator), { unverifiedId: String(groupId) })
		);
		expect(group.result.sessions.length).toBeGreaterThan(0);
		expect(touching(group.statements, 'group_sessions')).toBe(1);
	});

	it('plans a step of the trajectory for a chosen group of Geel; another group, municipality or trajectory is refused', async () => {
		const target = { unverifiedTrajectoryId: String(trajectoryId), unverifiedStepId: String(handsOnStepId) };
		const page = await getStepPlanning(as(moderator), target);
		expect(page.step.id).toBe(handsOnStepId);
		expect(page.groups.map((g) => g.name)).toEqual(
			expect.arrayContaining(['Klimaatdoeners Ten Aard', 'Klimaatdoeners Punt'])
		);
		expect(page.groups.map((g) => g.name)).not.toContain('Klimaatdoeners Mol');
		const kickoff = await getStepPlanning(as(moderator), {
			...target,
			unverifiedStepId: String(kickoffStepId)
		});
		expect(kickoff.groups.find((g) => g.id === groupId)!.planned).toBe(true);
		await refusal(getStepPlanning(as(lotte), target), 'forbidden');
		await refusal(getStepPlanning(as(molModerator, mol), target), 'not_found');
		await refusal(
			getStepPlanning(as(moderator), { ...target, unverifiedTrajectoryId: '999999' }),
			'not_found'
		);
		const plan = (group: string, actor = moderator, tenant = geel) =>
			planStepForGroup(as(actor, tenant), { ...target, group, visibility: 'members' });
		expect((await refusal(plan(''), 'validation')).options.fields).toEqual({
			group: ['groupSessions.errors.groupRequired']
		});
		expect((await refusal(plan(String(molGroupId)), 'validation')).options.fields).toEqual({
			group: ['groupSessions.errors.group']
		});
		await refusal(plan(String(otherGroupId), alderman), 'forbidden');
		await refusal(plan(String(otherGroupId), molModerator, mol), 'not_found');
		const { eventId } = await plan(String(otherGroupId));
		const other = await getWorkspace(as(otherMember), { unverifiedId: String(otherGroupId) });
		expect(other.sessions.map((s) => s.eventId)).toEqual([eventId]);
		expect(other.sessions[0]!.title).toMatch(/^Hands on/);
	});
});
